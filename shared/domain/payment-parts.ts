import { CASH_METHOD, type CashTender } from './cash';
import { sumWon, type Won } from './money';
import type { Order, PaymentPart, PaymentRecord } from './order';
import type { RefundEntry } from './refunds';

/** Whether the order is paid in parts (split payment) rather than by one tender. */
export function isSplit(order: Pick<Order, 'parts'>): boolean {
  return order.parts.length > 0;
}

/** The parts that took money: cards Toss approved, cash in the drawer. */
export function paidParts(order: Pick<Order, 'parts'>): PaymentPart[] {
  return order.parts.filter((part) => part.status === 'PAID');
}

/** What the order's PAID parts took, in won. */
export function partsPaid(order: Pick<Order, 'parts'>): Won {
  return sumWon(paidParts(order).map((part) => part.amount));
}

/** A card part whose window may be open or whose confirm is under way: at most one at a time. */
export function partUnderWay(order: Pick<Order, 'parts'>): PaymentPart | undefined {
  return order.parts.find((part) => part.status === 'OPEN' || part.status === 'CONFIRMING');
}

/** What is left to pay: the amount less the PAID parts and any part under way (never below 0). */
export function leftToPay(order: Pick<Order, 'amount' | 'parts'>): Won {
  const underWay = partUnderWay(order)?.amount ?? 0;
  return Math.max(0, order.amount - partsPaid(order) - underWay);
}

/**
 * What the customer has paid of the order so far: its amount once it is PAID (by one tender or
 * in parts); of an order still open, what its PAID parts took.
 */
export function amountPaid(order: Pick<Order, 'status' | 'amount' | 'parts'>): Won {
  if (order.status === 'PAID') return order.amount;
  return partsPaid(order);
}

/** The refunds of one part (failed ones too: callers filter by status). */
export function refundsOfPart(refunds: readonly RefundEntry[], part: number): RefundEntry[] {
  return refunds.filter((refund) => refund.part === part);
}

/** What is left to refund of a PAID part: its amount less its refunds given back or on their way. */
export function partBalance(order: Pick<Order, 'parts' | 'refunds'>, part: number): Won {
  const found = order.parts.find((p) => p.part === part && p.status === 'PAID');
  if (!found) return 0;
  const refunded = sumWon(
    refundsOfPart(order.refunds, part)
      .filter((refund) => refund.status !== 'FAILED')
      .map((refund) => refund.amount),
  );
  return Math.max(0, found.amount - refunded);
}

/** The method word a part is counted under: Toss's own for a card (카드, 간편결제 …), 현금 for cash. */
export function partMethod(part: PaymentPart): string {
  if (part.method === 'cash') return CASH_METHOD;
  return part.payment?.method ?? '카드';
}

/**
 * `total` split evenly in `count` parts, in whole won, the remainder on the last part: the
 * register's "split evenly in N". The amounts add up to `total` exactly.
 */
export function splitEvenly(total: Won, count: number): Won[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`cannot split in ${count}`);
  const each = Math.floor(total / count);
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? total - each * (count - 1) : each));
}

/** An order's PAID cash part (an order takes one), if it has one. */
export function cashPartOf(order: Pick<Order, 'parts'>): PaymentPart | undefined {
  return order.parts.find((part) => part.method === 'cash' && part.status === 'PAID');
}

/** The cash an order took at the counter: its cash tender when paid in cash as a whole, or its cash part's. */
export function cashTenderOf(order: Pick<Order, 'cash' | 'parts'>): CashTender | null {
  return order.cash ?? cashPartOf(order)?.cash ?? null;
}

/** The card payment a refund goes back through: the order's, or its refunded part's; null for cash (nothing goes through Toss). */
export function refundPayment(
  order: Pick<Order, 'payment' | 'parts'>,
  refund: Pick<RefundEntry, 'part'>,
): PaymentRecord | null {
  if (refund.part === undefined) return order.payment;
  return order.parts.find((part) => part.part === refund.part)?.payment ?? null;
}

/** The PAID parts' takings by method word, in the order first met (a split order paid by two cards is one 카드 line). */
export function takingsByMethod(order: Pick<Order, 'parts'>): Array<{ method: string; amount: Won }> {
  const byMethod = new Map<string, Won>();
  for (const part of paidParts(order))
    byMethod.set(partMethod(part), sumWon([byMethod.get(partMethod(part)) ?? 0, part.amount]));
  return [...byMethod].map(([method, amount]) => ({ method, amount }));
}
