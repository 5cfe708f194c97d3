import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IndexWriter } from '../../../../electron/core/orders/index/index-writer';
import { indexFiles } from '../../../../electron/core/orders/index/index-files';
import { capturingLog } from '../../helpers/capturing-log';
import { tempDir } from '../../helpers/temp-dir';

/**
 * The index's rows go to file in the pauses between sales (a journal's fsync would otherwise
 * write them out too and hold up the sale): after 200 ms without a sale, and at the latest 5 s
 * after the first row waiting.
 */

afterEach(() => {
  vi.useRealTimers();
});

/** Lets fake time pass in steps. */
async function pass(ms: number, step = 10): Promise<void> {
  for (let left = ms; left > 0; left -= step) await vi.advanceTimersByTimeAsync(Math.min(step, left));
}

const realTimeout = globalThis.setTimeout;
/** The file as it is once any write already started has reached the disk (real time: the disk does not follow fake time). */
async function onDisk(path: string): Promise<string | null> {
  await new Promise((resolve) => realTimeout(resolve, 50));
  return indexFiles.read(path);
}

describe('the index writer', () => {
  it('a row added while a read waits for the rows is written too, and the next read does not wait for ever', async () => {
    const rows = join(await tempDir('writer'), 'index', '2026-03-02.rows');
    const writer = new IndexWriter(capturingLog().log);
    writer.append(rows, 'row 1\n');
    const reading = writer.written();
    // A sale during the read's write: its row waits for the pause, and the read writes it too.
    writer.append(rows, 'row 2\n');
    await reading;
    // The pause the second row waited for comes with nothing left to write.
    await new Promise((resolve) => realTimeout(resolve, 300));
    writer.append(rows, 'row 3\n');
    await writer.written();
    expect(await indexFiles.read(rows)).toBe('row 1\nrow 2\nrow 3\n');
  });

  it('writes nothing during a rush, then everything, in order, once the rush pauses', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const rows = join(await tempDir('writer'), 'index', '2026-03-02.rows');
    const writer = new IndexWriter(capturingLog().log);
    for (let sale = 0; sale < 10; sale += 1) {
      writer.append(rows, `row ${sale}\n`);
      await pass(150);
    }
    expect(await onDisk(rows)).toBeNull();
    await pass(100);
    expect(await onDisk(rows)).toBe(Array.from({ length: 10 }, (_, sale) => `row ${sale}\n`).join(''));
  });

  it('a rush that never pauses still has its rows on file 5 s after the first', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const rows = join(await tempDir('writer'), '2026-03-02.rows');
    const writer = new IndexWriter(capturingLog().log);
    for (let sale = 0; sale < 49; sale += 1) {
      writer.append(rows, `row ${sale}\n`);
      await pass(100);
    }
    expect(await onDisk(rows)).toBeNull();
    // 4.9 s in, a sale every 100 ms: the next pause would come too late.
    writer.append(rows, 'row 49\n');
    await pass(100);
    expect((await onDisk(rows))?.split('\n').filter(Boolean)).toHaveLength(50);
    // The rows after that wait for a pause of their own.
    writer.append(rows, 'after\n');
    await pass(100);
    expect(await onDisk(rows)).not.toContain('after');
    await pass(100);
    expect(await onDisk(rows)).toMatch(/row 49\nafter\n$/);
  });

  it('a reader that needs the files gets everything queued written at once, to each file', async () => {
    const dir = await tempDir('writer');
    const writer = new IndexWriter(capturingLog().log);
    writer.append(join(dir, 'a.rows'), 'a1\n');
    writer.append(join(dir, 'b.rows'), 'b1\n');
    writer.append(join(dir, 'a.rows'), 'a2\n');
    await writer.written();
    expect([await indexFiles.read(join(dir, 'a.rows')), await indexFiles.read(join(dir, 'b.rows'))]).toEqual([
      'a1\na2\n',
      'b1\n',
    ]);
    await writer.written();
    // Rows queued while a write is under way are written by the same call.
    writer.append(join(dir, 'a.rows'), 'a3\n');
    const first = writer.written();
    writer.append(join(dir, 'a.rows'), 'a4\n');
    await first;
    expect(await readFile(join(dir, 'a.rows'), 'utf8')).toBe('a1\na2\na3\na4\n');
  });

  it('a file it cannot append to is logged and marks the index behind; the other files are still written, and syncing goes on', async () => {
    const dir = await tempDir('writer');
    await writeFile(join(dir, 'not-a-folder'), '');
    const said = capturingLog();
    const writer = new IndexWriter(said.log);
    writer.append(join(dir, 'not-a-folder', 'x.rows'), 'lost\n');
    writer.append(join(dir, 'ok.rows'), 'kept\n');
    expect(writer.failed).toBe(false);
    await writer.sync();
    expect(writer.failed).toBe(true);
    expect(said.warn.map(([message]) => message)).toEqual([
      'order index fell behind; it catches up from the journals at the next open',
    ]);
    expect(await indexFiles.read(join(dir, 'ok.rows'))).toBe('kept\n');
  });

  it('a file appended to that cannot be synced (replaced by a folder meanwhile) is logged and marks the index behind; the sync still ends', async () => {
    const dir = await tempDir('writer');
    const said = capturingLog();
    const writer = new IndexWriter(said.log);
    const path = join(dir, 'day.rows');
    writer.append(path, 'row\n');
    await writer.written();
    await rm(path);
    await mkdir(path);
    await writer.sync();
    expect(writer.failed).toBe(true);
    expect(said.warn.map(([message]) => message)).toEqual([
      'order index fell behind; it catches up from the journals at the next open',
    ]);
    expect(said.warn.map(([, fields]) => fields)).toEqual([
      { path, error: expect.objectContaining({ code: 'EISDIR' }) },
    ]);
  });
});
