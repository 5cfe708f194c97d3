import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { cards } from '../e2e/cards';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium';
import { appEnv, expect as baseExpect, seedDataFolder, startHost } from '../e2e/fixtures';
import { openAsManager } from '../e2e/manager-screens';
import { addProduct, payWithCard } from '../e2e/register';
import { percentile } from './bench-calls';
import { startTossSimulator } from '../../electron/training/simulator';

/**
 * `node --experimental-websocket --import tsx tests/bench/ui-soak.ts [--sales N] [--every N] [--warm-up N] [--json PATH]` (after `npm run build`):
 * a 12-hour day through the real page. The browser host (out/main/host.js) taking live payments
 * from a Toss simulator in this process, driven in Chromium the way the e2e specs drive it: N sales (default 2,000) rung up on the
 * register, one in ten with a coupon issued through the real core beforehand, one in three paid
 * in cash and the rest by card in the payment window, a full refund of the last card
 * sale every 50 sales through the history screen as a manager does it, and the customer's
 * screen open in a window of its own throughout, checked to show each sale paid. Every 100 sales
 * (--every): the JS heap of both pages and of the host after a forced GC (CDP; the host's through
 * --inspect) and the host's resident memory (/proc/PID/status VmRSS of the host.js process itself). Figures, never a failure: heap and RSS
 * should be flat after warm-up (the sample after --warm-up sales), and the last 200 sales as
 * quick as the first.
 */
const { values } = parseArgs({
  options: {
    sales: { type: 'string', default: '2000' },
    every: { type: 'string', default: '100' },
    'warm-up': { type: 'string', default: '200' },
    json: { type: 'string' },
  },
});
const SALES = Number(values.sales);
const SAMPLE_EVERY = Number(values.every);
const REFUND_EVERY = 50;
const COUPON_EVERY = 10;
const CASH_EVERY = 3;
/** Memory is compared from the sample after this many sales: code warmed up, caches filled. */
const WARM_UP = Number(values['warm-up']);
const GROWTH_GOAL_MB = 10;
/** The last 200 sales' p99 against the first 200's (halves of a shorter run). */
const EDGE = Math.min(200, Math.floor(SALES / 2));
const P99_GOAL_RATIO = 1.2;
const PRODUCTS = ['americano', 'croissant', 'lemonade', 'sandwich', 'cafe-latte', 'bagel', 'yuja-tea', 'cheesecake'];
/** Generous: a 2-core machine shared with others; figures, not a timed test. */
const STEP_TIMEOUT_MS = 30_000;

if (!Number.isInteger(SALES) || SALES < 2) throw new Error('--sales must be a whole number ≥ 2');
if (!Number.isInteger(SAMPLE_EVERY) || SAMPLE_EVERY < 1 || SAMPLE_EVERY > SALES)
  throw new Error('--every must be a whole number of sales, at most --sales');
if (!Number.isInteger(WARM_UP) || WARM_UP < 0) throw new Error('--warm-up must be a whole number of sales');
if (!existsSync('out/main/host.js')) throw new Error('out/main/host.js is missing: run `npm run build` first');
// configure() returns the configured expect; it does not change the one it is called on.
const expect = baseExpect.configure({ timeout: STEP_TIMEOUT_MS });

interface Sample {
  sales: number;
  registerHeapMb: number;
  customerHeapMb: number;
  hostRssMb: number;
  hostHeapMb: number;
  saleP50Ms: number;
  saleP99Ms: number;
}

const mb = (bytes: number) => bytes / (1024 * 1024);

async function hostRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(status);
  if (!kb?.[1]) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(kb[1]) / 1024;
}

/** A loopback port free now, for the host's inspector. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * The host's live JS heap after a full collection, through its inspector (the bench starts it with
 * --inspect): with it, RSS read right after is not inflated by garbage, and a rise of RSS can be
 * told apart from objects kept.
 */
async function hostHeapAfterGcMb(inspectPort: number): Promise<number> {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json()) as {
    webSocketDebuggerUrl: string;
  }[];
  const url = targets[0]?.webSocketDebuggerUrl;
  if (url === undefined) throw new Error('the host has no inspector target');
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  let nextId = 0;
  const send = (method: string) =>
    new Promise<{ usedSize?: number }>((resolve) => {
      const id = ++nextId;
      socket.onmessage = (event) => {
        const message = JSON.parse(String(event.data)) as { id?: number; result: { usedSize?: number } };
        if (message.id === id) resolve(message.result);
      };
      socket.send(JSON.stringify({ id, method }));
    });
  try {
    await send('HeapProfiler.collectGarbage');
    return mb((await send('Runtime.getHeapUsage')).usedSize ?? Number.NaN);
  } finally {
    socket.close();
  }
}

/** The page's live JS heap: what is left after a full collection, so garbage not yet collected is not counted. */
async function heapAfterGcMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    return mb(usage.usedSize);
  } finally {
    await cdp.detach();
  }
}

/** One sale as a cashier rings it up; milliseconds from the first product tapped to the receipt shown. */
async function ringUp(
  page: Page,
  customer: Page,
  index: number,
  coupon: string | undefined,
): Promise<{ ms: number; orderId: string }> {
  const first = PRODUCTS[index % PRODUCTS.length] ?? 'americano';
  const second = PRODUCTS[(index * 7 + 3) % PRODUCTS.length] ?? 'croissant';
  const started = performance.now();
  await addProduct(page, first);
  if (index % 4 !== 0) await addProduct(page, second);
  if (coupon !== undefined) {
    await page.getByTestId('coupon-input').fill(coupon);
    await page.getByTestId('coupon-input').press('Enter');
    await expect(page.getByTestId('coupon-applied')).toBeVisible();
  }
  if (index % CASH_EVERY === 0) {
    await page.getByTestId('pay-cash').click();
    await page.getByTestId('cash-exact').click();
    await page.getByTestId('cash-take').click();
  } else {
    await page.getByTestId('pay').click();
    await payWithCard(page, cards.approve);
  }
  await expect(page.getByTestId('receipt')).toBeVisible();
  const ms = performance.now() - started;
  const orderId = (await page.getByTestId('receipt-order-id').innerText()).trim();
  // Kept out of the sale's time: the customer's screen followed the sale to its end.
  await expect(customer.getByTestId('customer-screen')).toHaveAttribute('data-stage', 'paid');
  await page.getByTestId('new-sale').click();
  await expect(page.getByTestId('receipt')).toHaveCount(0);
  return { ms, orderId };
}

/** A manager refunds a sale in full from the history screen, then the register is back. */
async function refundInHistory(page: Page, orderId: string): Promise<void> {
  await openAsManager(page, 'history');
  await page.getByTestId(`history-row-${orderId}`).click();
  await expect(page.getByTestId('detail-order-id')).toHaveText(orderId);
  await page.getByTestId('detail-refund').click();
  await page.getByTestId('refund-kind-full').check();
  await page.getByTestId('refund-reason-0').click();
  await page.getByTestId('refund-next').click();
  await page.getByTestId('refund-confirm').click();
  await expect(page.getByTestId('refund-receipt-balance')).toHaveText('0원');
  await page.getByTestId('refund-receipt-close').click();
  await expect(page.getByTestId('order-detail').getByTestId('history-status')).toHaveText('환불 완료');
  await page.getByTestId('detail-close').click();
  await page.getByTestId('nav-register').click();
  await expect(page.getByTestId('product-americano')).toBeVisible();
}

const dataDir = await mkdtemp(join(tmpdir(), 'pos-ui-soak-'));
// Live payments against a Toss in this process, as the e2e specs' live Toss: in training mode the
// simulator runs inside the host, and its ledger and request log (growing with every payment)
// would count against main's memory.
const liveKeys = {
  clientKey: `test_ck_soak_${randomBytes(6).toString('hex')}`,
  secretKey: `test_sk_soak_${randomBytes(12).toString('hex')}`,
};
const toss = await startTossSimulator(liveKeys);
const env: NodeJS.ProcessEnv = { ...appEnv(dataDir), TOSS_API_BASE: toss.apiBase, TOSS_SDK_SRC: toss.sdkSrc };
const couponCount = Math.ceil(SALES / COUPON_EVERY);
const seeded = await seedDataFolder(env, {
  owner: true,
  then: async (core) => {
    await core.ok('settings:save-toss-keys', { ...liveKeys, acceptUnencrypted: true });
    // Before the coupons: a coupon issued in training is no live one.
    await core.ok('settings:set-mode', { mode: 'live', confirm: true });
    const definition = await core.ok('coupons:define', {
      name: '하루 500원',
      benefit: { type: 'fixed', amount: 500 },
      minOrderAmount: 0,
      scope: { categoryIds: [], productIds: [] },
    });
    await core.ok('coupons:issue', {
      definitionId: definition.id,
      count: couponCount,
      validFrom: '2020-01-01',
      validUntil: '2099-12-31',
    });
    const codes: Record<string, string> = {};
    for (let offset = 0; offset < couponCount; offset += 200) {
      const { rows } = await core.ok('coupons:list', { definitionId: definition.id, offset, limit: 200 });
      for (const row of rows) codes[String(Object.keys(codes).length)] = row.code;
    }
    return codes;
  },
});
const coupons = Object.values(seeded);
if (coupons.length !== couponCount) throw new Error(`issued ${coupons.length} coupons, wanted ${couponCount}`);

const inspectPort = await freePort();
const host = await startHost({ ...env, NODE_OPTIONS: `--inspect=127.0.0.1:${inspectPort}` });
const hostPid = host.child.pid;
if (hostPid === undefined) throw new Error('the browser host has no pid');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const samples: Sample[] = [];
const saleMs: number[] = [];
const began = performance.now();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ko-KR' });
  const page = await context.newPage();
  await page.goto(host.url);
  await expect(page.getByTestId('product-americano')).toBeVisible();
  // A window of its own, as the customer's monitor is: a second tab of the register's context would
  // put the register in the background, where Chromium paints about once a second and every click
  // waits that long for the page to settle.
  const customerContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ko-KR' });
  const customer = await customerContext.newPage();
  await customer.goto(new URL('customer.html', host.url).href);
  await expect(customer.getByTestId('customer-screen')).toBeVisible();

  console.log(`ui_soak: ${SALES} sales through the page (${coupons.length} coupons, a refund every ${REFUND_EVERY})`);
  console.log('sales  register heap MB  customer heap MB  host heap MB  host RSS MB  sale p50 ms  sale p99 ms');
  let lastCard = '';
  for (let index = 0; index < SALES; index += 1) {
    const coupon = index % COUPON_EVERY === COUPON_EVERY - 1 ? coupons[Math.floor(index / COUPON_EVERY)] : undefined;
    const sale = await ringUp(page, customer, index, coupon);
    saleMs.push(sale.ms);
    if (index % CASH_EVERY !== 0) lastCard = sale.orderId;
    const done = index + 1;
    if (done % REFUND_EVERY === 0) await refundInHistory(page, lastCard);
    if (done % SAMPLE_EVERY === 0) {
      const window = saleMs.slice(-SAMPLE_EVERY);
      const sample: Sample = {
        sales: done,
        registerHeapMb: await heapAfterGcMb(page),
        customerHeapMb: await heapAfterGcMb(customer),
        hostHeapMb: await hostHeapAfterGcMb(inspectPort),
        hostRssMb: await hostRssMb(hostPid),
        saleP50Ms: percentile(window, 50),
        saleP99Ms: percentile(window, 99),
      };
      samples.push(sample);
      console.log(
        [
          String(done).padStart(5),
          sample.registerHeapMb.toFixed(1).padStart(17),
          sample.customerHeapMb.toFixed(1).padStart(17),
          sample.hostHeapMb.toFixed(1).padStart(14),
          sample.hostRssMb.toFixed(1).padStart(12),
          sample.saleP50Ms.toFixed(0).padStart(12),
          sample.saleP99Ms.toFixed(0).padStart(12),
        ].join(''),
      );
    }
  }
} finally {
  await browser.close().catch(() => undefined);
  // The host compacts its index as it closes: the folder goes once it has exited.
  if (host.child.exitCode === null) {
    const exited = new Promise((resolve) => host.child.once('exit', resolve));
    host.child.kill('SIGTERM');
    await exited;
  }
  await toss.close();
  await rm(dataDir, { recursive: true, force: true });
}

const last = samples.at(-1);
// A run shorter than the warm-up compares from its first sample.
const warm = samples.find((sample) => sample.sales === WARM_UP && sample !== last) ?? samples[0];
if (warm === undefined || last === undefined) throw new Error('no samples');
const firstP99 = percentile(saleMs.slice(0, EDGE), 99);
const lastP99 = percentile(saleMs.slice(-EDGE), 99);
const growth = {
  host_rss_mb: last.hostRssMb - warm.hostRssMb,
  register_heap_mb: last.registerHeapMb - warm.registerHeapMb,
  customer_heap_mb: last.customerHeapMb - warm.customerHeapMb,
  host_heap_mb: last.hostHeapMb - warm.hostHeapMb,
};
const goals = {
  host_rss_flat: growth.host_rss_mb <= GROWTH_GOAL_MB,
  register_heap_flat: growth.register_heap_mb <= GROWTH_GOAL_MB,
  customer_heap_flat: growth.customer_heap_mb <= GROWTH_GOAL_MB,
  sale_p99_steady: lastP99 <= firstP99 * P99_GOAL_RATIO,
};
const minutes = (performance.now() - began) / 60_000;
const saleMeanMs = saleMs.reduce((sum, ms) => sum + ms, 0) / saleMs.length;
const met = (ok: boolean) => (ok ? 'met' : 'not met');
const signed = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(1)} MB`;
const LABELS = {
  host_rss_mb: "main's RSS (host.js)",
  register_heap_mb: 'register page heap after GC',
  customer_heap_mb: 'customer page heap after GC',
  host_heap_mb: "main's JS heap after GC",
} as const;
const FLAT = {
  host_rss_mb: goals.host_rss_flat,
  register_heap_mb: goals.register_heap_flat,
  customer_heap_mb: goals.customer_heap_flat,
} as const;
console.log(
  `\nui_soak summary: ${SALES} sales in ${minutes.toFixed(1)} min, ${((minutes * 60_000) / SALES / 1000).toFixed(2)} s a sale all told ` +
    `(rung up in ${(saleMeanMs / 1000).toFixed(2)} s on average)`,
);
console.log(`  warm-up: compared from the sample after ${warm.sales} sales to the one after ${last.sales}`);
for (const name of ['host_rss_mb', 'register_heap_mb', 'customer_heap_mb'] as const)
  console.log(
    `  ${LABELS[name].padEnd(28)} ${signed(growth[name]).padStart(9)}  (goal ≤ +${GROWTH_GOAL_MB} MB: ${met(FLAT[name])})`,
  );
// No goal of its own: it says whether a rise of RSS is objects kept or only memory not handed back.
console.log(`  ${LABELS.host_heap_mb.padEnd(28)} ${signed(growth.host_heap_mb).padStart(9)}  (a figure)`);
console.log(
  `  ${'sale p99'.padEnd(28)} first ${EDGE}: ${firstP99.toFixed(0)} ms, last ${EDGE}: ${lastP99.toFixed(0)} ms, ` +
    `${(lastP99 / firstP99).toFixed(2)}× (goal ≤ ${P99_GOAL_RATIO}×: ${met(goals.sale_p99_steady)})`,
);

if (values.json !== undefined)
  await writeFile(
    values.json,
    `${JSON.stringify(
      {
        sales: SALES,
        minutes: Number(minutes.toFixed(2)),
        sale_mean_ms: saleMeanMs,
        warm_up_sales: warm.sales,
        growth_mb: growth,
        growth_goal_mb: GROWTH_GOAL_MB,
        sale_p99_first_ms: firstP99,
        sale_p99_last_ms: lastP99,
        sale_p99_ratio: lastP99 / firstP99,
        sale_p99_goal_ratio: P99_GOAL_RATIO,
        goals_met: goals,
        samples,
      },
      null,
      2,
    )}\n`,
  );
