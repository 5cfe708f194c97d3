import { spawnSync } from 'node:child_process';
import { readFile, readdir, realpath, stat, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirInUseError, lockAddress, lockDataDir } from '../../../../electron/core/platform/disk/data-dir-lock';
import { onCleanup } from '../../helpers/cleanup';
import { tempDir } from '../../helpers/temp-dir';
import { withCore } from '../../helpers/pos';

/** A pid that is certainly not running: a child that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

/** Something else listening where the folder's lock lives, answering each caller as `answer` does. */
async function squatter(dataDir: string, answer: (socket: Socket) => void): Promise<Server> {
  const server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(lockAddress(dataDir), resolve));
  onCleanup(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return server;
}

describe('where a data folder’s lock lives', () => {
  it('one address per real folder, the same however the folder is reached; on Linux an abstract socket the kernel frees with the process', async () => {
    const dataDir = await tempDir('lock');
    const link = join(await tempDir('lock-link'), 'shop');
    await symlink(dataDir, link);
    const address = lockAddress(dataDir, 'linux');
    expect(address).toMatch(/^\0toss-pos-[0-9a-f]{32}$/);
    expect(lockAddress(await realpath(link), 'linux')).toBe(address);
    expect(lockAddress(join(dataDir, 'other'), 'linux')).not.toBe(address);
    const id = address.slice('\0toss-pos-'.length);
    expect(lockAddress(dataDir, 'win32')).toBe(`\\\\?\\pipe\\toss-pos-${id}`);
    expect(lockAddress(dataDir, 'darwin')).toBe(join(tmpdir(), `toss-pos-${id}.sock`));
  });

  it('the lock is taken through a link to the folder too: a second app reaching it another way is refused', async () => {
    const dataDir = await tempDir('lock');
    const link = join(await tempDir('lock-link'), 'shop');
    await symlink(dataDir, link);
    const unlock = await lockDataDir(dataDir);
    await expect(lockDataDir(link)).rejects.toThrow(new DataDirInUseError(link, process.pid).message);
    await unlock();
    await (
      await lockDataDir(link)
    )();
  });

  it('makes a missing data folder, owner-only', async () => {
    const dataDir = join(await tempDir('lock'), 'new', 'shop');
    const unlock = await lockDataDir(dataDir);
    await unlock();
    expect(await readdir(dataDir)).toEqual([]);
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
  });
});

describe('when the lock’s address is taken by something that is not a Toss POS', () => {
  it('a holder that names no process is waited for a moment, then refused as in use (process 0)', async () => {
    const dataDir = await tempDir('lock');
    let asked = 0;
    await squatter(await realpath(dataDir), (socket) => {
      asked += 1;
      socket.end('not a pid');
    });
    const refused = lockDataDir(dataDir);
    await expect(refused).rejects.toBeInstanceOf(DataDirInUseError);
    await expect(refused).rejects.toMatchObject({
      name: 'DataDirInUseError',
      pid: 0,
      dataDir,
      message: `the data folder ${dataDir} is already open in another Toss POS (process 0); close it first`,
    });
    // Asked three times, with a pause between: a holder letting go right now gets the time to.
    expect(asked).toBe(3);
  });

  it('a holder that takes the call and never answers (a hung app) does not hang the start: each ask gives up after 2 s, then the folder is refused as in use', async () => {
    const dataDir = await tempDir('lock');
    let asked = 0;
    await squatter(await realpath(dataDir), () => {
      asked += 1;
    });
    await expect(lockDataDir(dataDir)).rejects.toMatchObject({ name: 'DataDirInUseError', pid: 0 });
    expect(asked).toBe(3);
  }, 15_000);

  it('a holder letting go while the app starts: the app gets the folder on its next try', async () => {
    const dataDir = await tempDir('lock');
    const holder = await squatter(await realpath(dataDir), (socket) => {
      socket.end();
      holder.close();
    });
    const unlock = await lockDataDir(dataDir);
    await expect(lockDataDir(dataDir)).rejects.toMatchObject({ pid: process.pid });
    await unlock();
  });
});

describe('one app per store', () => {
  it('refuses a second app on the same data folder and names the process holding it', async () => {
    const first = await withCore();
    await expect(withCore({ dataDir: first.dataDir })).rejects.toThrow(DataDirInUseError);
    await expect(withCore({ dataDir: first.dataDir })).rejects.toThrow(String(process.pid));
  });

  it('lets the next app in once the first has closed', async () => {
    const first = await withCore();
    await first.close();
    const second = await withCore({ dataDir: first.dataDir });
    expect((await second.ok('catalog:list', {})).products.length).toBeGreaterThan(0);
  });

  it('clears the lock file an earlier version left behind, and leaves nothing in the folder', async () => {
    const dataDir = await tempDir('lock');
    await writeFile(join(dataDir, 'pos.lock'), String(deadPid()));
    const unlock = await lockDataDir(dataDir);
    expect(await readdir(dataDir)).toEqual([]);
    await unlock();
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('closing lets a sale under way reach its journal, then releases the folder and refuses new changes', async () => {
    const h = await withCore();
    const underWay = h.call('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
    await h.core.close();
    const created = await underWay;
    if (!created.ok) throw new Error(`sale:create failed: ${created.error.code}`);
    const day = created.data.orderId.slice(0, 8).replace(/(\d{4})(\d{2})(\d{2})/, '$1-$2-$3');
    expect(await readFile(join(h.booksDir, 'orders', `${day}.jsonl`), 'utf8')).toContain(created.data.orderId);
    expect(await readdir(h.dataDir)).not.toContain('pos.lock');
    expect(await h.call('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] })).toMatchObject({
      ok: false,
      error: { code: 'APP_CLOSING' },
    });
  });
});
