import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataDir } from '../../../../electron/core/platform/disk/data-dir-lock';
import { tempDir } from '../../helpers/temp-dir';

/*
 * The lock between processes: each starting app is a child process of its own. Kept apart from
 * data-dir-lock.test.ts because the lock runs outside the test's process here, so mutation
 * testing (which watches only its own process) leaves this file out.
 */

/** The lock module bundled for plain Node, so a starting app is a process of its own that starts fast. */
let bundled: Promise<string> | null = null;
function lockScript(): Promise<string> {
  bundled ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'toss-pos-lock-script-'));
    afterAll(() => rm(dir, { recursive: true, force: true }));
    const entry = join(dir, 'entry.ts');
    const lockModule = fileURLToPath(
      new URL('../../../../electron/core/platform/disk/data-dir-lock.ts', import.meta.url),
    );
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

describe('one app per store, across processes', () => {
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
});
