import type { OrderDigest } from '../../history/order-digest';

/** A business day's real sales in figures (training and unpaid orders never count). */
export interface DaySummary {
  day: string;
  byMethod: Record<string, { orders: number; paid: number; refunded: number }>;
}

export function summarize(day: string, digests: Iterable<OrderDigest>): DaySummary {
  const byMethod: DaySummary['byMethod'] = {};
  for (const digest of digests) {
    if (digest.training || digest.status === 'unpaid') continue;
    const method = digest.method ?? 'none';
    const sums = (byMethod[method] ??= { orders: 0, paid: 0, refunded: 0 });
    sums.orders += 1;
    sums.paid += digest.amount;
    sums.refunded += digest.refunded;
  }
  return { day, byMethod };
}
