import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from '../../electron/core/store/data-dir-lock';
import { tempDir } from './helpers/temp-dir';
import { withCore } from './helpers/pos';

/** A pid that is certainly not running: a child that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

/** The lock module bundled for plain Node, so a starting app is a process of its own that starts fast. */
let bundled: Promise<string> | null = null;
function lockScript(): Promise<string> {
  bundled ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'toss-pos-lock-script-'));
    afterAll(() => rm(dir, { recursive: true, force: true }));
    const entry = join(dir, 'entry.ts');
    const lockModule = fileURLToPath(new URL('../../electron/core/store/data-dir-lock.ts', import.meta.url));
    // Says whether it got the folder, then holds it until told to end (stdin closes).
    await writeFile(
      entry,
      `import { DataDirInUseError, lockDataDir } from ${JSON.stringify(lockModule)};
       lockDataDir(process.argv[2]).then(
         () => console.log('owner'),
         (error) => console.log(error instanceof DataDirInUseError ? 'refused by ' + error.pid : 'failed: ' + error),
       );
       process.stdin.on('end', () => process.exit(0)).resume();`,
    );
    const outfile = join(dir, 'start.mjs');
    await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'warning' });
    return outfile;
  })();
  return bundled;
}

/** An app starting on `dataDir` in its own process: what it said, and ways to end it. */
async function starter(dataDir: string): Promise<{ said: string; end(): Promise<void>; kill(): Promise<void> }> {
  const child = spawn(process.execPath, [await lockScript(), dataDir], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const said = await new Promise<string>((resolve) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('\n')) resolve(out.trim());
    });
    child.once('exit', () => resolve(out.trim() || 'exited'));
  });
  return {
    said,
    end: async () => {
      child.stdin.end();
      await exited;
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
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

  it('an app killed outright (SIGKILL) leaves no lock: the next start gets the folder at once', async () => {
    const dataDir = await tempDir('lock');
    const holder = await starter(dataDir);
    expect(holder.said).toBe('owner');
    await holder.kill();
    const unlock = await lockDataDir(dataDir);
    await unlock();
  });

  it('of three apps started at once, exactly one gets the folder, in each of 100 rounds after its owner was killed', async () => {
    const rounds = await Promise.all(
      Array.from({ length: 100 }, (_, i) => i).map(async (round) => {
        // Five rounds at a time, each on its own folder.
        await new Promise((resolve) => setTimeout(resolve, Math.floor(round / 5) * 150));
        const dataDir = await tempDir('lock-race');
        await (await starter(dataDir)).kill();
        const apps = await Promise.all([starter(dataDir), starter(dataDir), starter(dataDir)]);
        await Promise.all(apps.map((app) => app.end()));
        return apps.map((app) => app.said);
      }),
    );
    for (const said of rounds) {
      expect(said.filter((s) => s === 'owner')).toHaveLength(1);
      expect(said.filter((s) => s.startsWith('refused by '))).toHaveLength(2);
    }
  }, 120_000);

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
