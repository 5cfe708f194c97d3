import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { faultyDisk, parseDiskFault } from '../../../../electron/core/platform/disk/disk-faults';
import { diskIo, type FileIo } from '../../../../electron/core/platform/disk/file-io';
import { StoreFileCorruptError } from '../../../../electron/core/platform/disk/corrupt-file-error';
import { KeyedJournal, wholeLines } from '../../../../electron/core/platform/disk/keyed-journal';
import { openFilesIn } from '../../helpers/open-files';
import { tempDir } from '../../helpers/temp-dir';

const schema = z.strictObject({ key: z.string(), value: z.number() });
type Row = z.infer<typeof schema>;

/** The real disk, but the next append writes only half its text and then fails (a full disk mid-write). */
function tearingIo() {
  const state = { tearNext: false };
  const io: FileIo = {
    ...diskIo,
    async openAppend(path) {
      const file = await diskIo.openAppend(path);
      return {
        async append(text) {
          if (!state.tearNext) return file.append(text);
          state.tearNext = false;
          await file.append(text.slice(0, Math.floor(text.length / 2)));
          throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
        },
        close: () => file.close(),
      };
    },
  };
  return { io, state };
}

describe('an append-only keyed journal', () => {
  it('a failed append leaves nothing of itself: not in memory, and cut from the file before the next append', async () => {
    const path = join(await tempDir('journal'), 'rows.jsonl');
    const { io, state } = tearingIo();
    const journal = await KeyedJournal.open<Row>(path, io, schema, (row) => row.key);
    await journal.append({ key: 'a', value: 1 });
    state.tearNext = true;
    await expect(journal.append({ key: 'b', value: 2 }, { key: 'c', value: 3 })).rejects.toThrow('ENOSPC');
    expect([journal.has('b'), journal.has('c')]).toEqual([false, false]);
    await journal.append({ key: 'a', value: 4 });

    expect(await readFile(path, 'utf8')).toBe('{"key":"a","value":1}\n{"key":"a","value":4}\n');
    const reopened = await KeyedJournal.open<Row>(path, diskIo, schema, (row) => row.key);
    expect([...reopened.all()]).toEqual([{ key: 'a', value: 4 }]);
  });

  // Found by the chaos matrix: the PAID line whose sync failed stayed whole on disk while the app cancelled the payment at Toss; killed then, it restarted with a sale Toss had refunded.
  it('a line whose sync failed is gone from the file by the time the caller hears of the failure', async () => {
    const path = join(await tempDir('journal'), 'rows.jsonl');
    const journal = await KeyedJournal.open<Row>(
      path,
      faultyDisk(diskIo, parseDiskFault('EIO:append-sync:2:1')),
      schema,
      (row) => row.key,
    );
    await journal.append({ key: 'a', value: 1 });
    await expect(journal.append({ key: 'a', value: 2 })).rejects.toMatchObject({ code: 'EIO' });
    expect(await readFile(path, 'utf8')).toBe('{"key":"a","value":1}\n');
    await journal.append({ key: 'b', value: 3 });
    expect([...(await KeyedJournal.open<Row>(path, diskIo, schema, (row) => row.key)).all()]).toEqual([
      { key: 'a', value: 1 },
      { key: 'b', value: 3 },
    ]);
  });

  it('appends one at a time: many at once all land, whole lines, in the order asked', async () => {
    const path = join(await tempDir('journal'), 'rows.jsonl');
    const journal = await KeyedJournal.open<Row>(path, diskIo, schema, (row) => row.key);
    const big = Array.from({ length: 5_000 }, (_, i) => ({ key: `big-${i}`, value: i }));
    await Promise.all([
      journal.append(...big),
      ...Array.from({ length: 20 }, (_, i) => journal.append({ key: `small-${i}`, value: i })),
    ]);
    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(5_020);
    expect(lines.slice(5_000).map((l) => (JSON.parse(l) as Row).key)).toEqual(
      Array.from({ length: 20 }, (_, i) => `small-${i}`),
    );
    expect((await KeyedJournal.open<Row>(path, diskIo, schema, (row) => row.key)).size).toBe(5_020);
  });

  it('refuses a record the schema does not accept, writing nothing', async () => {
    const path = join(await tempDir('journal'), 'rows.jsonl');
    const journal = await KeyedJournal.open<Row>(path, diskIo, schema, (row) => row.key);
    await expect(journal.append({ key: 'a', value: 'one' } as unknown as Row)).rejects.toThrow();
    expect(await diskIo.read(path)).toBeNull();
  });

  it('opened after a crash mid-append: the torn end is cut from the file before anything else is written; a whole file is not rewritten', async () => {
    const path = join(await tempDir('journal'), 'rows.jsonl');
    await writeFile(path, '{"key":"a","value":1}\n{"key":"b","value":2}\n{"key":"a","val');
    const writes: string[] = [];
    const watching: FileIo = {
      ...diskIo,
      writeAtomic(file, text) {
        writes.push(text);
        return diskIo.writeAtomic(file, text);
      },
    };
    const journal = await KeyedJournal.open<Row>(path, watching, schema, (row) => row.key);
    expect(await readFile(path, 'utf8')).toBe('{"key":"a","value":1}\n{"key":"b","value":2}\n');
    expect([journal.get('a'), journal.get('b'), journal.size]).toEqual([
      { key: 'a', value: 1 },
      { key: 'b', value: 2 },
      2,
    ]);
    const [line] = await journal.append({ key: 'c', value: 3 });
    expect(line).toMatchObject({ offset: 44, length: 22 });
    await journal.close();
    await KeyedJournal.open<Row>(path, watching, schema, (row) => row.key);
    expect(writes).toEqual(['{"key":"a","value":1}\n{"key":"b","value":2}\n']);
  });

  it('a line that is not a record stops the open, naming the line; the file is left as it is', async () => {
    const path = join(await tempDir('journal'), 'rows.jsonl');
    const text = '{"key":"a","value":1}\n{"key":"b","value":"two"}\n{"key":"c","value":3}\n';
    await writeFile(path, text);
    const refused = KeyedJournal.open<Row>(path, diskIo, schema, (row) => row.key);
    await expect(refused).rejects.toBeInstanceOf(StoreFileCorruptError);
    await expect(refused).rejects.toMatchObject({ path, line: 2 });
    expect(await readFile(path, 'utf8')).toBe(text);
  });

  it('says where each appended line is, in bytes (Korean text is three bytes a letter), the last line for a key winning', async () => {
    const path = join(await tempDir('journal'), 'rows.jsonl');
    const named = z.strictObject({ key: z.string(), name: z.string() });
    const journal = await KeyedJournal.open(path, diskIo, named, (row) => row.key);
    const lines = await journal.append(
      { key: 'a', name: '아메리카노' },
      { key: 'b', name: 'latte' },
      { key: 'a', name: '라떼' },
    );
    const text = await readFile(path);
    expect(lines.map(({ offset, length }) => text.subarray(offset, offset + length).toString('utf8'))).toEqual([
      '{"key":"a","name":"아메리카노"}\n',
      '{"key":"b","name":"latte"}\n',
      '{"key":"a","name":"라떼"}\n',
    ]);
    expect(await journal.append()).toEqual([]);
    expect([...journal.all()]).toEqual([
      { key: 'a', name: '라떼' },
      { key: 'b', name: 'latte' },
    ]);
  });

  it('taken up at its end without reading it: knows only what is appended through it, and counts bytes on from the end it was given', async () => {
    const path = join(await tempDir('journal'), 'rows.jsonl');
    const before = '{"key":"a","value":1}\n';
    await writeFile(path, before);
    const journal = KeyedJournal.resume<Row>(path, diskIo, schema, (row) => row.key, Buffer.byteLength(before));
    expect([journal.has('a'), journal.size]).toEqual([false, 0]);
    const [line] = await journal.append({ key: 'b', value: 2 });
    expect(line).toEqual({ record: { key: 'b', value: 2 }, offset: before.length, length: 22 });
    expect([journal.has('b'), journal.size]).toEqual([true, 1]);
    await journal.close();
    expect(await readFile(path, 'utf8')).toBe(`${before}{"key":"b","value":2}\n`);
  });

  it('an append of nothing writes nothing: no file is made, none is held open', async () => {
    const dir = await tempDir('journal');
    const path = join(dir, 'rows.jsonl');
    const journal = await KeyedJournal.open<Row>(path, diskIo, schema, (row) => row.key);
    expect(await journal.append()).toEqual([]);
    expect(await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => error.code)).toBe('ENOENT');
    expect(await openFilesIn(dir)).toEqual([]);
  });

  it('lets go of its file after 10 s without an append, counted from the latest append (a rush keeps it open)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const dir = await tempDir('journal');
      const journal = await KeyedJournal.open<Row>(join(dir, 'rows.jsonl'), diskIo, schema, (row) => row.key);
      const openNow = async () => {
        // The quiet close runs on the file system, not on timers: let it finish.
        for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));
        return (await openFilesIn(dir)).length;
      };
      await journal.append({ key: 'a', value: 1 });
      vi.advanceTimersByTime(6_000);
      await journal.append({ key: 'b', value: 2 });
      vi.advanceTimersByTime(6_000);
      expect(await openNow()).toBe(1);
      vi.advanceTimersByTime(4_001);
      expect(await openNow()).toBe(0);
      // The next append opens it again.
      await journal.append({ key: 'c', value: 3 });
      expect(await openNow()).toBe(1);
      await journal.close();
      expect(await openNow()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('close lets an append under way finish; an append after it opens the file again', async () => {
    const path = join(await tempDir('journal'), 'rows.jsonl');
    const journal = await KeyedJournal.open<Row>(path, diskIo, schema, (row) => row.key);
    const underWay = journal.append({ key: 'a', value: 1 });
    await journal.close();
    await underWay;
    expect(await readFile(path, 'utf8')).toBe('{"key":"a","value":1}\n');
    await journal.append({ key: 'b', value: 2 });
    await journal.close();
    expect(await readFile(path, 'utf8')).toBe('{"key":"a","value":1}\n{"key":"b","value":2}\n');
  });

  it('reads a journal as its whole lines and the torn text after the last newline', () => {
    expect(wholeLines('a\nb\n')).toEqual({ lines: ['a', 'b'], torn: '' });
    expect(wholeLines('a\nb')).toEqual({ lines: ['a'], torn: 'b' });
    expect(wholeLines('')).toEqual({ lines: [], torn: '' });
  });
});
