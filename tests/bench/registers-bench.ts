import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startPos, type RunningPos } from '../../electron/compose/start-pos';
import { diskIo, type FileIo } from '../../electron/core/platform/disk/file-io';
import { demoCatalog } from '../../electron/core/shop/catalog/demo-catalog';
import { plainTextCipher } from '../../electron/core/shop/secrets/key-cipher';
import { startTossSimulator } from '../../electron/training/simulator';
import { createTestDatabase } from '../support/postgres';
import { startPrivatePostgres } from '../support/private-postgres';
import { CARD, payWindow } from '../unit/helpers/toss-window';
import { call, percentile } from './bench-calls';

/**
 * Three registers of one shop selling at once on one PostgreSQL (issue 23): three real cores (one
 * process, each its own data folder), live against one Toss simulator (the shop's one set of keys),
 * each replicating its journal to the store through its outbox. Each register rings up `--sales`
 * card sales one after another, as fast as they go (create, the payment window, confirm); the
 * three sell at the same time.
 *
 * `sales_per_s` is every register's sales over the time from the first sale to the last answer.
 * `lag` is replication lag, per journal line: from the moment its append returned (on disk: the
 * register's journal is opened through a FileIo that notes each line's time) until a poll of
 * PostgreSQL (every `--poll-ms`) first sees that line committed, so it is late by up to one poll.
 * `drain_ms` is from the last sale's answer until the store holds every register's last line.
 *
 * The store is a fresh database on POS_TEST_PG_URL's server when that is set (the server as it is
 * configured), else a private cluster (fsync off; tests/support/private-postgres.ts).
 *
 *   tsx tests/bench/registers-bench.ts [--sales N] [--poll-ms N] [--json PATH]
 *
 * `--json PATH` writes `{ registers, sales, store, sales_per_s, sale_p50_ms, sale_p99_ms, lines,
 * lag_p50_ms, lag_p99_ms, lag_max_ms, drain_ms }`. Prints figures; fails on nothing.
 */
const { values } = parseArgs({
  options: {
    sales: { type: 'string', default: '100' },
    'poll-ms': { type: 'string', default: '5' },
    json: { type: 'string' },
  },
});
const SALES = Number(values.sales);
const POLL_MS = Number(values['poll-ms']);
const REGISTERS = ['카운터 A', '카운터 B', '카운터 C'];
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** When each journal line of one register was on disk, by "day#line number". */
type Written = Map<string, number>;

/**
 * The disk as the books use it, noting when each line of a live journal (`orders/<day>.jsonl`
 * under the data folder) is on disk: its number is its place in that day's journal, as the outbox
 * numbers it.
 */
function notingJournalLines(dataDir: string, written: Written): FileIo {
  const ordersDir = join(dataDir, 'orders');
  return {
    read: (path) => diskIo.read(path),
    writeAtomic: (path, text) => diskIo.writeAtomic(path, text),
    async openAppend(path) {
      const file = await diskIo.openAppend(path);
      const day = /^(\d{4}-\d{2}-\d{2})\.jsonl$/.exec(basename(path))?.[1];
      if (dirname(path) !== ordersDir || day === undefined) return file;
      let lineNo = ((await diskIo.read(path)) ?? '').split('\n').length - 1;
      return {
        close: () => file.close(),
        async append(text) {
          await file.append(text);
          const at = performance.now();
          for (const ch of text) if (ch === '\n') written.set(`${day}#${(lineNo += 1)}`, at);
        },
      };
    },
  };
}

async function shopStore(): Promise<{ url: string; kind: string; close(): Promise<void> }> {
  if (process.env.POS_TEST_PG_URL?.trim()) {
    const db = await createTestDatabase('bench_registers');
    return { url: db.url, kind: 'POS_TEST_PG_URL server', close: () => db.drop() };
  }
  const server = await startPrivatePostgres('bench');
  return { url: server.url, kind: 'private cluster, fsync off', close: () => server.destroy() };
}

const store = await shopStore();
const keys = {
  clientKey: `test_ck_bench_${randomBytes(6).toString('hex')}`,
  secretKey: `test_sk_bench_${randomBytes(12).toString('hex')}`,
};
const sim = await startTossSimulator(keys);
const folders: string[] = [];
const cores: RunningPos[] = [];
const watcher = new pg.Client({ connectionString: store.url });
try {
  const registers: Array<{ name: string; core: RunningPos; written: Written }> = [];
  for (const name of REGISTERS) {
    const dataDir = await mkdtemp(join(tmpdir(), 'toss-pos-bench-registers-'));
    folders.push(dataDir);
    // The shop's own menu, as a shop that has sold before has it (a new live folder starts with an empty one).
    await writeFile(join(dataDir, 'catalog.json'), JSON.stringify(demoCatalog));
    const written: Written = new Map();
    const core = await startPos({
      env: {
        POS_DATA_DIR: dataDir,
        TOSS_CLIENT_KEY: keys.clientKey,
        TOSS_SECRET_KEY: keys.secretKey,
        TOSS_API_BASE: sim.apiBase,
        TOSS_SDK_SRC: sim.sdkSrc,
        POS_STORE_URL: store.url,
      },
      packaged: false,
      cipher: plainTextCipher,
      keepEnvironmentKey: false,
      io: notingJournalLines(dataDir, written),
      log: quiet,
    });
    cores.push(core);
    await call(core, 'staff:setup-owner', { name: '김토스', pin: '482913' });
    await call(core, 'store:save-register-name', { name });
    registers.push({ name, core, written });
  }
  await watcher.connect();

  /** Per register and day, the highest line number the store holds, polled until `stop`; each line's first sighting. */
  const seen = new Map<string, number>();
  const highest = new Map<string, number>();
  let watching = true;
  const watch = (async () => {
    while (watching) {
      const rows = await watcher.query<{ name: string; day: string; top: number }>(
        `SELECT r.name, to_char(l.business_day, 'YYYY-MM-DD') AS day, max(l.line_no) AS top
           FROM journal_lines l JOIN registers r ON r.id = l.register_id GROUP BY r.name, l.business_day`,
      );
      const at = performance.now();
      for (const row of rows.rows) {
        const key = `${row.name}|${row.day}`;
        for (let line = (highest.get(key) ?? 0) + 1; line <= row.top; line += 1) seen.set(`${key}#${line}`, at);
        highest.set(key, Math.max(highest.get(key) ?? 0, row.top));
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  })();

  const saleMs: number[] = [];
  const started = performance.now();
  await Promise.all(
    registers.map(async ({ core }, i) => {
      const products = ['americano', 'croissant', 'sandwich'];
      for (let sale = 0; sale < SALES; sale += 1) {
        const t = performance.now();
        const order = await call(core, 'sale:create', {
          lines: [{ productId: products[(sale + i) % products.length] ?? 'americano', quantity: 1 }],
        });
        const paymentKey = await payWindow(sim, keys.clientKey, order, CARD.approves);
        await call(core, 'payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
        saleMs.push(performance.now() - t);
      }
    }),
  );
  const sold = performance.now();

  const lines = registers.reduce((n, r) => n + r.written.size, 0);
  const unseen = () =>
    registers.some(({ name, written }) => [...written.keys()].some((line) => !seen.has(`${name}|${line}`)));
  while (unseen()) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  const drained = performance.now();
  watching = false;
  await watch;

  const lag: number[] = [];
  for (const { name, written } of registers)
    for (const [line, at] of written) lag.push((seen.get(`${name}|${line}`) ?? Number.NaN) - at);
  const round = (n: number) => Math.round(n * 100) / 100;
  const total = SALES * REGISTERS.length;
  const figures = {
    registers: REGISTERS.length,
    sales: total,
    store: store.kind,
    sales_per_s: round(total / ((sold - started) / 1000)),
    sale_p50_ms: round(percentile(saleMs, 50)),
    sale_p99_ms: round(percentile(saleMs, 99)),
    lines,
    lag_p50_ms: round(percentile(lag, 50)),
    lag_p99_ms: round(percentile(lag, 99)),
    lag_max_ms: round(Math.max(...lag)),
    drain_ms: round(drained - sold),
  };
  console.log(
    `Three registers on one PostgreSQL (${store.kind}), ${SALES} card sales each at once, live against one Toss simulator:\n` +
      `  ${figures.sales_per_s} sales/s in all (a sale, create → window → confirm: p50 ${figures.sale_p50_ms} ms, p99 ${figures.sale_p99_ms} ms)\n` +
      `  replication lag over ${lines} journal lines (on disk → committed in PostgreSQL, polled every ${POLL_MS} ms): ` +
      `p50 ${figures.lag_p50_ms} ms, p99 ${figures.lag_p99_ms} ms, max ${figures.lag_max_ms} ms; all in ${figures.drain_ms} ms after the last sale`,
  );
  if (values.json !== undefined) await writeFile(values.json, `${JSON.stringify(figures, null, 2)}\n`);
} finally {
  await watcher.end().catch(() => undefined);
  for (const core of cores) await core.close();
  await sim.close();
  await store.close();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
}
