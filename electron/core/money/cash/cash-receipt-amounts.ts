import type { CashReceipt } from '../../../../shared/domain/cash';
import { sumWon, type Won } from '../../../../shared/domain/money';
import type { Order } from '../../../../shared/domain/order';
import { refundedAmount } from '../../../../shared/domain/refunds';

/**
 * What the customer still has paid of a cash sale: the sale less every refund given back or on
 * its way. A 현금영수증 is issued for this much, never for money handed back.
 */
export function stillPaid(order: Order): Won {
  return Math.max(0, order.amount - refundedAmount(order.refunds));
}

/** What a receipt was issued (or asked) for; one kept before that was recorded asked for the whole sale. */
export function receiptAmount(order: Order, receipt: CashReceipt): Won {
  return receipt.amount ?? order.amount;
}

/**
 * How much of an issued receipt the refunds call to be cancelled so far: what it covers beyond
 * what the customer still has paid. Only refunds that went through count (the cash went back).
 */
export function cancelOwed(order: Order, receipt: CashReceipt): Won {
  const givenBack = sumWon(order.refunds.filter((refund) => refund.status === 'DONE').map((refund) => refund.amount));
  const covered = receiptAmount(order, receipt);
  return Math.min(covered, Math.max(0, covered - (order.amount - givenBack)));
}
