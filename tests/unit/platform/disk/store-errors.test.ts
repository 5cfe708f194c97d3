import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError } from '../../../../electron/core/platform/config';
import { StoreFileCorruptError, problemOf } from '../../../../electron/core/platform/disk/corrupt-file-error';
import { checkWritable, diskRefusal } from '../../../../electron/core/platform/disk/disk-errors';
import { diskIo, type FileIo } from '../../../../electron/core/platform/disk/file-io';
import { tempDir } from '../../helpers/temp-dir';

/** The real disk, except that every write fails with `code` (and a path when given). */
function refusing(code: string, path?: string): FileIo {
  const fail = async () => {
    throw Object.assign(new Error(`${code}: refused`), { code, ...(path === undefined ? {} : { path }) });
  };
  return { ...diskIo, writeAtomic: fail, openAppend: fail };
}

function zodError(schema: z.ZodType, value: unknown): unknown {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected the schema to refuse');
  return parsed.error;
}

describe('what is wrong with a damaged record, in words', () => {
  const line = z.object({
    orderId: z.string(),
    amount: z.number().int(),
    lines: z.array(z.object({ quantity: z.number() })),
  });

  it('names the field and the rule it breaks, and how many more problems there are', () => {
    expect(problemOf(zodError(line, { orderId: 'x', amount: 1, lines: [{ quantity: 'two' }] }))).toBe(
      'lines.0.quantity: Invalid input: expected number, received string',
    );
    expect(problemOf(zodError(line, { orderId: 7, amount: 1.5, lines: [] }))).toBe(
      'orderId: Invalid input: expected string, received number (and 1 more)',
    );
    expect(problemOf(zodError(line, { orderId: 7, amount: 'x' }))).toMatch(/^orderId: .* \(and 2 more\)$/);
  });

  it('says "the record" when the whole record is wrong, and "not allowed" when the rule gives no words', () => {
    expect(problemOf(zodError(line, 'not an object'))).toBe(
      'the record: Invalid input: expected object, received string',
    );
    expect(problemOf({ issues: [{ path: ['amount'] }] })).toBe('amount: not allowed');
    expect(problemOf({ issues: [{ message: 'too big' }] })).toBe('the record: too big');
  });

  it('says a line is not JSON, and passes any other failure’s own words through', () => {
    let syntax: unknown;
    try {
      JSON.parse('{"orderId":');
    } catch (error) {
      syntax = error;
    }
    expect(problemOf(syntax)).toMatch(/^it is not JSON \(.+\)$/);
    expect(problemOf(new Error('disk said no'))).toBe('disk said no');
    expect(problemOf({ issues: [] })).toBe('[object Object]');
    expect(problemOf(null)).toBe('null');
    expect(problemOf('odd')).toBe('odd');
  });

  it('a damaged journal line: which file, which line, what is wrong, that the file is untouched, and to run the doctor', () => {
    const error = new StoreFileCorruptError('/data/orders/2026-03-02.jsonl', new Error('amount: too small'), 3);
    expect(error.message).toBe(
      'data file is unreadable: /data/orders/2026-03-02.jsonl, line 3: amount: too small. The file is left as it is. Close Toss POS and run "npm run doctor": it moves the bad line aside into a quarantine file (never deleting it) and the rest of the file is read again.',
    );
    expect(error).toMatchObject({
      name: 'StoreFileCorruptError',
      path: '/data/orders/2026-03-02.jsonl',
      line: 3,
      problem: 'amount: too small',
      fileName: '2026-03-02.jsonl',
    });
  });

  it('a damaged document: which file and what is wrong, and to fix or restore it (the doctor cannot mend a document)', () => {
    const error = new StoreFileCorruptError(
      '/data/catalog.json',
      zodError(z.object({ price: z.number() }), { price: '4500' }),
    );
    expect(error.message).toBe(
      'data file is unreadable: /data/catalog.json: price: Invalid input: expected number, received string. The file is left as it is. Fix the file or restore it from a backup, then start Toss POS again.',
    );
    expect(error.line).toBeUndefined();
    expect(error.fileName).toBe('catalog.json');
  });
});

describe('why the disk refused a write, in the shop owner’s terms', () => {
  it.each([
    ['EACCES', 'permission'],
    ['EPERM', 'permission'],
    ['ENOSPC', 'full'],
    ['EDQUOT', 'full'],
    ['EROFS', 'read-only'],
    ['EIO', 'io-error'],
  ])('%s is "%s", with the path the disk named', (code, reason) => {
    expect(diskRefusal(Object.assign(new Error(code), { code, path: '/data/orders/2026-03-02.jsonl' }))).toEqual({
      reason,
      path: '/data/orders/2026-03-02.jsonl',
    });
  });

  it('no path when the error names none; null for anything that is not a refusal of the disk', () => {
    expect(diskRefusal(Object.assign(new Error('full'), { code: 'ENOSPC' }))).toEqual({ reason: 'full', path: null });
    expect(diskRefusal(Object.assign(new Error('full'), { code: 'ENOSPC', path: 42 }))).toEqual({
      reason: 'full',
      path: null,
    });
    expect(diskRefusal(Object.assign(new Error('gone'), { code: 'ENOENT', path: '/x' }))).toBeNull();
    expect(diskRefusal(new Error('boom'))).toBeNull();
    expect(diskRefusal(null)).toBeNull();
    expect(diskRefusal(undefined)).toBeNull();
  });

  it.each([
    ['EACCES', 'permission denied', 'Give this user write access to it'],
    ['ENOSPC', 'the disk is full', 'Free some space'],
    ['EROFS', 'the disk is read-only', 'Make the disk writable again'],
    [
      'EIO',
      'the disk reported an input/output error',
      'Check the disk (it may be failing) or move the folder to a sound one',
    ],
  ])('at start, %s stops the app saying which folder, why (%s) and what to do', async (code, why, todo) => {
    const dataDir = await tempDir('unwritable');
    const refused = checkWritable(dataDir, refusing(code, `${dataDir}/.write-check`));
    await expect(refused).rejects.toBeInstanceOf(ConfigError);
    await expect(refused).rejects.toThrow(
      `the data folder ${dataDir} cannot be written (${why}): sales could not be kept. ${todo}, then start Toss POS again.`,
    );
  });

  it('a writable folder passes and is left as it was; an error that is not the disk’s refusal is passed on as it is', async () => {
    const dataDir = await tempDir('writable');
    await checkWritable(dataDir, diskIo);
    expect(await readdir(dataDir)).toEqual([]);
    await expect(checkWritable(dataDir, refusing('EBUSY'))).rejects.toThrow('EBUSY: refused');
  });
});
