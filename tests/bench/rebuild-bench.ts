import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { seoulDay } from '../../shared/domain/time';
import { startPos } from '../../electron/compose/start-pos';
import { demoCatalog } from '../../electron/core/shop/catalog/demo-catalog';
import { plainTextCipher } from '../../electron/core/shop/secrets/key-cipher';
import { TRAINING_DIR } from '../../electron/core/platform/disk/training-dir';
import { call, percentile } from './bench-calls';
import { generateHistory } from './history/generator';

/**
 * The first start after an index format change (or a lost index), issue 22: a history generated
 * as the history bench does, its index removed, then the app started (training books) and timed
 * until `sale:create` and a cash sale are answered (`first_sale_after_rebuild_ms`), while the
 * index is rebuilt in the background; then more sales during the rebuild, the time until it is
 * done, and the peak RSS of the app's process over it all.
 *
 *   tsx tests/bench/rebuild-bench.ts [--orders N] [--json PATH] [--dir DIR] [--keep]
 *
 * `--orders` defaults to 100000; 1000000 is the size (about 2,740 days). The app runs in a
 * child process of its own, so its RSS is the app's, not the generator's. `--json PATH` writes
 * `{ orders, days, first_sale_after_rebuild_ms, rebuild_done_ms, sale_during_rebuild_p50_ms,
 * sale_during_rebuild_p99_ms, sales_during_rebuild, event_loop_max_delay_ms, peak_rss_mib }`. Prints figures; fails on nothing.
 */
const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '100000' },
    json: { type: 'string' },
    dir: { type: 'string' },
    keep: { type: 'boolean', default: false },
    measure: { type: 'string' },
  },
});

interface Measured {
  first_sale_after_rebuild_ms: number;
  rebuild_done_ms: number;
  sale_during_rebuild_p50_ms: number;
  sale_during_rebuild_p99_ms: number;
  sales_during_rebuild: number;
  /** The longest the event loop was held (by the rebuild's work, or anything else) while it ran. */
  event_loop_max_delay_ms: number;
  peak_rss_mib: number;
}

const quiet = { info() {}, warn() {}, error() {} };

async function cashSale(core: Awaited<ReturnType<typeof startPos>>): Promise<void> {
  const order = await call(core, 'sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
  await call(core, 'cash:sale', { orderId: order.orderId, received: 50_000 });
}

/** In the child: start the app on the folder, sell, sell on while the index is rebuilt, and wait for it. */
async function measure(dataDir: string): Promise<Measured> {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const started = performance.now();
  const core = await startPos({
    env: { POS_DATA_DIR: dataDir },
    packaged: false,
    cipher: plainTextCipher,
    keepEnvironmentKey: false,
    log: quiet,
  });
  if ((await call(core, 'staff:status', {})).trainingManagerOffered) await call(core, 'staff:use-training-manager', {});
  await cashSale(core);
  const firstSale = performance.now() - started;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const rebuilt = core.orders('training').rebuilt();
  let done = false;
  void rebuilt.then(() => (done = true));
  const sales: number[] = [];
  // A sale every 100 ms while the rebuild runs (at most 200): what the till feels meanwhile.
  while (!done && sales.length < 200) {
    const t = performance.now();
    await cashSale(core);
    sales.push(performance.now() - t);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await rebuilt;
  const rebuildDone = performance.now() - started;
  loop.disable();
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
  await core.close();
  return {
    first_sale_after_rebuild_ms: Math.round(firstSale),
    rebuild_done_ms: Math.round(rebuildDone),
    sale_during_rebuild_p50_ms: Number(percentile(sales, 50).toFixed(2)),
    sale_during_rebuild_p99_ms: Number(percentile(sales, 99).toFixed(2)),
    sales_during_rebuild: sales.length,
    event_loop_max_delay_ms: Math.round(loop.max / 1e6),
    peak_rss_mib: Math.round(peakRss / 1024 / 1024),
  };
}

if (values.measure !== undefined) {
  process.stdout.write(`${JSON.stringify(await measure(values.measure))}\n`);
} else {
  const orders = Number(values.orders.replaceAll('_', ''));
  if (!Number.isSafeInteger(orders) || orders < 1) throw new Error(`--orders wants a whole number: ${values.orders}`);
  const dataDir = values.dir ?? (await mkdtemp(join(tmpdir(), 'pos-rebuild-bench-')));
  try {
    // The training books' folder: the app starts in training with no keys.
    const generated = await generateHistory({
      dataDir: join(dataDir, TRAINING_DIR),
      orders,
      today: seoulDay(new Date()),
    });
    // A folder that has sold has its own catalog (none is made up for it).
    await writeFile(join(dataDir, 'catalog.json'), JSON.stringify(demoCatalog));
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), '--measure', dataDir],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
    );
    if (child.status !== 0) throw new Error(`the measuring process failed (${child.status})`);
    const measured = JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as Measured;
    const figures = { orders, days: generated.counts.days, ...measured };
    console.log(
      `Index rebuild at ${orders.toLocaleString('en-US')} orders (${figures.days} days), index removed before start:\n` +
        `  first sale answered (start → sale:create + cash:sale): ${figures.first_sale_after_rebuild_ms} ms\n` +
        `  sales during the rebuild: ${figures.sales_during_rebuild}, p50 ${figures.sale_during_rebuild_p50_ms} ms, p99 ${figures.sale_during_rebuild_p99_ms} ms; event loop held at most ${figures.event_loop_max_delay_ms} ms\n` +
        `  rebuild done: ${(figures.rebuild_done_ms / 1000).toFixed(1)} s after start; peak RSS ${figures.peak_rss_mib} MiB`,
    );
    if (values.json !== undefined) await writeFile(values.json, `${JSON.stringify(figures, null, 2)}\n`);
  } finally {
    if (!values.keep) await rm(dataDir, { recursive: true, force: true });
  }
}
