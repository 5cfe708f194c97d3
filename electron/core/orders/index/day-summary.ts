import type { HistoryStatus } from '../../../../shared/domain/history';
import type { OrderDigest } from './order-digest';

/**
 * A business day in figures: its real sales by method (training and unpaid orders never count),
 * and how many orders it has in each list status, so a filtered list can pass over a day at once.
 */
export interface DaySummary {
  day: string;
  byMethod: Record<string, { orders: number; paid: number; refunded: number }>;
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
  for (const digest of digests) {
    counts[digest.status] += 1;
    counts[digest.training ? 'training' : 'real'] += 1;
    if (digest.training || digest.status === 'unpaid') continue;
    const method = digest.method ?? 'none';
    const sums = (byMethod[method] ??= { orders: 0, paid: 0, refunded: 0 });
    sums.orders += 1;
    sums.paid += digest.amount;
    sums.refunded += digest.refunded;
    for (const refundDay of digest.refundDays) refundDays.add(refundDay);
  }
  // Stryker disable next-line MethodExpression: sorted for whoever reads the file; the one reader asks only whether a date is among them
  return { day, byMethod, counts, refundDays: [...refundDays].sort() };
}
