import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { HistoryRow, HistoryStatus, HistoryTotals } from '../../../shared/domain/history';
import type { Order } from '../../../shared/domain/order';
import { refundedAmount, refundState } from '../../../shared/domain/refunds';
import { commitOrders, type HistorySink } from './generator';
import { emptySamples, ranges, rssMiB, timed, type Answers, type BenchPlan, type RunnerResult } from './plan';

/**
 * The baseline: the same records in SQLite (better-sqlite3), WAL with `synchronous=FULL`, one row
 * per order with the columns history filters and lists on, its product names for search and the
 * order's JSON; indexes on day, status, approval number (and the id as primary key).
 */
export function sqlitePath(dataDir: string): string {
  return join(dataDir, 'history.sqlite');
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS orders (
  id TEXT PRIMARY KEY,
  day TEXT NOT NULL,
  created_at TEXT NOT NULL,
  status TEXT NOT NULL,
  training INTEGER NOT NULL,
  order_name TEXT NOT NULL,
  amount INTEGER NOT NULL,
  refunded INTEGER NOT NULL,
  method TEXT,
  approve_no TEXT,
  card_number TEXT,
  call_number INTEGER,
  names TEXT NOT NULL,
  json TEXT NOT NULL
)`;
const INDEXES = `
CREATE INDEX IF NOT EXISTS orders_day ON orders(day);
CREATE INDEX IF NOT EXISTS orders_status ON orders(status);
CREATE INDEX IF NOT EXISTS orders_approve_no ON orders(approve_no)`;

const ROW_COLUMNS =
  'id, day, created_at, status, training, order_name, amount, refunded, method, approve_no, card_number, call_number';
/** Newest first; orders of the same second in reverse order of insertion (as our journal's). */
const NEWEST_FIRST = 'ORDER BY created_at DESC, rowid DESC';

function openDb(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  return db;
}

function historyStatus(order: Order): HistoryStatus {
  if (order.status !== 'PAID') return 'unpaid';
  const state = refundState(order.amount, order.refunds);
  return state === 'none' ? 'paid' : state === 'partial' ? 'partially-refunded' : 'refunded';
}

/** The row's parameters for one order (JSON given when the caller has it already). */
function rowOf(order: Order, json = JSON.stringify(order)) {
  return {
    id: order.orderId,
    day: order.businessDay,
    created_at: order.createdAt,
    status: historyStatus(order),
    training: order.training ? 1 : 0,
    order_name: order.orderName,
    amount: order.amount,
    refunded: refundedAmount(order.refunds),
    method: order.payment?.method ?? null,
    approve_no: order.payment?.approveNo ?? null,
    card_number: order.payment?.cardNumber ?? null,
    call_number: order.callNumber,
    names: order.lines.map((line) => line.name.toLowerCase()).join('\n'),
    json,
  };
}

const INSERT = `INSERT INTO orders (id, day, created_at, status, training, order_name, amount, refunded, method, approve_no, card_number, call_number, names, json)
  VALUES (@id, @day, @created_at, @status, @training, @order_name, @amount, @refunded, @method, @approve_no, @card_number, @call_number, @names, @json)
  ON CONFLICT(id) DO UPDATE SET status = excluded.status, refunded = excluded.refunded, method = excluded.method, approve_no = excluded.approve_no,
    card_number = excluded.card_number, call_number = excluded.call_number, json = excluded.json`;

interface SqlRow {
  id: string;
  day: string;
  created_at: string;
  status: HistoryStatus;
  training: number;
  order_name: string;
  amount: number;
  refunded: number;
  method: string | null;
  approve_no: string | null;
  card_number: string | null;
  call_number: number | null;
}

function historyRow(row: SqlRow): HistoryRow {
  return {
    orderId: row.id,
    businessDay: row.day,
    createdAt: row.created_at,
    status: row.status,
    training: row.training === 1,
    orderName: row.order_name,
    amount: row.amount,
    refunded: row.refunded,
    method: row.method,
    approveNo: row.approve_no,
    cardNumber: row.card_number,
    callNumber: row.call_number,
  };
}

/** Loads generated days into a new database, one transaction a day (a bulk load: not what commit measures); indexes are built at the end. */
export class SqliteLoader implements HistorySink {
  private readonly db: Database.Database;
  private readonly load: (orders: readonly Order[], lines: readonly string[]) => void;

  constructor(dataDir: string) {
    this.db = openDb(sqlitePath(dataDir));
    this.db.exec(SCHEMA);
    const insert = this.db.prepare(INSERT);
    this.load = this.db.transaction((orders: readonly Order[], json: readonly string[]) => {
      orders.forEach((order, i) => insert.run(rowOf(order, json[i])));
    });
  }

  day(_day: string, orders: readonly Order[], json: readonly string[]): void {
    this.load(orders, json);
  }

  /** Builds the indexes and checkpoints the WAL into the database file. */
  finish(): void {
    this.db.exec(INDEXES);
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}

function totalsOf(rows: Array<{ method: string; orders: number; paid: number; refunded: number }>): HistoryTotals {
  const byMethod = [...rows].sort((a, b) => b.paid - a.paid);
  return {
    orders: byMethod.reduce((sum, m) => sum + m.orders, 0),
    paid: byMethod.reduce((sum, m) => sum + m.paid, 0),
    refunded: byMethod.reduce((sum, m) => sum + m.refunded, 0),
    byMethod,
  };
}

/** Runs the plan against SQLite: the same ops, inputs and order as our store's runner. */
export async function runSqlite(plan: BenchPlan): Promise<RunnerResult> {
  const path = sqlitePath(plan.dataDir);
  const samples = emptySamples();
  const extra: Record<string, number[]> = {};
  const answers: Answers = { page30: [], byId: {}, byApproval: {}, search30: {}, totals365: {} };
  const { from30, windows } = ranges(plan);

  const open = () => {
    const db = openDb(path);
    db.prepare('SELECT id FROM orders ORDER BY rowid DESC LIMIT 1').get();
    return db;
  };
  let rssOpen = 0;
  for (let i = 0; i < plan.opens; i += 1) {
    const { ms, value: db } = await timed(open);
    samples.open.push(ms);
    if (i === 0) rssOpen = rssMiB();
    db.close();
  }

  const commits = commitOrders(plan.commits + 1, plan.commitSeq, plan.today);
  const first = await timed(() => {
    const db = open();
    const insert = db.prepare(INSERT);
    db.transaction(() => insert.run(rowOf(commits[0] as Order)))();
    return { db, insert };
  });
  extra['open+first insert'] = [first.ms];
  const { db, insert } = first.value;
  const commitOne = db.transaction((order: Order) => insert.run(rowOf(order)));
  for (const order of commits.slice(1)) samples.commit.push((await timed(() => commitOne(order))).ms);

  const byId = db.prepare('SELECT json FROM orders WHERE id = ?');
  const orderById = (id: string) => {
    const row = byId.get(id) as { json: string } | undefined;
    return row === undefined ? null : (JSON.parse(row.json) as Order);
  };
  for (const id of plan.warmIds) (extra['by_id warm-up'] ??= []).push((await timed(() => orderById(id))).ms);
  for (let i = 0; i < plan.repeats; i += 1) {
    const id = plan.oldIds[i % plan.oldIds.length] ?? '';
    const { ms, value } = await timed(() => orderById(id));
    samples.by_id.push(ms);
    answers.byId[id] = value;
  }

  const byApproval = db.prepare(`SELECT ${ROW_COLUMNS} FROM orders WHERE approve_no = ? ${NEWEST_FIRST} LIMIT 50`);
  for (const approveNo of plan.warmApprovals)
    (extra['by_approval warm-up'] ??= []).push(
      (await timed(() => (byApproval.all(approveNo) as SqlRow[]).map(historyRow))).ms,
    );
  for (let i = 0; i < plan.repeats; i += 1) {
    const approveNo = plan.approvals[i % plan.approvals.length] ?? '';
    const { ms, value } = await timed(() => (byApproval.all(approveNo) as SqlRow[]).map(historyRow));
    samples.by_approval.push(ms);
    answers.byApproval[approveNo] = value.map((row) => row.orderId);
  }

  const page = db.prepare(`SELECT ${ROW_COLUMNS} FROM orders WHERE day >= ? AND day <= ? ${NEWEST_FIRST} LIMIT 50`);
  for (let i = 0; i < plan.repeats; i += 1) {
    const { ms, value } = await timed(() => (page.all(from30, plan.today) as SqlRow[]).map(historyRow));
    samples.page30.push(ms);
    answers.page30 = value;
  }

  const search = db.prepare(
    `SELECT ${ROW_COLUMNS} FROM orders WHERE day >= ? AND day <= ? AND names LIKE ? ESCAPE '\\' ${NEWEST_FIRST} LIMIT 50`,
  );
  for (let i = 0; i < plan.repeats; i += 1) {
    const { term, rarity } = plan.searchTerms[i % plan.searchTerms.length] ?? { term: '', rarity: '' };
    const pattern = `%${term.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const { ms, value } = await timed(() => (search.all(from30, plan.today, pattern) as SqlRow[]).map(historyRow));
    samples.search30.push(ms);
    (extra[`search30 ${rarity}`] ??= []).push(ms);
    answers.search30[term] = value.map((row) => row.orderId);
  }

  const totals = db.prepare(
    `SELECT coalesce(method, 'none') AS method, count(*) AS orders, sum(amount) AS paid, sum(refunded) AS refunded
     FROM orders WHERE day >= ? AND day <= ? AND training = 0 AND status != 'unpaid' GROUP BY 1`,
  );
  for (const { from, to } of windows) {
    const { ms, value } = await timed(() =>
      totalsOf(totals.all(from, to) as Array<{ method: string; orders: number; paid: number; refunded: number }>),
    );
    samples.totals365.push(ms);
    answers.totals365[`${from}..${to}`] = value;
  }

  const afterQueries = rssMiB();
  db.close();
  return { store: 'sqlite', samples, extra, rss: { open: rssOpen, afterQueries }, answers };
}
