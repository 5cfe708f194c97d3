import { sumWon } from '../../../../shared/domain/money';
import type { Order, PaymentPart } from '../../../../shared/domain/order';
import { isSplit, paidParts, partBalance } from '../../../../shared/domain/payment-parts';
import { refundedAmount } from '../../../../shared/domain/refunds';

/**
 * What is left to refund: the amount paid less every refund carried out or still being settled;
 * of an order paid in parts, what its paid parts have left (it may be only partly paid).
 */
export function balanceOf(order: Order): number {
  if (isSplit(order)) return sumWon(paidParts(order).map((part) => partBalance(order, part.part)));
  return Math.max(0, order.amount - refundedAmount(order.refunds));
}

/** A paid part of an order paid in parts, and what is left to refund of it. */
export interface RefundablePart {
  part: PaymentPart;
  balance: number;
}

/** The parts a refund of a split order can go back to, in order; empty for an order paid by one tender. */
export function refundableParts(order: Order): RefundablePart[] {
  return paidParts(order).map((part) => ({ part, balance: partBalance(order, part.part) }));
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
  // An order paid in parts can be refunded part by part, paid in full or not (the customer left halfway).
  if (isSplit(order)) {
    if (paidParts(order).length === 0) return 'unpaid';
    return balanceOf(order) === 0 ? 'refunded' : null;
  }
  if (order.status !== 'PAID') return 'unpaid';
  if (order.amount === 0) return 'free';
  return balanceOf(order) === 0 ? 'refunded' : null;
}
