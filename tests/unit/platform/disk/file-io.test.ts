import { constants } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskIo } from '../../../../electron/core/platform/disk/file-io';
import { openFilesIn } from '../../helpers/open-files';
import { tempDir } from '../../helpers/temp-dir';

const modeOf = async (path: string) => ((await stat(path)).mode & 0o777).toString(8);

/** The disk under the store: what a crash or a refusal may leave behind, and who may read it. */
describe('the store’s disk', () => {
  it('reads a missing file as nothing; any other failure to read is passed on', async () => {
    const dir = await tempDir('disk');
    expect(await diskIo.read(join(dir, 'missing.json'))).toBeNull();
    await mkdir(join(dir, 'folder'));
    await expect(diskIo.read(join(dir, 'folder'))).rejects.toMatchObject({ code: 'EISDIR' });
  });

  it('replaces a file whole, in folders it makes, owner-only, leaving no temporary file beside it', async () => {
    const dir = await tempDir('disk');
    const path = join(dir, 'coupons', 'definitions', 'coupons.json');
    await diskIo.writeAtomic(path, '{"first":true}');
    await diskIo.writeAtomic(path, '{"second":true}');
    expect(await readFile(path, 'utf8')).toBe('{"second":true}');
    expect(await readdir(join(dir, 'coupons', 'definitions'))).toEqual(['coupons.json']);
    expect([
      await modeOf(path),
      await modeOf(join(dir, 'coupons', 'definitions')),
      await modeOf(join(dir, 'coupons')),
    ]).toEqual(['600', '700', '700']);
  });

  it('a replacement that cannot take the file’s place fails and leaves no temporary file behind', async () => {
    const dir = await tempDir('disk');
    await mkdir(join(dir, 'catalog.json'));
    await writeFile(join(dir, 'catalog.json', 'inside'), 'x');
    await expect(diskIo.writeAtomic(join(dir, 'catalog.json'), '{}')).rejects.toMatchObject({
      code: expect.stringMatching(/^(EISDIR|ENOTEMPTY|EEXIST)$/),
    });
    expect(await readdir(dir)).toEqual(['catalog.json']);
  });

  it('appends durably to a journal it creates owner-only, a large change whole, and on at the end after reopening', async () => {
    const dir = await tempDir('disk');
    const path = join(dir, 'orders', '2026-03-02.jsonl');
    const file = await diskIo.openAppend(path);
    await file.append('{"n":1}\n');
    const big = `${'가'.repeat(1_000_000)}\n`;
    await file.append(big);
    await file.close();
    const again = await diskIo.openAppend(path);
    await again.append('{"n":3}\n');
    await again.close();
    expect(await readFile(path, 'utf8')).toBe(`{"n":1}\n${big}{"n":3}\n`);
    expect([await modeOf(path), await modeOf(join(dir, 'orders'))]).toEqual(['600', '700']);
  });

  it.runIf(process.platform === 'linux')(
    'a journal’s appends are on disk when each returns: it is opened for synchronous data writes (O_DSYNC), and nothing else stays open',
    async () => {
      const dir = await tempDir('disk');
      const path = join(dir, 'orders', '2026-03-02.jsonl');
      const file = await diskIo.openAppend(path);
      const open = await openFilesIn(dir);
      expect(open.map((f) => f.path)).toEqual([path]);
      expect((open[0]?.flags ?? 0) & constants.O_DSYNC).toBe(constants.O_DSYNC);
      await file.close();
      expect(await openFilesIn(dir)).toEqual([]);
    },
  );

  it.runIf(process.platform === 'linux')(
    'a day of replacements leaves no file or folder of the store held open (a leak would stop the shop with EMFILE)',
    async () => {
      const dir = await tempDir('disk');
      for (let i = 0; i < 50; i += 1) await diskIo.writeAtomic(join(dir, 'settings', 'settings.json'), `{"n":${i}}`);
      expect(await openFilesIn(dir)).toEqual([]);
    },
  );

  it('a journal that cannot be opened is refused at once', async () => {
    const dir = await tempDir('disk');
    await mkdir(join(dir, 'orders', '2026-03-02.jsonl'), { recursive: true });
    await expect(diskIo.openAppend(join(dir, 'orders', '2026-03-02.jsonl'))).rejects.toMatchObject({ code: 'EISDIR' });
  });
});
