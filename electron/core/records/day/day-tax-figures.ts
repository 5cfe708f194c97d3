import { CASH_METHOD } from '../../../../shared/domain/cash';
import { sumWon } from '../../../../shared/domain/money';
import type { Order } from '../../../../shared/domain/order';
import { cashTenderOf, isSplit, takingsByMethod } from '../../../../shared/domain/payment-parts';
import type { RefundEntry } from '../../../../shared/domain/refunds';
import type { DayTaxFigures } from '../../../../shared/domain/tax-report';
import { addSplits, taxFreeOfCancel, taxSplit, type TaxSplit } from '../../../../shared/domain/tax-split';

/** What a paid order took in cash: the whole sale paid in cash, or its cash part. */
function cashTaken(order: Order): number {
  if (!isSplit(order)) return order.cash === null ? 0 : order.amount;
  return sumWon(
    takingsByMethod(order)
      .filter((taken) => taken.method === CASH_METHOD)
      .map((taken) => taken.amount),
  );
}

/** What a paid order took by card through Toss: its card payment, or its card parts. */
function cardTaken(order: Order): number {
  if (!isSplit(order)) return order.payment === null ? 0 : order.amount;
  return order.amount - cashTaken(order);
}

/** An order's split as stored (old orders: all taxable). */
function splitOf(order: Order): TaxSplit {
  return { taxable: order.supplyAmount, vat: order.vatAmount, taxFree: order.taxFreeAmount ?? 0 };
}

/**
 * The day's figures for the 부가세 신고, from the same orders the day's figures count: `paid` are
 * the day's real paid orders, `refunds` the refunds made in the day's window of real paid orders.
 * A cash sale counts as "with 현금영수증" while its receipt is issued or being issued.
 */
export function dayTaxFigures(
  paid: readonly Order[],
  refunds: ReadonlyArray<{ order: Order; refund: RefundEntry }>,
): DayTaxFigures {
  let cashWithReceipt = 0;
  let cashWithoutReceipt = 0;
  for (const order of paid) {
    const cash = cashTaken(order);
    const receipt = cashTenderOf(order)?.cashReceipt?.status;
    if (receipt === 'ISSUED' || receipt === 'ISSUING') cashWithReceipt = sumWon([cashWithReceipt, cash]);
    else cashWithoutReceipt = sumWon([cashWithoutReceipt, cash]);
  }
  const sales = addSplits(paid.map(splitOf));
  const refunded = addSplits(
    refunds.map(({ order, refund }) => taxSplit(refund.amount, taxFreeOfCancel(order, refund))),
  );
  return {
    card: sumWon(paid.map(cardTaken)),
    cashWithReceipt,
    cashWithoutReceipt,
    refunds: sumWon(refunds.map(({ refund }) => refund.amount)),
    sales,
    refunded,
    net: {
      taxable: sales.taxable - refunded.taxable,
      vat: sales.vat - refunded.vat,
      taxFree: sales.taxFree - refunded.taxFree,
    },
  };
}
