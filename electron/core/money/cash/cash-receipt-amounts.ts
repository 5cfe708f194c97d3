import type { CashReceipt } from '../../../../shared/domain/cash';
import { sumWon, type Won } from '../../../../shared/domain/money';
import type { Order } from '../../../../shared/domain/order';
import { cashPartOf } from '../../../../shared/domain/payment-parts';
import { refundedAmount, type RefundEntry } from '../../../../shared/domain/refunds';
import { taxFreeOf, taxFreeOfCancel, taxFreeOfPart } from '../../../../shared/domain/tax-split';

/**
 * What the order took in cash and the refunds that went back in cash: the whole sale and all its
 * refunds, or for an order paid in parts its cash part and the refunds routed to that part.
 */
function cashSide(order: Order): { paid: Won; refunds: RefundEntry[] } {
  const part = cashPartOf(order);
  if (part) return { paid: part.amount, refunds: order.refunds.filter((refund) => refund.part === part.part) };
  return { paid: order.amount, refunds: order.refunds };
}

/**
 * What the customer still has paid in cash: the cash sale (or cash part) less every refund of it
 * given back or on its way. A 현금영수증 is issued for this much, never for money handed back.
 */
export function stillPaid(order: Order): Won {
  const { paid, refunds } = cashSide(order);
  return Math.max(0, paid - refundedAmount(refunds));
}

/** What a receipt was issued (or asked) for; one kept before that was recorded asked for the whole sale. */
export function receiptAmount(order: Order, receipt: CashReceipt): Won {
  return receipt.amount ?? cashSide(order).paid;
}

/** What the refunds of the cash sale (or cash part) gave back: only refunds that went through. */
export function cashGivenBack(order: Order): Won {
  return sumWon(
    cashSide(order)
      .refunds.filter((refund) => refund.status === 'DONE')
      .map((refund) => refund.amount),
  );
}

/**
 * How much of an issued receipt the refunds call to be cancelled so far: what it covers beyond
 * what the customer still has paid. Only refunds that went through count (the cash went back).
 */
export function cancelOwed(order: Order, receipt: CashReceipt): Won {
  const covered = receiptAmount(order, receipt);
  return Math.min(covered, Math.max(0, covered - (cashSide(order).paid - cashGivenBack(order))));
}

/**
 * The 면세 part of a 현금영수증 for `amount`: the cash sale's (or cash part's) 면세 less what its
 * refunds took back of it, never more than the receipt's amount.
 */
export function taxFreeStillPaid(order: Order, amount: Won): Won {
  const part = cashPartOf(order);
  const sold = part ? taxFreeOfPart(order, part.amount) : taxFreeOf(order);
  const back = sumWon(
    cashSide(order)
      .refunds.filter((refund) => refund.status !== 'FAILED')
      .map((refund) => taxFreeOfCancel(order, refund)),
  );
  return Math.min(amount, Math.max(0, sold - back));
}
