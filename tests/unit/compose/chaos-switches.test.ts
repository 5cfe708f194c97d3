import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chaosSwitches } from '../../../electron/compose/chaos-switches';
import { CRASH_POINTS, parseCrashAt } from '../../../electron/core/platform/chaos/crash-points';
import { faultyDisk, parseDiskFault } from '../../../electron/core/platform/disk/disk-faults';
import { ConfigError } from '../../../electron/core/platform/config';
import { diskIo } from '../../../electron/core/platform/disk/file-io';
import { withCore } from '../helpers/pos';
import { tempDir } from '../helpers/temp-dir';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));

/** A process that arms the switches as the composition does, then passes `order-stored` three times, saying so each time. */
function passesOrderStored(env: NodeJS.ProcessEnv, packaged: boolean) {
  const script = `
    import { chaosSwitches } from './electron/compose/chaos-switches.ts';
    import { crashPoint } from './electron/core/platform/chaos/crash-points.ts';
    chaosSwitches(${JSON.stringify(env)}, ${packaged});
    for (const n of [1, 2, 3]) { crashPoint('order-stored'); console.log('passed ' + n); }`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: REPO,
    encoding: 'utf8',
  });
  return { said: child.stdout.trim().split('\n').filter(Boolean), signal: child.signal };
}

describe('the crash switch (POS_CRASH_AT)', () => {
  it('kills the app at the n-th time the step is reached, as kill -9 would', () => {
    expect(passesOrderStored({ POS_CRASH_AT: 'order-stored:2' }, false)).toEqual({
      said: ['passed 1'],
      signal: 'SIGKILL',
    });
    expect(passesOrderStored({ POS_CRASH_AT: 'order-stored' }, false)).toEqual({ said: [], signal: 'SIGKILL' });
  });

  it('is ignored by an installed app', () => {
    expect(passesOrderStored({ POS_CRASH_AT: 'order-stored' }, true)).toEqual({
      said: ['passed 1', 'passed 2', 'passed 3'],
      signal: null,
    });
    expect(chaosSwitches({ POS_CRASH_AT: 'order-stored', POS_DISK_FAULT: 'EIO:append' }, true).ignored).toEqual([
      'POS_CRASH_AT',
      'POS_DISK_FAULT',
    ]);
  });

  it('refuses a point it does not know, naming the ones it does, so a typo never makes a run that cannot crash', async () => {
    expect(parseCrashAt('toss-answered:3')).toEqual({ point: 'toss-answered', hit: 3 });
    expect(() => parseCrashAt('toss-answerd')).toThrow(ConfigError);
    expect(() => parseCrashAt('toss-answered:0')).toThrow(CRASH_POINTS.join(', '));
    await expect(withCore({ env: { POS_CRASH_AT: 'paid' } })).rejects.toThrow(/POS_CRASH_AT must be/);
  });
});

describe('the disk fault switch (POS_DISK_FAULT)', () => {
  it('reads <code>:<op>[:<from>[:<count>]] and refuses anything else', () => {
    expect(parseDiskFault('ENOSPC:append:3')).toEqual({ code: 'ENOSPC', op: 'append', from: 3, count: null });
    expect(parseDiskFault('EIO:append-sync:1:2')).toEqual({ code: 'EIO', op: 'append-sync', from: 1, count: 2 });
    for (const bad of ['ENOSPC', 'EPERM:append', 'EIO:flush', 'EIO:append:0', 'EIO:append:1:1:1'])
      expect(() => parseDiskFault(bad)).toThrow(ConfigError);
  });

  it('an append fault fails from the n-th append on, before a byte is written', async () => {
    const dir = await tempDir('disk-fault');
    const path = join(dir, 'journal.jsonl');
    const file = await faultyDisk(diskIo, parseDiskFault('ENOSPC:append:2')).openAppend(path);
    await file.append('one\n');
    await expect(file.append('two\n')).rejects.toMatchObject({ code: 'ENOSPC', path });
    await expect(file.append('three\n')).rejects.toMatchObject({ code: 'ENOSPC' });
    await file.close();
    expect(await readFile(path, 'utf8')).toBe('one\n');
  });

  it('a sync fault lets the bytes through and then fails, for as many syncs as it says', async () => {
    const dir = await tempDir('disk-fault');
    const appends = faultyDisk(diskIo, parseDiskFault('EIO:append-sync:1:1'));
    const file = await appends.openAppend(join(dir, 'journal.jsonl'));
    await expect(file.append('one\n')).rejects.toMatchObject({ code: 'EIO' });
    await file.append('two\n');
    await file.close();
    expect(await readFile(join(dir, 'journal.jsonl'), 'utf8')).toBe('one\ntwo\n');
    await appends.writeAtomic(join(dir, 'doc.json'), '{}');
    const writes = faultyDisk(diskIo, parseDiskFault('ENOSPC:write-sync:2'));
    await writes.writeAtomic(join(dir, 'doc.json'), '{"a":1}');
    await expect(writes.writeAtomic(join(dir, 'doc.json'), '{"a":2}')).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readFile(join(dir, 'doc.json'), 'utf8')).toBe('{"a":2}');
  });

  it('a read fault fails reads of part of a file (the outbox’s journal reads) as it says, and a read-only folder still reads', async () => {
    const dir = await tempDir('disk-fault');
    const path = join(dir, 'journal.jsonl');
    await diskIo.writeAtomic(path, 'one\ntwo\n');
    const disk = faultyDisk(diskIo, parseDiskFault('EIO:read:2:1'));
    expect((await disk.readRange(path, 0, 4))?.toString()).toBe('one\n');
    await expect(disk.readRange(path, 4, 4)).rejects.toMatchObject({ code: 'EIO', path });
    expect((await disk.readRange(path, 4, 100))?.toString()).toBe('two\n');
    expect(await disk.readRange(join(dir, 'none.jsonl'), 0, 4)).toBeNull();
    const readOnly = faultyDisk(diskIo, parseDiskFault('EROFS:any'));
    expect((await readOnly.readRange(path, 0, 3))?.toString()).toBe('one');
    expect(await readOnly.list(dir)).toEqual(['journal.jsonl']);
  });

  it('a read-only folder refuses every write, opening a journal included; an app started on one says so', async () => {
    const dir = await tempDir('disk-fault');
    const disk = faultyDisk(diskIo, parseDiskFault('EROFS:any'));
    await expect(disk.openAppend(join(dir, 'journal.jsonl'))).rejects.toMatchObject({ code: 'EROFS' });
    await expect(disk.writeAtomic(join(dir, 'doc.json'), '{}')).rejects.toMatchObject({ code: 'EROFS' });
    expect(await disk.read(join(dir, 'doc.json'))).toBeNull();
    await expect(withCore({ dataDir: dir, env: { POS_DISK_FAULT: 'EROFS:any' } })).rejects.toThrow(
      /cannot be written \(the disk is read-only\)/,
    );
  });
});
