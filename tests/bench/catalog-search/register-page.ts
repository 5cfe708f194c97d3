import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser } from '@playwright/test';
import { startPos } from '../../../electron/compose/start-pos';
import { plainTextCipher } from '../../../electron/core/shop/secrets/key-cipher';
import { writeMartCatalog } from '../../support/mart-catalog';
import { CHROMIUM_ARGS, chromiumPath } from '../../e2e/chromium';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A training shop with an owner, its catalog the demo café (`products` null) or a mart's. */
async function seedShop(products: number | null): Promise<{ dataDir: string; env: NodeJS.ProcessEnv }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'pos-bench-catalog-'));
  const env: NodeJS.ProcessEnv = { ...process.env, POS_DATA_DIR: dataDir, POS_PORT: '0' };
  for (const name of ['TOSS_CLIENT_KEY', 'TOSS_SECRET_KEY', 'TOSS_API_BASE', 'TOSS_SDK_SRC']) delete env[name];
  const core = await startPos({ env, packaged: false, cipher: plainTextCipher, keepEnvironmentKey: false, log: quiet });
  try {
    const setUp = await core.dispatch('staff:setup-owner', { name: '김토스', pin: '482913' });
    if (!setUp.ok) throw new Error(`bench: the owner was not set up: ${JSON.stringify(setUp.error)}`);
    await core.dispatch('staff:lock', {});
  } finally {
    await core.close();
  }
  if (products !== null) await writeMartCatalog(dataDir, products, 200);
  return { dataDir, env };
}

/** The browser host (`out/main/host.js`, from `npm run build`) on the shop's folder. */
function startHost(env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['out/main/host.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /is ready: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (ready?.[1]) resolve({ url: ready[1], child });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`browser host exited (${code}) before it was ready:\n${output}`)));
  });
}

export interface RegisterFigures {
  products: number;
  /** page.goto → the first product tile on screen, each load. */
  readyMs: number[];
  /** Product buttons on the page once ready, and after the grid was scrolled to its end. */
  buttons: number;
  buttonsScrolled: number;
  /** In the register's own search box: a keystroke → the grid's DOM updated and laid out. */
  keystrokeMs: number[];
  /** Of `ready`: main's answer to catalog:list through the host's bridge (before the page checks it), and its size. */
  catalogListMs: number[];
  catalogListBytes: number;
}

/**
 * What the search box does on a key, run in the page (a function's source: this file is typed
 * without the DOM): the input event React listens to, then layout read back, each state timed.
 */
const TYPE_IN_REGISTER = `(typed) => {
  const box = document.querySelector('[data-testid="search"]');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const times = [];
  for (const text of typed) {
    const start = performance.now();
    setValue.call(box, text);
    box.dispatchEvent(new Event('input', { bubbles: true }));
    void document.body.offsetHeight;
    times.push(performance.now() - start);
  }
  setValue.call(box, '');
  box.dispatchEvent(new Event('input', { bubbles: true }));
  return times;
}`;

/** catalog:list as the page asks for it, timed to the answer's arrival (not checked, not rendered). */
const ASK_CATALOG = `async () => {
  const start = performance.now();
  const answer = await window.pos.invoke('catalog:list', {});
  return { ms: performance.now() - start, bytes: JSON.stringify(answer).length };
}`;

/** The grid (#product-results) scrolled to `place`, and a moment for the window to follow. */
const SCROLL_GRID = `(place) => new Promise((done) => {
  const grid = document.getElementById('product-results');
  grid.scrollTo({ top: place === 'end' ? grid.scrollHeight : 0 });
  setTimeout(done, 300);
})`;

/**
 * The register at `products` (null: the 20-product demo café): the page loaded `loads` times
 * (the first one warms the browser's cache as a till's start-up would not, so it is dropped),
 * then the grid scrolled and `states` typed into the search box.
 */
export async function measureRegister(
  products: number | null,
  loads: number,
  states: readonly string[],
): Promise<RegisterFigures> {
  const { dataDir, env } = await seedShop(products);
  const host = await startHost(env);
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ko-KR' });
    const page = await context.newPage();
    const readyMs: number[] = [];
    for (let load = 0; load <= loads; load += 1) {
      const start = performance.now();
      await page.goto(host.url);
      await page.locator('.product-card').first().waitFor({ state: 'visible', timeout: 120_000 });
      if (load > 0) readyMs.push(performance.now() - start);
    }
    const count = () => page.locator('.product-card').count();
    const buttons = await count();
    await page.evaluate(`(${SCROLL_GRID})('end')`);
    const buttonsScrolled = await count();
    await page.evaluate(`(${SCROLL_GRID})('start')`);
    const asked: Array<{ ms: number; bytes: number }> = [];
    for (let i = 0; i < loads; i += 1)
      asked.push((await page.evaluate(`(${ASK_CATALOG})()`)) as { ms: number; bytes: number });
    const keystrokeMs = (await page.evaluate(`(${TYPE_IN_REGISTER})(${JSON.stringify(states)})`)) as number[];
    return {
      products: products ?? buttons,
      readyMs,
      buttons,
      buttonsScrolled,
      keystrokeMs,
      catalogListMs: asked.map((a) => a.ms),
      catalogListBytes: asked[0]?.bytes ?? 0,
    };
  } finally {
    await browser?.close();
    host.child.kill('SIGTERM');
    await rm(dataDir, { recursive: true, force: true });
  }
}
