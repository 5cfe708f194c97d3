import type { Order } from '../../../../shared/domain/order';
import { refundedAmount } from '../../../../shared/domain/refunds';

/** What is left to refund: the amount paid less every refund carried out or still being settled. */
export function balanceOf(order: Order): number {
  return Math.max(0, order.amount - refundedAmount(order.refunds));
}

/** Units of each product already given back (refunds by amount give back none). */
export function refundedQuantities(order: Order): Map<string, number> {
  const counts = new Map<string, number>();
  for (const refund of order.refunds) {
    if (refund.status === 'FAILED') continue;
    for (const line of refund.lines) counts.set(line.lineKey, (counts.get(line.lineKey) ?? 0) + line.quantity);
  }
  return counts;
}

/**
 * Why the order cannot be refunded now, or null when it can: main's own rule (nothing left of
 * what was paid), a card sale and a cash sale alike; 'free' is the 0-won order, which never had any.
 */
export function whyNotRefundable(order: Order): 'unpaid' | 'refunded' | 'free' | null {
  if (order.status !== 'PAID') return 'unpaid';
  if (order.amount === 0) return 'free';
  return balanceOf(order) === 0 ? 'refunded' : null;
}
