import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Order } from '../../shared/domain/order';
import { seoulDay, seoulIso } from '../../shared/domain/time';
import { startPos } from '../../electron/compose/start-pos';
import { call, percentile } from './bench-calls';
import { demoCatalog } from '../../electron/core/shop/catalog/demo-catalog';
import { plainTextCipher } from '../../electron/core/shop/secrets/key-cipher';
import { TRAINING_DIR } from '../../electron/core/platform/disk/training-dir';
import { CARD, payWindow } from '../unit/helpers/toss-window';
import { anOrder, oneAmericano } from '../support/an-order';

/**
 * What a sale costs as the day's order file grows: `sale:create` (price + store) and
 * `payment:confirm` (journal + Toss round trip on loopback + store), in training mode.
 * Prints figures; passes or fails on nothing.
 */
const HISTORY_SIZES = [0, 1_000, 10_000, 100_000];
const SALES = 40;

function paidOrder(at: Date): Order {
  return anOrder({ createdAt: seoulIso(at), updatedAt: seoulIso(at), ...oneAmericano(), status: 'PAID' }, seoulDay(at));
}

async function measure(history: number): Promise<{ startup: number; create: number[]; confirm: number[] }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'toss-pos-bench-'));
  try {
    const now = new Date();
    // The bench sells in training: the day's file it grows is the training books' own.
    const orders = join(dataDir, TRAINING_DIR, 'orders');
    await mkdir(orders, { recursive: true });
    const journal = Array.from({ length: history }, () => `${JSON.stringify(paidOrder(now))}\n`).join('');
    await writeFile(join(orders, `${seoulDay(now)}.jsonl`), journal);
    // A folder with sales never gets the demo catalog made up for it: the shop's own is there.
    await writeFile(join(dataDir, 'catalog.json'), JSON.stringify(demoCatalog));

    const started = performance.now();
    const core = await startPos({
      env: { POS_DATA_DIR: dataDir },
      packaged: false,
      cipher: plainTextCipher,
      keepEnvironmentKey: false,
      log: { info() {}, warn() {}, error() {} },
    });
    // Someone at the till (the training manager, chosen on the first start): sales need them.
    if ((await call(core, 'staff:status', {})).trainingManagerOffered)
      await call(core, 'staff:use-training-manager', {});
    const sim = core.simulator;
    // Start-up reads today's journal (to settle any order a crash left mid-confirm).
    const startup = performance.now() - started;
    const { clientKey } = await call(core, 'app:info', {});
    const create: number[] = [];
    const confirm: number[] = [];
    for (let i = 0; i < SALES; i += 1) {
      let t = performance.now();
      const order = await call(core, 'sale:create', { lines: [{ productId: 'americano', quantity: 2 }] });
      create.push(performance.now() - t);
      const paymentKey = await payWindow(sim, clientKey, order, CARD.approves);
      t = performance.now();
      await call(core, 'payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
      confirm.push(performance.now() - t);
    }
    await core.close();
    return { startup, create, confirm };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

console.log(`Sale cost by orders already in the day's file (${SALES} sales each, ms)`);
console.log('orders in day | start-up | create p50 | create p95 | confirm p50 | confirm p95');
for (const history of HISTORY_SIZES) {
  const { startup, create, confirm } = await measure(history);
  const f = (n: number, width = 10) => n.toFixed(2).padStart(width);
  console.log(
    `${String(history).padStart(13)} | ${f(startup, 8)} | ${f(percentile(create, 50))} | ${f(percentile(create, 95))} | ${f(percentile(confirm, 50), 11)} | ${f(percentile(confirm, 95), 11)}`,
  );
}
