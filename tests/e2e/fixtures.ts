import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, chromium, _electron, expect, type ElectronApplication, type Page } from '@playwright/test';
import { electronBinaryPath } from '../../electron/launcher/electron-binary';
import type { SimRequestRecord } from '../../electron/training/simulator';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';

export { expect };


export interface PosApp {
  page: Page;
  mode: 'electron' | 'browser-host';
  /** The Electron app, in Electron mode. */
  electronApp: ElectronApplication | null;
  /** The browser host's address, in browser-host mode. */
  hostUrl: string | null;
  /** Every Toss API request the training simulator received, in order. */
  tossRequests(): Promise<SimRequestRecord[]>;
  /** The Content-Security-Policy violations the page reported so far (`directive blockedURI`). */
  cspViolations(): Promise<string[]>;
  /** The app's data folder and the environment it was started with (to start a second one on it). */
  dataDir: string;
  env: NodeJS.ProcessEnv;
}


/** Runs in the page before its own scripts: every CSP violation is kept for the specs to read. */
const RECORD_CSP_VIOLATIONS = () => {
  const seen: string[] = [];
  Object.defineProperty(window, 'cspViolations', { value: seen });
  document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
};

/** Environment for the app under test: its own data folder, training mode whatever the shell says. */
function appEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, POS_DATA_DIR: dataDir, POS_PORT: '0' };
  for (const name of ['TOSS_CLIENT_KEY', 'TOSS_SECRET_KEY', 'TOSS_API_BASE', 'TOSS_SDK_SRC']) delete env[name];
  return env;
}

function startHost(env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['out/main/host.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /is ready: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (ready?.[1]) resolve({ url: ready[1], child });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`browser host exited (${code}) before it was ready:\n${output}`)));
  });
}

async function simulatorOrigin(page: Page): Promise<string> {
  const info = await page.evaluate(() => (window as unknown as { pos: { invoke(c: string, i: unknown): Promise<{ ok: boolean; data: { sdkSrc: string } }> } }).pos.invoke('app:info', {}));
  return new URL(info.data.sdkSrc).origin;
}

/**
 * `pos`: the app as a cashier meets it. Where the Electron binary exists it is the built Electron
 * app; here (no binary can be downloaded) it is the browser host serving the same renderer and
 * running the same main-process code, driven in Debian's Chromium.
 */
export const test = base.extend<{ pos: PosApp }>({
  // eslint-disable-next-line no-empty-pattern
  pos: async ({}, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'toss-pos-e2e-'));
    const env = appEnv(dataDir);
    // Electron's own profile (single-instance lock, safeStorage, caches) is per test too.
    const userDataDir = await mkdtemp(join(tmpdir(), 'toss-pos-e2e-profile-'));
    const cleanups: (() => Promise<unknown>)[] = [
      () => rm(dataDir, { recursive: true, force: true }),
      () => rm(userDataDir, { recursive: true, force: true }),
    ];
    try {
      let page: Page;
      let mode: PosApp['mode'];
      let electronApp: ElectronApplication | null = null;
      let hostUrl: string | null = null;
      if (electronBinaryPath()) {
        const app = await _electron.launch({ args: ['.', `--user-data-dir=${userDataDir}`], env: env as Record<string, string> });
        cleanups.unshift(() => app.close());
        page = await app.firstWindow();
        mode = 'electron';
        electronApp = app;
      } else {
        const host = await startHost(env);
        cleanups.unshift(async () => {
          host.child.kill('SIGTERM');
        });
        const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
        cleanups.unshift(() => browser.close());
        page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'ko-KR' });
        await page.addInitScript(RECORD_CSP_VIOLATIONS);
        await page.goto(host.url);
        mode = 'browser-host';
        hostUrl = host.url;
      }
      if (mode === 'electron') {
        await page.addInitScript(RECORD_CSP_VIOLATIONS);
        await page.reload();
      }
      await page.waitForFunction(() => 'pos' in window);
      const sim = await simulatorOrigin(page);
      await use({
        page,
        mode,
        electronApp,
        hostUrl,
        tossRequests: async () => (await (await fetch(`${sim}/__sim/requests`)).json()) as SimRequestRecord[],
        cspViolations: () => page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []),
        dataDir,
        env,
      });
    } finally {
      for (const cleanup of cleanups) await cleanup().catch(() => undefined);
    }
  },
});
