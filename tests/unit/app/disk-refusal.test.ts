import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWritable } from '../../../electron/core/platform/disk/disk-errors';
import { diskIo, type FileIo } from '../../../electron/core/platform/disk/file-io';
import { describeError } from '../../../shared/i18n/error-messages';
import { faultyIo } from '../helpers/faulty-io';
import { withCore } from '../helpers/pos';
import { tempDir } from '../helpers/temp-dir';

/** A disk on which this user may not write (EACCES on every write), as a folder owned by someone else. */
const notMine: FileIo = {
  ...diskIo,
  writeAtomic: async (path) => {
    throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES', path });
  },
  openAppend: async (path) => {
    throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES', path });
  },
};

/** A disk whose every write fails with this error code. */
const refusing = (code: string): FileIo => ({
  ...notMine,
  writeAtomic: async (path) => {
    throw Object.assign(new Error(`${code}: refused, open '${path}'`), { code, path });
  },
});

describe('a disk that refuses writes', () => {
  it('says at start, for each way a disk refuses, why and what the owner can do', async () => {
    const dataDir = await tempDir('unwritable');
    const said = async (code: string) =>
      (await checkWritable(dataDir, refusing(code)).catch((error: Error) => error.message)) ?? '';
    const start = `the data folder ${dataDir} cannot be written`;
    expect(await said('EACCES')).toBe(
      `${start} (permission denied): sales could not be kept. Give this user write access to it, then start Toss POS again.`,
    );
    expect(await said('ENOSPC')).toBe(
      `${start} (the disk is full): sales could not be kept. Free some space, then start Toss POS again.`,
    );
    expect(await said('EROFS')).toBe(
      `${start} (the disk is read-only): sales could not be kept. Make the disk writable again, then start Toss POS again.`,
    );
    expect(await said('EIO')).toBe(
      `${start} (the disk reported an input/output error): sales could not be kept. Check the disk (it may be failing) or move the folder to a sound one, then start Toss POS again.`,
    );
  });

  it('stops the start, saying which folder and why, instead of saying ready', async () => {
    const dataDir = await tempDir('unwritable');
    await expect(withCore({ dataDir, io: notMine })).rejects.toThrow(
      `the data folder ${dataDir} cannot be written (permission denied)`,
    );
    await expect(withCore({ dataDir, io: faultyIo(() => true).io })).rejects.toThrow(
      /cannot be written \(the disk is full\)/,
    );
  });

  it('tells the cashier in words (the disk is full) when a sale cannot be written, and no order is kept', async () => {
    const disk = faultyIo((path) => path.includes('orders') && path.endsWith('.jsonl'));
    const h = await withCore({ io: disk.io });
    const refused = await h.fail('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
    expect(refused).toMatchObject({ code: 'STORE_WRITE_REFUSED', retryable: true, details: { reason: 'full' } });
    expect(describeError(refused, 'ko')).toContain('디스크가 가득 찼습니다');
    expect(describeError(refused, 'en')).toMatch(/^Could not save: the disk is full/);
    for (const name of (await readdir(join(h.dataDir, 'orders'))).filter((n) => n.endsWith('.jsonl')))
      expect(await readFile(join(h.dataDir, 'orders', name), 'utf8')).toBe('');
  });

  // Found by the chaos matrix: an input/output error was not named, so the start stopped with a stack trace and a sale with "internal error".
  it('names a disk input/output error, at the start and on a sale, instead of a stack trace or "internal error"', async () => {
    const dataDir = await tempDir('failing-disk');
    await expect(withCore({ dataDir, env: { POS_DISK_FAULT: 'EIO:write-sync:1:1' } })).rejects.toThrow(
      `the data folder ${dataDir} cannot be written (the disk reported an input/output error)`,
    );
    const h = await withCore({ env: { POS_DISK_FAULT: 'EIO:append:1:1' } });
    const refused = await h.fail('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
    expect(refused).toMatchObject({ code: 'STORE_WRITE_REFUSED', retryable: true, details: { reason: 'io-error' } });
    expect(describeError(refused, 'en')).toMatch(
      /^Could not save: the disk reported an input\/output error .*Check the disk/,
    );
    expect(describeError(refused, 'ko')).toContain('디스크 입출력 오류');
    expect((await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] })).amount).toBe(4_500);
  });
});
