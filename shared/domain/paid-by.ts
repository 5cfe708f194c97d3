import type { Order } from './order';

/** How a paid order was paid: through Toss (a card, easy pay …), in cash at the counter, or by its discounts alone (0 won). */
export type PaidBy = 'toss' | 'cash' | 'discount';

/** Meaningful for a paid order: one never paid has neither a payment nor cash, like one its discounts paid. */
export function paidBy(order: Pick<Order, 'payment' | 'cash'>): PaidBy {
  if (order.payment !== null) return 'toss';
  return order.cash !== null ? 'cash' : 'discount';
}
