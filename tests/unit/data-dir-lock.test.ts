import { spawnSync } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from '../../electron/core/store/data-dir-lock';
import { tempDir } from './helpers/temp-dir';
import { withCore } from './helpers/pos';

/** A pid that is certainly not running: a child that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

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
    const underWay = h.call('order:create', { lines: [{ productId: 'americano', quantity: 1 }] });
    await h.core.close();
    const created = await underWay;
    if (!created.ok) throw new Error(`order:create failed: ${created.error.code}`);
    const day = created.data.orderId.slice(0, 8).replace(/(\d{4})(\d{2})(\d{2})/, '$1-$2-$3');
    expect(await readFile(join(h.dataDir, 'orders', `${day}.jsonl`), 'utf8')).toContain(created.data.orderId);
    expect(await readdir(h.dataDir)).not.toContain('pos.lock');
    expect(await h.call('order:create', { lines: [{ productId: 'americano', quantity: 1 }] })).toMatchObject({ ok: false, error: { code: 'APP_CLOSING' } });
  });
});
