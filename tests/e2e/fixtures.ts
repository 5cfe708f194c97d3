import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, chromium, _electron, expect, type ElectronApplication, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { startPos } from '../../electron/compose/start-pos';
import { plainTextCipher } from '../../electron/core/shop/secrets/key-cipher';
import { electronBinaryPath } from '../../electron/launcher/electron-binary';
import { startTossSimulator, type SimRequestRecord, type TossSimulator } from '../../electron/training/simulator';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/result';
import { cards } from './cards';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import { registerWindow } from './electron-window';

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
  /** The "real" Toss of this test (TOSS_API_BASE): keys saved in Settings are checked, and live sales paid, here. */
  liveToss: { clientKey: string; secretKey: string; sim: TossSimulator };
  /** What the spec's seed returned (ids of what it made). */
  seeded: Record<string, string>;
  /** The customer's screen as a second page (browser host); null in Electron, where it needs a second monitor. */
  openCustomerScreen(): Promise<Page | null>;
}

/** The app's own core on the test's data folder, before the app starts: seeding goes through the real code. */
export interface SeedCore {
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<IpcResult<ChannelOutput<C>>>;
  ok<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** The seeding core's own training simulator (to pay seeded orders). */
  sim: TossSimulator;
}
/**
 * What the data folder holds before the app starts: the owner set up (every spec but the
 * first-start one), then whatever `then` adds through the real core.
 */
export interface Seed {
  owner: boolean;
  /** When the seeding happens (POS_TEST_CLOCK for the seeding core): yesterday's sales, say. */
  at?: string;
  /** The app's own clock (its POS_TEST_CLOCK): it starts at this instant, whatever the browser's date. */
  appAt?: string;
  /** Runs in a manager session; what it returns reaches the spec as `pos.seeded`. */
  then?: (core: SeedCore) => Promise<Record<string, string> | void>;
  /** Writes files into the data folder before the app first starts on it (a mart's catalog.json, as a shop brings it). */
  files?: (dataDir: string) => Promise<void>;
  /** More environment for the seeding core and the app: a test seam such as POS_REBUILD_PACE_MS. */
  env?: Record<string, string>;
}

/** The customer pays a seeded order in the seeding core's payment window (card …0001); the paymentKey the SDK would hand over. */
export async function payInWindow(
  core: SeedCore,
  order: { orderId: string; orderName: string; amount: number },
): Promise<string> {
  const { clientKey } = await core.ok('app:info', {});
  const authorized = await fetch(`${core.sim.origin}/sim/authorize`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      clientKey,
      orderId: order.orderId,
      orderName: order.orderName,
      amount: order.amount,
      cardNumber: cards.approve,
    }),
  });
  return ((await authorized.json()) as { paymentKey: string }).paymentKey;
}

/** A paid past order, rung up (with a coupon, if given) and paid through the real core and its simulator (card …0001). */
export async function payThroughCore(
  core: SeedCore,
  lines: Array<{ productId: string; quantity: number }>,
  couponCode?: string,
): Promise<string> {
  const order = await core.ok('sale:create', { lines, couponCode });
  const paymentKey = await payInWindow(core, order);
  await core.ok('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
  return order.orderId;
}

export const OWNER = { name: '김토스', pin: '482913' } as const;

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

export async function seedDataFolder(env: NodeJS.ProcessEnv, seed: Seed): Promise<Record<string, string>> {
  const core = await startPos({
    env: seed.at === undefined ? env : { ...env, POS_TEST_CLOCK: seed.at },
    packaged: false,
    cipher: plainTextCipher,
    keepEnvironmentKey: false,
    log: quiet,
  });
  try {
    const call: SeedCore['call'] = async (channel, input) => (await core.dispatch(channel, input)) as never;
    const sim = core.simulator;
    if (sim === null) throw new Error('seeding runs in training mode');
    const seedCore: SeedCore = {
      call,
      sim,
      ok: async (channel, input) => {
        const result = await call(channel, input);
        if (!result.ok) throw new Error(`seed: ${channel} failed: ${JSON.stringify(result.error)}`);
        return result.data;
      },
    };
    if (seed.owner) await seedCore.ok('staff:setup-owner', OWNER);
    const seeded = (await seed.then?.(seedCore)) ?? {};
    await seedCore.ok('staff:lock', {});
    return seeded;
  } finally {
    await core.close();
  }
}

/** Runs in the page before its own scripts: every CSP violation is kept for the specs to read. */
const RECORD_CSP_VIOLATIONS = () => {
  const seen: string[] = [];
  Object.defineProperty(window, 'cspViolations', { value: seen });
  document.addEventListener('securitypolicyviolation', (e) =>
    seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`),
  );
};

/** Environment for the app under test: its own data folder, training mode whatever the shell says. */
export function appEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, POS_DATA_DIR: dataDir, POS_PORT: '0' };
  for (const name of ['TOSS_CLIENT_KEY', 'TOSS_SECRET_KEY', 'TOSS_API_BASE', 'TOSS_SDK_SRC']) delete env[name];
  return env;
}

export function startHost(env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess }> {
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

export async function openSecondPage(page: Page, url: string): Promise<Page> {
  const second = await page.context().newPage();
  await second.goto(url);
  return second;
}

async function simulatorOrigin(page: Page): Promise<string> {
  const info = await page.evaluate(() =>
    (
      window as unknown as {
        pos: { invoke(c: string, i: unknown): Promise<{ ok: boolean; data: { sdkSrc: string } }> };
      }
    ).pos.invoke('app:info', {}),
  );
  return new URL(info.data.sdkSrc).origin;
}

/**
 * `pos`: the app as a cashier meets it. Where the Electron binary exists it is the built Electron
 * app; here (no binary can be downloaded) it is the browser host serving the same renderer and
 * running the same main-process code, driven in Debian's Chromium.
 */
export const test = base.extend<{ seed: Seed; pos: PosApp }>({
  /** `test.use({ seed: { owner: false } })`: a first start. */
  seed: [{ owner: true }, { option: true }],
  pos: async ({ seed }, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'toss-pos-e2e-'));
    const liveKeys = {
      clientKey: `test_ck_e2e_${randomBytes(6).toString('hex')}`,
      secretKey: `test_sk_e2e_${randomBytes(12).toString('hex')}`,
    };
    const liveSim = await startTossSimulator(liveKeys);
    // Never the internet: a key saved in Settings goes to this test's own Toss.
    const env: NodeJS.ProcessEnv = {
      ...appEnv(dataDir),
      TOSS_API_BASE: liveSim.apiBase,
      TOSS_SDK_SRC: liveSim.sdkSrc,
      ...seed.env,
    };
    await seed.files?.(dataDir);
    const seeded = seed.owner || seed.then ? await seedDataFolder(env, seed) : {};
    if (seed.appAt !== undefined) env.POS_TEST_CLOCK = seed.appAt;
    // Electron's own profile (single-instance lock, safeStorage, caches) is per test too.
    const userDataDir = await mkdtemp(join(tmpdir(), 'toss-pos-e2e-profile-'));
    const cleanups: (() => Promise<unknown>)[] = [
      () => liveSim.close(),
      () => rm(dataDir, { recursive: true, force: true }),
      () => rm(userDataDir, { recursive: true, force: true }),
    ];
    try {
      let page: Page;
      let mode: PosApp['mode'];
      let electronApp: ElectronApplication | null = null;
      let hostUrl: string | null = null;
      if (electronBinaryPath()) {
        const app = await _electron.launch({
          args: ['.', `--user-data-dir=${userDataDir}`],
          env: env as Record<string, string>,
        });
        cleanups.unshift(() => app.close());
        page = await registerWindow(app);
        mode = 'electron';
        electronApp = app;
      } else {
        const host = await startHost(env);
        cleanups.unshift(async () => {
          host.child.kill('SIGTERM');
        });
        const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
        cleanups.unshift(() => browser.close());
        // A context of its own: axe needs one to reach into the payment window's frame.
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ko-KR' });
        page = await context.newPage();
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
        cspViolations: () =>
          page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []),
        dataDir,
        env,
        liveToss: { ...liveKeys, sim: liveSim },
        seeded,
        openCustomerScreen: async () =>
          hostUrl === null ? null : openSecondPage(page, new URL('customer.html', hostUrl).href),
      });
    } finally {
      for (const cleanup of cleanups) await cleanup().catch(() => undefined);
    }
  },
});
