import type { Order } from './order';
import type { RefundEntry } from './refunds';

/**
 * How a paid order was paid: through Toss (a card, easy pay …), in cash at the counter, in parts
 * (split payment: `order.parts` says how each part was paid), or by its discounts alone (0 won).
 */
export type PaidBy = 'toss' | 'cash' | 'split' | 'discount';

/** Meaningful for a paid order: one never paid has neither a payment nor cash, like one its discounts paid. */
export function paidBy(order: Pick<Order, 'payment' | 'cash' | 'parts'>): PaidBy {
  if (order.parts.length > 0) return 'split';
  if (order.payment !== null) return 'toss';
  return order.cash !== null ? 'cash' : 'discount';
}

/** How a refund went back: as the order was paid, or for an order paid in parts, as the part it names was. */
export function refundedBy(
  order: Pick<Order, 'payment' | 'cash' | 'parts'>,
  refund: Pick<RefundEntry, 'part'>,
): PaidBy {
  const part = order.parts.find((p) => p.part === refund.part);
  if (part) return part.method === 'cash' ? 'cash' : 'toss';
  return paidBy(order);
}
