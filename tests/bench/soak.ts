import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/result';
import { startPos, type RunningPos } from '../../electron/compose/start-pos';
import { percentile } from './bench-calls';
import { demoCatalog } from '../../electron/core/shop/catalog/demo-catalog';
import { plainTextCipher } from '../../electron/core/shop/secrets/key-cipher';
import type { FaultRule } from '../../electron/training/faults';
import { Rng } from '../support/rng';
import { CARD, payWindow } from '../unit/helpers/toss-window';

/**
 * `npm run soak [-- --sales N --seed S]`: 10,000 sales through the real core (in this process,
 * live mode) against the training Toss in a process of its own (its ledger and request log grow
 * with every payment: here they would count against the app's memory), with random faults from
 * the simulator's switches. The cashier retries each sale until it is paid. Prints resident memory
 * and sale latency per window of 1,000 sales; exits 1 when memory grew 10 MB or more after the
 * warm-up. Latency is a figure, not a pass or fail.
 */
const { values } = parseArgs({
  options: {
    sales: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '20261001' },
    window: { type: 'string', default: '1000' },
  },
});
const SALES = Number(values.sales);
const SEED = Number(values.seed);
const WINDOW = Number(values.window);
/** Memory is measured from the end of the first window: code warmed up, caches filled. */
const WARM_UP = WINDOW;
const GROWTH_LIMIT_MB = 10;
/** The app's Toss timeout, well above the latency faults (at most 150 ms), so they delay and never time out. */
const TOSS_TIMEOUT_MS = 1_000;
/** A sale still unpaid after this many tries is stuck: the soak stops and says so. */
const MAX_TRIES = 12;

const REPO = fileURLToPath(new URL('../..', import.meta.url));

interface Toss {
  origin: string;
  apiBase: string;
  sdkSrc: string;
  clientKey: string;
  secretKey: string;
  stop(): Promise<void>;
}

/** `npm run toss-sim` without a ledger file (rewriting one per payment would make Toss, not the app, the bottleneck). */
async function startToss(): Promise<Toss> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/tools/toss-sim.ts'], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = await new Promise<Omit<Toss, 'stop'>>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const newline = out.indexOf('\n');
      if (newline !== -1) resolve(JSON.parse(out.slice(0, newline)) as Omit<Toss, 'stop'>);
    });
    child.once('exit', (code) => reject(new Error(`toss-sim exited (${code}) before it was ready`)));
  });
  return {
    ...started,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function sendFault(toss: Toss, rule: FaultRule): Promise<void> {
  const response = await fetch(`${toss.origin}/__sim/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(rule),
  });
  if (!response.ok) throw new Error(`adding a fault: ${response.status} ${await response.text()}`);
}

/** A rule not met (a lookup the app never needed) must not hit a later sale. */
async function clearFaults(toss: Toss): Promise<void> {
  await fetch(`${toss.origin}/__sim/faults`, { method: 'DELETE' });
}

/** What can go wrong with one sale's Toss calls, and how often (the rest, 60 %, go through clean). */
const FAULTS: Array<{
  name: string;
  weight: number;
  rules: (orderId: string, paymentKey: string, rng: Rng) => FaultRule[];
}> = [
  {
    name: 'latency',
    weight: 10,
    rules: (orderId, _key, rng) => [{ route: 'confirm', orderId, fault: { kind: 'latency', ms: rng.int(20, 150) } }],
  },
  {
    name: '500',
    weight: 5,
    rules: (orderId) => [
      {
        route: 'confirm',
        orderId,
        fault: { kind: 'answer', status: 500, code: 'FAILED_INTERNAL_SYSTEM_PROCESSING', processed: false },
      },
    ],
  },
  {
    name: '500 after approving',
    weight: 4,
    rules: (orderId) => [{ route: 'confirm', orderId, fault: { kind: 'answer', status: 500, processed: true } }],
  },
  {
    name: 'reset after approving',
    weight: 5,
    rules: (orderId) => [{ route: 'confirm', orderId, fault: { kind: 'reset', processed: true } }],
  },
  {
    name: 'reset',
    weight: 3,
    rules: (orderId) => [{ route: 'confirm', orderId, fault: { kind: 'reset', processed: false } }],
  },
  {
    name: 'PROVIDER_ERROR',
    weight: 5,
    rules: (orderId) => [
      { route: 'confirm', orderId, fault: { kind: 'answer', status: 400, code: 'PROVIDER_ERROR', processed: false } },
    ],
  },
  {
    name: 'malformed after approving',
    weight: 4,
    rules: (orderId) => [{ route: 'confirm', orderId, fault: { kind: 'malformed', processed: true } }],
  },
  {
    name: 'malformed',
    weight: 2,
    rules: (orderId) => [{ route: 'confirm', orderId, fault: { kind: 'malformed', processed: false } }],
  },
  {
    name: 'reset after approving, lookup reset',
    weight: 2,
    rules: (orderId, paymentKey) => [
      { route: 'confirm', orderId, fault: { kind: 'reset', processed: true } },
      { route: 'lookup', paymentKey, fault: { kind: 'reset', processed: false } },
    ],
  },
];
const CLEAN_WEIGHT = 60;

function pickFault(rng: Rng): (typeof FAULTS)[number] | null {
  let roll = rng.int(1, CLEAN_WEIGHT + FAULTS.reduce((sum, f) => sum + f.weight, 0));
  if (roll <= CLEAN_WEIGHT) return null;
  roll -= CLEAN_WEIGHT;
  for (const fault of FAULTS) {
    if (roll <= fault.weight) return fault;
    roll -= fault.weight;
  }
  return null;
}

async function call<C extends Channel>(
  core: RunningPos,
  channel: C,
  input: ChannelInput<C>,
): Promise<IpcResult<ChannelOutput<C>>> {
  return (await core.dispatch(channel, input)) as IpcResult<ChannelOutput<C>>;
}

/** Resident memory and the JS heap in MB, after a full collection when node runs with --expose-gc. */
function memoryMb(): { rss: number; heap: number } {
  globalThis.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss: rss / 1024 / 1024, heap: heapUsed / 1024 / 1024 };
}

interface Sale {
  /** The cashier's wait on the app: creating the order and every confirm until it is paid (the buyer's time in the payment window left out). */
  ms: number;
  tries: number;
}

/** One sale, retried the way a cashier would: the same payment again while Toss's answer is pending or retryable, a new one after a cancelled charge. */
async function sell(
  core: RunningPos,
  toss: Toss,
  rng: Rng,
  products: readonly string[],
  faulted: Map<string, number>,
): Promise<Sale> {
  let started = performance.now();
  const created = await call(core, 'sale:create', {
    lines: [{ productId: rng.pick(products), quantity: rng.int(1, 3) }],
  });
  if (!created.ok) throw new Error(`sale:create: ${JSON.stringify(created.error)}`);
  let ms = performance.now() - started;
  const order = created.data;
  let paymentKey = await payWindow(toss, toss.clientKey, order, CARD.approves);
  const fault = pickFault(rng);
  if (fault) {
    for (const rule of fault.rules(order.orderId, paymentKey, rng)) await sendFault(toss, rule);
    faulted.set(fault.name, (faulted.get(fault.name) ?? 0) + 1);
  }
  for (let tries = 1; tries <= MAX_TRIES; tries += 1) {
    started = performance.now();
    const confirmed = await call(core, 'payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
    ms += performance.now() - started;
    if (confirmed.ok) {
      if (confirmed.data.status !== 'PAID') throw new Error(`${order.orderId} confirmed as ${confirmed.data.status}`);
      if (fault) await clearFaults(toss);
      return { ms, tries };
    }
    const { code, retryable } = confirmed.error;
    if (code === 'PAYMENT_COMPENSATED') paymentKey = await payWindow(toss, toss.clientKey, order, CARD.approves);
    else if (!retryable)
      throw new Error(`${order.orderId}: the cashier cannot go on after ${JSON.stringify(confirmed.error)}`);
  }
  throw new Error(`${order.orderId} is still unpaid after ${MAX_TRIES} tries`);
}

const toss = await startToss();
const dataDir = await mkdtemp(join(tmpdir(), 'toss-pos-soak-'));
try {
  // A live shop has its own catalog; a live start never makes one up.
  await writeFile(join(dataDir, 'catalog.json'), JSON.stringify(demoCatalog));
  const core = await startPos({
    env: {
      POS_DATA_DIR: dataDir,
      TOSS_CLIENT_KEY: toss.clientKey,
      TOSS_SECRET_KEY: toss.secretKey,
      TOSS_API_BASE: toss.apiBase,
      TOSS_SDK_SRC: toss.sdkSrc,
    },
    packaged: false,
    cipher: plainTextCipher,
    keepEnvironmentKey: false,
    log: { info() {}, warn() {}, error() {} },
    tossTimeoutMs: TOSS_TIMEOUT_MS,
  });
  // The owner, signed in at the till: sales need someone there.
  await core.dispatch('staff:setup-owner', { name: '벤치', pin: '482913' });
  const catalog = await call(core, 'catalog:list', {});
  if (!catalog.ok) throw new Error('catalog:list failed');
  const products = catalog.data.products.filter((p) => !p.soldOut).map((p) => p.id);
  const rng = new Rng(SEED);
  const faulted = new Map<string, number>();
  const began = performance.now();

  console.log(
    `Soak: ${SALES} sales, seed ${SEED}, Toss timeout ${TOSS_TIMEOUT_MS} ms, ${100 - CLEAN_WEIGHT}% of sales meet a fault${globalThis.gc ? '' : ' (no --expose-gc: memory figures are noisier)'}`,
  );
  console.log('  sales | p50 ms | p99 ms | max ms | retries | RSS MB | heap MB');
  let window: Sale[] = [];
  const rows: Array<{ p99: number; rss: number }> = [];
  let warm = { rss: Number.NaN, heap: Number.NaN };
  for (let n = 1; n <= SALES; n += 1) {
    window.push(await sell(core, toss, rng, products, faulted));
    if (n === WARM_UP) warm = memoryMb();
    if (n % WINDOW === 0 || n === SALES) {
      const ms = window.map((s) => s.ms);
      const { rss, heap } = n === WARM_UP ? warm : memoryMb();
      const retries = window.reduce((sum, s) => sum + s.tries - 1, 0);
      rows.push({ p99: percentile(ms, 99), rss });
      const f = (value: number, width: number) => value.toFixed(1).padStart(width);
      console.log(
        `${String(n).padStart(7)} | ${f(percentile(ms, 50), 6)} | ${f(percentile(ms, 99), 6)} | ${f(Math.max(...ms), 6)} | ${String(retries).padStart(7)} | ${f(rss, 6)} | ${f(heap, 7)}`,
      );
      window = [];
    }
  }
  await core.close();

  const endRss = rows.at(-1)?.rss ?? Number.NaN;
  const growth = endRss - warm.rss;
  const [first, last] = [rows[0]?.p99 ?? Number.NaN, rows.at(-1)?.p99 ?? Number.NaN];
  console.log(
    `faults met: ${[...faulted].map(([name, count]) => `${name} ${count}`).join(', ')}; ${((performance.now() - began) / 1000).toFixed(0)} s in all`,
  );
  const ok = growth < GROWTH_LIMIT_MB;
  console.log(
    `soak: ${SALES} sales, RSS ${warm.rss.toFixed(1)} MB after ${WARM_UP} → ${endRss.toFixed(1)} MB at the end (${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB, limit ${GROWTH_LIMIT_MB}), p99 ${first.toFixed(1)} ms in the first window → ${last.toFixed(1)} ms in the last (×${(last / first).toFixed(2)}): ${ok ? 'PASS' : 'FAIL'}`,
  );
  process.exitCode = ok ? 0 : 1;
} finally {
  await toss.stop();
  await rm(dataDir, { recursive: true, force: true });
}
