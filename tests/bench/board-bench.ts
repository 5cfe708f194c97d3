import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Order } from '../../shared/domain/order';
import { emptyDraft } from '../../shared/domain/register';
import { seoulDay, seoulIso } from '../../shared/domain/time';
import { startPos, type RunningPos } from '../../electron/compose/start-pos';
import { demoCatalog } from '../../electron/core/shop/catalog/demo-catalog';
import { plainTextCipher } from '../../electron/core/shop/secrets/key-cipher';
import { TRAINING_DIR } from '../../electron/core/platform/disk/training-dir';
import { anOrder, oneAmericano } from '../support/an-order';
import { call, percentile } from './bench-calls';

/**
 * What the number board costs a paid sale on a busy day (issue 22): a business day already holding
 * `--orders` paid orders (all but the last 10 called ready an hour ago), then `--sales` cash sales
 * in training, each shown paid on the register as the page does, while a customer screen watches.
 * `board_update_ms` is from the cash sale's answer until the register's paid state is saved and the
 * watching customer screen's board shows the new number.
 *
 *   tsx tests/bench/board-bench.ts [--orders N] [--sales N] [--json PATH]
 *
 * `--json PATH` writes `{ orders, sales, board_update_p50_ms, board_update_p99_ms, sale_p50_ms }`.
 * Prints figures; fails on nothing.
 */
const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '2000' },
    sales: { type: 'string', default: '200' },
    json: { type: 'string' },
  },
});
const ORDERS = Number(values.orders);
const SALES = Number(values.sales);
const STILL_MAKING = 10;

async function busyDay(dataDir: string, at: Date): Promise<void> {
  const books = join(dataDir, TRAINING_DIR);
  await mkdir(join(books, 'orders'), { recursive: true });
  const day = seoulDay(at);
  const paidAt = seoulIso(new Date(at.getTime() - 2 * 3_600_000));
  const orders: Order[] = Array.from({ length: ORDERS }, (_, i) =>
    anOrder({ createdAt: paidAt, updatedAt: paidAt, ...oneAmericano(), status: 'PAID', callNumber: i + 1 }, day),
  );
  await writeFile(join(books, 'orders', `${day}.jsonl`), orders.map((o) => `${JSON.stringify(o)}\n`).join(''));
  const calledAt = new Date(at.getTime() - 3_600_000).toISOString();
  const ready = orders
    .slice(0, Math.max(0, ORDERS - STILL_MAKING))
    .map((o) => ({ orderId: o.orderId, businessDay: day, at: calledAt }));
  await writeFile(join(books, 'call-board.json'), JSON.stringify({ ready }));
  // A folder with sales never gets the demo catalog made up for it: the shop's own is there.
  await writeFile(join(dataDir, 'catalog.json'), JSON.stringify(demoCatalog));
}

/** The customer screen's long-poll, asked again until its board shows `callNumber`. */
async function boardShows(core: RunningPos, since: number, callNumber: number): Promise<number> {
  let version = since;
  for (;;) {
    const answer = await call(core, 'display:watch', { since: version });
    version = answer.version;
    if (answer.view.board.preparing.some((entry) => entry.callNumber === callNumber)) return version;
  }
}

const dataDir = await mkdtemp(join(tmpdir(), 'pos-board-bench-'));
try {
  // Midday in Seoul, so the bench's sales all fall on the seeded business day.
  const now = new Date(`${seoulDay(new Date())}T12:00:00+09:00`);
  await busyDay(dataDir, now);
  const core = await startPos({
    env: { POS_DATA_DIR: dataDir },
    packaged: false,
    cipher: plainTextCipher,
    keepEnvironmentKey: false,
    log: { info() {}, warn() {}, error() {} },
    now: () => now,
  });
  if ((await call(core, 'staff:status', {})).trainingManagerOffered) await call(core, 'staff:use-training-manager', {});
  let version = (await call(core, 'display:watch', { since: 0 })).version;
  const update: number[] = [];
  const sale: number[] = [];
  for (let i = 0; i < SALES; i += 1) {
    const started = performance.now();
    const order = await call(core, 'sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
    const paid = await call(core, 'cash:sale', { orderId: order.orderId, received: order.amount });
    const written = performance.now();
    const shown = boardShows(core, version, paid.callNumber ?? 0);
    await call(core, 'register:save-draft', { ...emptyDraft, stage: 'paid', paidOrderId: paid.orderId });
    version = await shown;
    const done = performance.now();
    update.push(done - written);
    sale.push(done - started);
  }
  await core.close();
  const round = (n: number) => Math.round(n * 100) / 100;
  const figures = {
    orders: ORDERS,
    sales: SALES,
    board_update_p50_ms: round(percentile(update, 50)),
    board_update_p99_ms: round(percentile(update, 99)),
    sale_p50_ms: round(percentile(sale, 50)),
  };
  console.log(
    `Number board at a ${ORDERS.toLocaleString('en-US')}-order day, ${SALES} cash sales:\n` +
      `  board_update (cash sale answered → paid state saved and the customer screen's board shows it): p50 ${figures.board_update_p50_ms} ms, p99 ${figures.board_update_p99_ms} ms\n` +
      `  whole sale (create → board shows it): p50 ${figures.sale_p50_ms} ms`,
  );
  if (values.json !== undefined) await writeFile(values.json, `${JSON.stringify(figures, null, 2)}\n`);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
