import type { CashReceipt } from '../../../shared/domain/cash';
import type { Order } from '../../../shared/domain/order';
import { cashTenderOf } from '../../../shared/domain/payment-parts';

/**
 * What another copy of an order (the shared store's, after another register refunded it) adds to
 * this one: refunds this one lacks, refunds still under way here that ended there, the 현금영수증
 * cancelled further there or whose issue was settled there, and an order paid in parts whose
 * refunds ended it. Nothing is ever taken away, so the same copy taken twice changes nothing the
 * second time.
 */
export function refundsToTake(here: Order, there: Order): boolean {
  const copy = structuredClone(here);
  takeRefunds(copy, there);
  return JSON.stringify(copy) !== JSON.stringify(here);
}

/** Applies `there`'s refunds to `o` (in place), as `refundsToTake` describes. */
export function takeRefunds(o: Order, there: Order): void {
  for (const refund of there.refunds) {
    const known = o.refunds.find((r) => r.refundId === refund.refundId);
    if (known === undefined) o.refunds.push(structuredClone(refund));
    else if (known.status === 'REFUNDING' && refund.status !== 'REFUNDING')
      Object.assign(known, structuredClone(refund));
  }
  const receiptThere = cashTenderOf(there)?.cashReceipt;
  const cash = cashTenderOf(o);
  if (receiptThere && cash?.cashReceipt && receiptAhead(cash.cashReceipt, receiptThere))
    cash.cashReceipt = structuredClone(receiptThere);
  if (there.status === 'ABANDONED' && o.status === 'PENDING') o.status = 'ABANDONED';
}

/**
 * The receipt there is further on than the one here: more of it cancelled, or the same request
 * settled (issued or refused) while here its answer is still awaited.
 */
function receiptAhead(here: CashReceipt, there: CashReceipt): boolean {
  if (there.canceledAmount > here.canceledAmount) return true;
  return here.status === 'ISSUING' && there.status !== 'ISSUING' && there.requestId === here.requestId;
}
