import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexFiles } from '../../../../electron/core/orders/index/index-files';
import { openFilesIn } from '../../helpers/open-files';
import { tempDir } from '../../helpers/temp-dir';

/** The history index's own file access: derived files, rebuilt from the journals when in doubt. */
describe('the index files', () => {
  it('a missing file reads as nothing (null, size 0, nothing to sync); a folder where a file should be is an error', async () => {
    const dir = await tempDir('index-files');
    const missing = join(dir, 'nope.rows');
    expect(await indexFiles.read(missing)).toBeNull();
    expect(await indexFiles.size(missing)).toBe(0);
    await indexFiles.sync(missing);
    expect(await indexFiles.withBytes(missing, (bytes) => bytes)).toBeNull();
    await mkdir(join(dir, 'folder'));
    await expect(indexFiles.read(join(dir, 'folder'))).rejects.toMatchObject({ code: 'EISDIR' });
    await writeFile(join(dir, 'file'), 'x');
    await expect(indexFiles.withBytes(join(dir, 'file', 'y'), () => 1)).rejects.toMatchObject({ code: 'ENOTDIR' });
    await expect(indexFiles.size(join(dir, 'file', 'y'))).rejects.toMatchObject({ code: 'ENOTDIR' });
    await expect(indexFiles.sync(join(dir, 'file', 'y'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });

  it('writes and appends into folders it makes, owner-only, and reads back what was written', async () => {
    const dir = await tempDir('index-files');
    const rows = join(dir, 'index', 'approvals', '07.txt');
    await indexFiles.append(rows, '1007\tA\n');
    await indexFiles.append(rows, '2007\tB\n');
    expect(await indexFiles.read(rows)).toBe('1007\tA\n2007\tB\n');
    const summary = join(dir, 'index2', 'summary.jsonl');
    await indexFiles.write(summary, '{"day":"2026-03-02"}\n');
    await indexFiles.write(summary, '{"day":"2026-03-03"}\n');
    expect(await indexFiles.read(summary)).toBe('{"day":"2026-03-03"}\n');
    expect(await indexFiles.size(summary)).toBe(21);
    await indexFiles.sync(summary);
    for (const [path, mode] of [
      [rows, 0o600],
      [join(dir, 'index', 'approvals'), 0o700],
      [join(dir, 'index'), 0o700],
      [summary, 0o600],
      [join(dir, 'index2'), 0o700],
    ] as const) {
      expect(((await stat(path)).mode & 0o777).toString(8), path).toBe(mode.toString(8));
    }
  });

  it('reads a byte range (one order’s line), or from an offset to the end', async () => {
    const dir = await tempDir('index-files');
    const journal = join(dir, '2026-03-02.jsonl');
    await writeFile(journal, '{"name":"아메리카노"}\n{"name":"라떼"}\n');
    const first = Buffer.byteLength('{"name":"아메리카노"}\n');
    expect(await indexFiles.readRange(journal, 0, first)).toBe('{"name":"아메리카노"}\n');
    expect(await indexFiles.readRange(journal, first)).toBe('{"name":"라떼"}\n');
    expect(await indexFiles.readRange(journal, first, 100)).toBe('{"name":"라떼"}\n');
    expect(await indexFiles.readRange(journal, 10_000)).toBe('');
  });

  it('hands over a file’s bytes, whole however large (past the shared buffer), and one file’s bytes to each of many reads at once', async () => {
    const dir = await tempDir('index-files');
    const big = Buffer.alloc(3 * (1 << 20) + 7, 'a');
    big.write('end', big.length - 3);
    await writeFile(join(dir, 'big.rows'), big);
    const files = Array.from({ length: 5 }, (_, i) => join(dir, `${i}.rows`));
    for (const [i, file] of files.entries()) await writeFile(file, `file ${i}\n`.repeat(i + 1));

    const reads = [
      indexFiles.withBytes(join(dir, 'big.rows'), (bytes) => ({
        length: bytes?.length,
        end: bytes?.toString('utf8', bytes.length - 3),
      })),
      ...files.map((file) => indexFiles.withBytes(file, (bytes) => bytes?.toString('utf8'))),
      indexFiles.withBytes(join(dir, 'small-after-big.rows'), (bytes) => bytes),
    ];
    expect(await Promise.all(reads)).toEqual([
      { length: big.length, end: 'end' },
      ...files.map((_, i) => `file ${i}\n`.repeat(i + 1)),
      null,
    ]);
    expect(await indexFiles.withBytes(files[0] ?? '', (bytes) => bytes?.toString('utf8'))).toBe('file 0\n');
  });

  it.runIf(process.platform === 'linux')(
    'lets go of every file it opens, after a read, a range, a sync and a reader that throws (a leak would stop the shop with EMFILE)',
    async () => {
      const dir = await tempDir('index-files');
      const rows = join(dir, '2026-03-02.rows');
      await indexFiles.write(rows, '{"a":1}\n');
      await indexFiles.withBytes(rows, (bytes) => bytes?.length);
      await expect(
        indexFiles.withBytes(rows, () => {
          throw new Error('reader failed');
        }),
      ).rejects.toThrow('reader failed');
      expect(await indexFiles.readRange(rows, 2)).toBe('a":1}\n');
      await indexFiles.sync(rows);
      expect(await openFilesIn(dir)).toEqual([]);
    },
  );

  it('a reader that fails does not hold up the next', async () => {
    const dir = await tempDir('index-files');
    const file = join(dir, 'a.rows');
    await writeFile(file, 'row\n');
    const failing = indexFiles.withBytes(file, () => {
      throw new Error('bad row');
    });
    const next = indexFiles.withBytes(file, (bytes) => bytes?.toString('utf8'));
    await expect(failing).rejects.toThrow('bad row');
    expect(await next).toBe('row\n');
  });
});
