import { lineNamed } from './cart-line';
import { allocate, assertWon, sumWon, vatSplit, type Won } from './money';
import type { Order, OrderLine } from './order';
import type { RefundEntry } from './refunds';

/**
 * An amount as a 부가세 신고 reads it: 과세 공급가액 + 부가세 + 면세 물품가액 = the amount.
 * VAT only on the taxable part, by Toss's rule (vatSplit).
 */
export interface TaxSplit {
  /** 과세 공급가액: the taxable part less its VAT. */
  taxable: Won;
  /** 부가세 */
  vat: Won;
  /** 면세 물품가액 */
  taxFree: Won;
}

export function taxSplit(amount: Won, taxFree: Won): TaxSplit {
  const { vat } = vatSplit(amount, taxFree);
  return { taxable: assertWon(amount - taxFree - vat), vat, taxFree };
}

/** Adds splits figure by figure (a day's orders, a month's days). */
export function addSplits(splits: readonly TaxSplit[]): TaxSplit {
  return {
    taxable: sumWon(splits.map((s) => s.taxable)),
    vat: sumWon(splits.map((s) => s.vat)),
    taxFree: sumWon(splits.map((s) => s.taxFree)),
  };
}

/** Whether a line was sold 면세; lines stored before 면세 existed were all taxable. */
export function isTaxFree(line: Pick<OrderLine, 'taxFree'>): boolean {
  return line.taxFree === true;
}

/** The 면세 part of priced lines after their discount shares: exact in won, since every share is stored per line. */
export function taxFreeOfLines(lines: readonly Pick<OrderLine, 'taxFree' | 'lineTotal' | 'discount'>[]): Won {
  return sumWon(lines.filter(isTaxFree).map((line) => line.lineTotal - line.discount));
}

/** The order's 면세 amount (0 for an order stored before 면세 existed). */
export function taxFreeOf(order: Pick<Order, 'taxFreeAmount'>): Won {
  return order.taxFreeAmount ?? 0;
}

/**
 * The 면세 part of `amount` paid of an order as one part of several (a split payment): the
 * order's 면세 in proportion, in whole won, so a part never claims more 면세 than it paid.
 */
export function taxFreeOfPart(order: Pick<Order, 'amount' | 'taxFreeAmount'>, amount: Won): Won {
  if (order.amount === 0) return 0;
  const [share] = allocate(taxFreeOf(order), [amount, Math.max(0, order.amount - amount)]);
  return Math.min(share ?? 0, amount);
}

/** The 면세 part of a refund: what it took back from the order's 면세 lines (never more than it refunded). */
export function taxFreeOfRefund(order: Pick<Order, 'lines'>, refund: Pick<RefundEntry, 'lines' | 'amount'>): Won {
  const taken = sumWon(
    refund.lines.filter((part) => lineNamed(order.lines, part.lineKey)?.taxFree === true).map((part) => part.amount),
  );
  return Math.min(taken, refund.amount);
}

/**
 * The 면세 part of a refund as Toss's cancel takes it (its taxFreeAmount): the refunded lines'
 * 면세 share. For a part of a split payment it is held to what that part's payment has left of
 * its 면세, so a cancel never asks Toss for more 면세 than the payment was confirmed with.
 */
export function taxFreeOfCancel(
  order: Pick<Order, 'lines' | 'amount' | 'taxFreeAmount' | 'parts' | 'refunds'>,
  refund: Pick<RefundEntry, 'refundId' | 'lines' | 'amount' | 'part'>,
): Won {
  const own = taxFreeOfRefund(order, refund);
  if (refund.part === undefined) return own;
  const paid = order.parts.find((part) => part.part === refund.part);
  if (!paid) return 0;
  const at = order.refunds.findIndex((r) => r.refundId === refund.refundId);
  const earlier = order.refunds
    .slice(0, at === -1 ? order.refunds.length : at)
    .filter((r) => r.part === refund.part && r.status !== 'FAILED');
  const left = taxFreeOfPart(order, paid.amount) - sumWon(earlier.map((r) => taxFreeOfCancel(order, r)));
  return Math.max(0, Math.min(own, left));
}
