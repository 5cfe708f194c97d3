import type { HistoryStatus } from '../../../../shared/domain/history';
import type { OrderDigest } from './order-digest';

/**
 * A business day in figures: its real sales by method (training and unpaid orders never count),
 * and how many orders it has in each list status, so a filtered list can pass over a day at once.
 */
export interface DaySummary {
  day: string;
  /** By method word: an order paid in parts is one order under each method its parts used. */
  byMethod: Record<string, { orders: number; paid: number; refunded: number }>;
  /** Its real paid orders, each once (absent from summaries written before split payment: their methods' orders add up to it). */
  orders?: number;
  counts: Record<HistoryStatus | 'training' | 'real', number>;
  /** The Seoul dates on which its real orders had refunds asked for (whatever day those orders were sold). */
  refundDays: string[];
}

export function summarize(day: string, digests: Iterable<OrderDigest>): DaySummary {
  const byMethod: DaySummary['byMethod'] = {};
  const counts: DaySummary['counts'] = {
    paid: 0,
    'partially-refunded': 0,
    refunded: 0,
    unpaid: 0,
    training: 0,
    real: 0,
  };
  const refundDays = new Set<string>();
  let orders = 0;
  for (const digest of digests) {
    counts[digest.status] += 1;
    counts[digest.training ? 'training' : 'real'] += 1;
    if (digest.training || digest.status === 'unpaid') continue;
    orders += 1;
    // An order paid in parts counts under each method its parts used, for what it took by it.
    for (const tender of digest.tenders ?? [
      { method: digest.method ?? 'none', paid: digest.amount, refunded: digest.refunded },
    ]) {
      const sums = (byMethod[tender.method] ??= { orders: 0, paid: 0, refunded: 0 });
      sums.orders += 1;
      sums.paid += tender.paid;
      sums.refunded += tender.refunded;
    }
    for (const refundDay of digest.refundDays) refundDays.add(refundDay);
  }
  // Stryker disable next-line MethodExpression: sorted for whoever reads the file; the one reader asks only whether a date is among them
  return { day, byMethod, orders, counts, refundDays: [...refundDays].sort() };
}
