import { isDeepStrictEqual } from 'node:util';
import type { HistoryTotals } from '../../../shared/domain/history';
import { OPS, type Answers, type Op, type RunnerResult } from './plan';

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** The JSON issue 9 asks for, one object per order count. */
export interface BenchJson {
  orders: number;
  results: Array<{ op: Op; p50_ms: number; p99_ms: number; sqlite_p50_ms: number; sqlite_p99_ms: number }>;
  rss_mib: { open: number; after_queries: number };
}

const round = (n: number, digits = 3) => Number(n.toFixed(digits));

export function benchJson(orders: number, ours: RunnerResult, sqlite: RunnerResult): BenchJson {
  return {
    orders,
    results: OPS.map((op) => ({
      op,
      p50_ms: round(percentile(ours.samples[op], 50)),
      p99_ms: round(percentile(ours.samples[op], 99)),
      sqlite_p50_ms: round(percentile(sqlite.samples[op], 50)),
      sqlite_p99_ms: round(percentile(sqlite.samples[op], 99)),
    })),
    rss_mib: { open: round(ours.rss.open, 1), after_queries: round(ours.rss.afterQueries, 1) },
  };
}

/** Issue 9's goals at 1M orders: a p99 in ms, or a p99 at most this many times SQLite's. */
const GOALS: Record<Op, { ms?: number; timesSqlite?: number }> = {
  commit: { timesSqlite: 2 },
  open: { ms: 20 },
  page30: { ms: 16 },
  by_id: { ms: 16 },
  by_approval: { ms: 16 },
  search30: { timesSqlite: 2 },
  totals365: { ms: 50 },
};
const RSS_GOAL_MIB = 110;

function goalText(op: Op): string {
  const goal = GOALS[op];
  return goal.ms !== undefined ? `p99 ≤ ${goal.ms} ms` : `p99 ≤ ${goal.timesSqlite}× SQLite`;
}

function goalMet(op: Op, p99: number, sqliteP99: number): boolean {
  const goal = GOALS[op];
  return goal.ms !== undefined ? p99 <= goal.ms : p99 <= (goal.timesSqlite ?? 1) * sqliteP99;
}

const num = (n: number, width: number) =>
  (Number.isFinite(n) ? (n >= 100 ? n.toFixed(1) : n.toFixed(2)) : '-').padStart(width);

/** The table for one order count: our p50/p99, SQLite's, the ratio of p99s, and issue 9's goal at 1M. */
export function formatTable(orders: number, ours: RunnerResult, sqlite: RunnerResult): string {
  const lines: string[] = [];
  lines.push(
    `History at ${orders.toLocaleString('en-US')} orders (ms; ratio = ours p99 / SQLite p99; goals are issue 9's at 1M)`,
  );
  lines.push(
    'op                     |  ours p50 |  ours p99 | sqlite p50 | sqlite p99 |  ratio | goal at 1M            | met',
  );
  lines.push(
    '-----------------------|-----------|-----------|------------|------------|--------|-----------------------|----',
  );
  for (const op of OPS) {
    const [p50, p99, s50, s99] = [
      percentile(ours.samples[op], 50),
      percentile(ours.samples[op], 99),
      percentile(sqlite.samples[op], 50),
      percentile(sqlite.samples[op], 99),
    ];
    const n = ours.samples[op].length;
    lines.push(
      `${`${op} (n=${n})`.padEnd(23)}|${num(p50, 10)} |${num(p99, 10)} |${num(s50, 11)} |${num(s99, 11)} |${num(p99 / s99, 7)} | ${goalText(op).padEnd(22)}| ${goalMet(op, p99, s99) ? 'yes' : 'NO'}`,
    );
  }
  for (const name of Object.keys(ours.extra).sort()) {
    const [o, s] = [ours.extra[name] ?? [], sqlite.extra[name] ?? []];
    lines.push(
      `${`  ${name}`.padEnd(23)}|${num(percentile(o, 50), 10)} |${num(percentile(o, 99), 10)} |${num(percentile(s, 50), 11)} |${num(percentile(s, 99), 11)} |${num(percentile(o, 99) / percentile(s, 99), 7)} |${''.padEnd(23)}|`,
    );
  }
  const rssMax = Math.max(ours.rss.open, ours.rss.afterQueries);
  lines.push(
    `RSS MiB: ours ${ours.rss.open.toFixed(1)} after open, ${ours.rss.afterQueries.toFixed(1)} after the queries (goal ≤ ${RSS_GOAL_MIB}: ${rssMax <= RSS_GOAL_MIB ? 'yes' : 'NO'}); ` +
      `SQLite's process ${sqlite.rss.open.toFixed(1)} / ${sqlite.rss.afterQueries.toFixed(1)}`,
  );
  return lines.join('\n');
}

function normalTotals(totals: HistoryTotals): HistoryTotals {
  return { ...totals, byMethod: [...totals.byMethod].sort((a, b) => a.method.localeCompare(b.method)) };
}

/** Where the two stores answered differently (empty when they agree): the benchmark's correctness check. */
export function disagreements(ours: Answers, sqlite: Answers): string[] {
  const found: string[] = [];
  const differ = (what: string, a: unknown, b: unknown) => {
    if (!isDeepStrictEqual(a, b))
      found.push(`${what}: ours ${JSON.stringify(a)?.slice(0, 300)} vs SQLite ${JSON.stringify(b)?.slice(0, 300)}`);
  };
  differ('page30', ours.page30, sqlite.page30);
  if (ours.page30.length === 0) found.push('page30: no rows');
  for (const key of new Set([...Object.keys(ours.byId), ...Object.keys(sqlite.byId)])) {
    differ(`by_id ${key}`, ours.byId[key], sqlite.byId[key]);
    if (ours.byId[key] == null) found.push(`by_id ${key}: not found`);
  }
  for (const key of new Set([...Object.keys(ours.byApproval), ...Object.keys(sqlite.byApproval)])) {
    differ(`by_approval ${key}`, ours.byApproval[key], sqlite.byApproval[key]);
    if ((ours.byApproval[key] ?? []).length !== 1)
      found.push(`by_approval ${key}: ${ours.byApproval[key]?.length ?? 0} orders, not 1`);
  }
  for (const key of new Set([...Object.keys(ours.search30), ...Object.keys(sqlite.search30)]))
    differ(`search30 ${key}`, ours.search30[key], sqlite.search30[key]);
  for (const key of new Set([...Object.keys(ours.totals365), ...Object.keys(sqlite.totals365)])) {
    const [a, b] = [ours.totals365[key], sqlite.totals365[key]];
    differ(`totals365 ${key}`, a && normalTotals(a), b && normalTotals(b));
  }
  return found;
}
