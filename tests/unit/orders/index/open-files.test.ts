import { readdirSync, readlinkSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELD, OpenFiles } from '../../../../electron/core/orders/index/open-files';
import { tempDir } from '../../helpers/temp-dir';

/** The files this process has open, by path. */
function openPaths(): Set<string> {
  const paths = new Set<string>();
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      paths.add(readlinkSync(`/proc/self/fd/${fd}`));
    } catch {
      // Closed since the listing (the listing's own descriptor).
    }
  }
  return paths;
}

describe('the files lookups keep open', () => {
  it('stat a file once in a turn, and see it replaced or grown at the next one', async () => {
    const dir = await tempDir('open-files');
    const path = join(dir, 'day.jsonl');
    await writeFile(path, 'one\n');
    const files = new OpenFiles();
    const first = files.open(path);
    expect(first?.size).toBe(4);
    expect(files.open(path)).toBe(first);

    await writeFile(`${path}.new`, 'one\ntwo\n');
    await rename(`${path}.new`, path);
    const replaced = files.open(path);
    expect(replaced?.size).toBe(8);

    await writeFile(path, 'one\ntwo\nthree\n', { flag: 'a' });
    await Promise.resolve();
    expect(files.open(path)?.size).toBe(22);
    files.close();
  });

  it('answer null for a held file removed since, and let go of it', async () => {
    const dir = await tempDir('open-files-removed');
    const path = join(dir, 'gone.ids');
    await writeFile(path, 'x');
    const files = new OpenFiles();
    expect(files.open(path)?.size).toBe(1);
    expect(openPaths().has(path)).toBe(true);
    await rm(path);
    expect(files.open(path)).toBeNull();
    expect([...openPaths()].some((open) => open.startsWith(path))).toBe(false);
    files.close();
  });

  it('hold at most HELD, and keep some of a sweep over more files than that for the next sweep', async () => {
    const dir = await tempDir('open-files-sweep');
    const paths = Array.from({ length: HELD + HELD / 2 }, (_, i) => join(dir, `${i}.ids`));
    for (const path of paths) await writeFile(path, 'x');
    const files = new OpenFiles();
    for (const path of paths) files.open(path);
    await Promise.resolve();
    expect(paths.filter((path) => openPaths().has(path)).length).toBe(HELD);
    // The least recently used would be let go of just before it is asked for again: none found open.
    let kept = 0;
    for (const path of paths) {
      if (openPaths().has(path)) kept += 1;
      files.open(path);
      await Promise.resolve();
    }
    expect(kept).toBeGreaterThan(0);
    files.close();
  });
});
