import { performance } from 'node:perf_hooks';
import type { HistoryRow, HistoryTotals } from '../../../shared/domain/history';
import type { Order } from '../../../shared/domain/order';

/** The ops issue 9 names, in the order they are printed and written to JSON. */
export const OPS = ['commit', 'open', 'page30', 'by_id', 'by_approval', 'search30', 'totals365'] as const;
export type Op = (typeof OPS)[number];

/** What both runners do, with the same inputs: everything a run needs, as JSON (it is handed to child processes). */
export interface BenchPlan {
  /** The data folder: `orders/` (journals and our index) and `history.sqlite`. */
  dataDir: string;
  orders: number;
  today: string;
  oldest: string;
  /** Ids from days older than any cache (random days), for by_id. */
  oldIds: string[];
  /** Approval numbers from random days of all history, for by_approval. */
  approvals: string[];
  /** Other ids and approval numbers, looked up untimed before each lookup op (see WARM_UPS). */
  warmIds: string[];
  warmApprovals: string[];
  searchTerms: Array<{ term: string; rarity: string }>;
  /** Timed commits (one more, untimed as a commit, is the first insert after open). */
  commits: number;
  /** The first commit's sequence number (approval numbers follow the history's). */
  commitSeq: number;
  opens: number;
  /** Repetitions of each query op. */
  repeats: number;
  /** For totals365: how many days before today each repetition's window ends. */
  totalsShifts: number[];
}

/** What each store answered, compared between the two: the agreement check. */
export interface Answers {
  page30: HistoryRow[];
  byId: Record<string, Order | null>;
  byApproval: Record<string, string[]>;
  search30: Record<string, string[]>;
  totals365: Record<string, HistoryTotals>;
}

export interface RunnerResult {
  store: 'ours' | 'sqlite';
  samples: Record<Op, number[]>;
  /** Figures printed besides the ops: each search term alone, open with the first insert. */
  extra: Record<string, number[]>;
  rss: { open: number; afterQueries: number };
  answers: Answers;
}

export function emptySamples(): Record<Op, number[]> {
  return { commit: [], open: [], page30: [], by_id: [], by_approval: [], search30: [], totals365: [] };
}

/** Milliseconds `task` took, and what it answered. */
export async function timed<T>(task: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await task();
  return { ms: performance.now() - started, value };
}

export function rssMiB(): number {
  return process.memoryUsage().rss / (1024 * 1024);
}

/** The business day `n` days after `day` (negative: before). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + n)).toISOString().slice(0, 10);
}

/** The last-30-days range and the 365-day windows both runners ask for. */
export function ranges(plan: BenchPlan) {
  return {
    from30: addDays(plan.today, -29),
    windows: plan.totalsShifts.map((shift) => {
      const to = addDays(plan.today, -shift);
      return { from: addDays(to, -364), to };
    }),
  };
}
