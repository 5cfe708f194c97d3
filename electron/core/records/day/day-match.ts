import type { Mismatch } from '../../../../shared/domain/day-close';
import { sumWon } from '../../../../shared/domain/money';
import type { Order } from '../../../../shared/domain/order';
import { parsePartOrderId } from '../../../../shared/domain/part-number';
import { refundPayment } from '../../../../shared/domain/payment-parts';
import type { RefundEntry } from '../../../../shared/domain/refunds';
import type { TossPayment } from '../../toss/toss-payment';
import { isCancel, type TossTransaction } from '../../toss/toss-transaction';
import { inWindow } from '../../orders/days/business-day';
import { refundsIn } from './day-figures';

export interface DayBooks {
  window: { from: string; until: string };
  /** The orders whose business day it is. */
  dayOrders: readonly Order[];
  /** Orders of any day with refunds asked for in the window. */
  refunded: readonly Order[];
}

export interface TossSide {
  /** Toss's transactions over the window. */
  transactions: readonly TossTransaction[];
  /** An order of the books by id, for a transaction that is not one of the day's (null if the books have none). */
  order(orderId: string): Promise<Order | null>;
  /** Toss's payment, for a payment or refund of the books the day's transactions do not show (null if Toss has none). */
  payment(paymentKey: string): Promise<TossPayment | null>;
}

interface OurRefund {
  order: Order;
  refund: RefundEntry;
}

/** A payment Toss approved and we cancelled at once because the sale could not be recorded (the order keeps the attempt). */
function compensated(order: Order | null, paymentKey: string): boolean {
  return (
    order?.attempts.some((attempt) => attempt.paymentKey === paymentKey && attempt.outcome === 'COMPENSATED') ?? false
  );
}

function paidWith(order: Order | null, paymentKey: string): boolean {
  if (order?.status === 'PAID' && order.payment?.paymentKey === paymentKey) return true;
  return order?.parts.some((part) => part.status === 'PAID' && part.payment?.paymentKey === paymentKey) ?? false;
}

/** A card payment of the books: an order's, or a card part's (for the part's amount). */
interface OurPayment {
  order: Order;
  amount: number;
}

/**
 * The card payments an order holds on the books: its payment once PAID, or each card part Toss
 * approved (paid parts stand whether or not the order was paid in full).
 */
function cardPaymentsOf(order: Order): Array<[string, OurPayment]> {
  if (order.status === 'PAID' && order.payment !== null)
    return [[order.payment.paymentKey, { order, amount: order.amount }]];
  return order.parts.flatMap((part): Array<[string, OurPayment]> =>
    part.status === 'PAID' && part.payment !== null ? [[part.payment.paymentKey, { order, amount: part.amount }]] : [],
  );
}

/**
 * The day's books against Toss's transactions: every card payment and card refund of the day
 * should be one Toss transaction of the same amount, and every Toss transaction of the day
 * one of ours. A split order's card parts are Toss payments of their own (under the parts' Toss
 * orderIds, for the parts' amounts), its refunds paired on the part they went back to. Cash sales,
 * cash parts and orders discounts paid in full are not at Toss. A payment or
 * refund the day's list lacks is looked up at Toss before it is called unknown: it may have
 * been made just across the day's edge. Nothing is changed; what differs is described.
 */
export async function matchDay(books: DayBooks, toss: TossSide): Promise<Mismatch[]> {
  const mismatches: Mismatch[] = [];
  const payments = new Map<string, OurPayment>();
  for (const order of books.dayOrders) {
    if (!order.training) for (const [paymentKey, ours] of cardPaymentsOf(order)) payments.set(paymentKey, ours);
  }
  const refunds = new Map<string, OurRefund>();
  /** Refunds still being settled (no transaction key yet), by payment: a Toss cancel of that amount is theirs. */
  const settling: OurRefund[] = [];
  for (const order of books.refunded) {
    if (order.training) continue;
    for (const refund of refundsIn(order, books.window)) {
      // Cash went back over the counter (a cash sale, or the cash part of a split one): nothing at Toss.
      if (refund.amount === 0 || refundPayment(order, refund) === null) continue;
      if (refund.status === 'DONE' && refund.transactionKey !== null)
        refunds.set(refund.transactionKey, { order, refund });
      else settling.push({ order, refund });
    }
  }
  const canceledAtToss = new Map<string, number>();
  for (const transaction of toss.transactions) {
    if (isCancel(transaction))
      canceledAtToss.set(
        transaction.paymentKey,
        sumWon([canceledAtToss.get(transaction.paymentKey) ?? 0, transaction.amount]),
      );
  }
  /** Payments Toss has that no order was paid with, reported once with what Toss cancelled of them. */
  const orphans = new Set<string>();
  // A card part's Toss orderId names its order.
  const known = async (tossOrderId: string) => {
    const orderId = parsePartOrderId(tossOrderId)?.orderId ?? tossOrderId;
    return books.dayOrders.find((order) => order.orderId === orderId) ?? (await toss.order(orderId));
  };

  for (const transaction of toss.transactions.filter((t) => !isCancel(t))) {
    const ours = payments.get(transaction.paymentKey);
    if (ours !== undefined) {
      payments.delete(transaction.paymentKey);
      if (transaction.amount !== ours.amount) {
        mismatches.push({
          kind: 'amount-differs',
          what: 'payment',
          orderId: ours.order.orderId,
          orderKnown: true,
          paymentKey: transaction.paymentKey,
          ours: ours.amount,
          toss: transaction.amount,
          refundId: null,
        });
      }
      continue;
    }
    if (!inWindow(transaction.transactionAt, books.window)) continue;
    const order = await known(transaction.orderId);
    // Paid on this day, sold on another (rung up before a close or midnight), or cancelled by us at once: in the books.
    if (paidWith(order, transaction.paymentKey) || compensated(order, transaction.paymentKey)) continue;
    orphans.add(transaction.paymentKey);
    mismatches.push({
      kind: 'orphan-charge',
      orderId: transaction.orderId,
      orderKnown: order !== null,
      paymentKey: transaction.paymentKey,
      amount: transaction.amount,
      canceled: canceledAtToss.get(transaction.paymentKey) ?? 0,
      at: transaction.transactionAt,
    });
  }

  for (const transaction of toss.transactions.filter(isCancel)) {
    const ours = refunds.get(transaction.transactionKey);
    if (ours !== undefined) {
      refunds.delete(transaction.transactionKey);
      if (transaction.amount !== ours.refund.amount) {
        mismatches.push({
          kind: 'amount-differs',
          what: 'refund',
          orderId: ours.order.orderId,
          orderKnown: true,
          paymentKey: transaction.paymentKey,
          ours: ours.refund.amount,
          toss: transaction.amount,
          refundId: ours.refund.refundId,
        });
      }
      continue;
    }
    if (!inWindow(transaction.transactionAt, books.window) || orphans.has(transaction.paymentKey)) continue;
    const still = settling.findIndex(
      ({ order, refund }) =>
        refundPayment(order, refund)?.paymentKey === transaction.paymentKey && refund.amount === transaction.amount,
    );
    if (still !== -1) {
      settling.splice(still, 1);
      continue;
    }
    const order = await known(transaction.orderId);
    // The compensation's cancel, or a refund of ours counted on the next or previous day: in the books.
    if (
      compensated(order, transaction.paymentKey) ||
      order?.refunds.some((refund) => refund.transactionKey === transaction.transactionKey)
    )
      continue;
    // A cancel of a payment no order here has: the orphan charge was reported on the day it was approved.
    if (order === null || !paidWith(order, transaction.paymentKey)) continue;
    mismatches.push({
      kind: 'orphan-refund',
      orderId: order.orderId,
      orderKnown: true,
      paymentKey: transaction.paymentKey,
      transactionKey: transaction.transactionKey,
      amount: transaction.amount,
      at: transaction.transactionAt,
    });
  }

  for (const [paymentKey, { order, amount }] of payments) {
    const found = await toss.payment(paymentKey);
    if (found === null || found.approvedAt == null) {
      mismatches.push({
        kind: 'unknown-to-toss',
        what: 'payment',
        orderId: order.orderId,
        orderKnown: true,
        paymentKey,
        amount,
        refundId: null,
      });
    } else if (found.totalAmount !== amount) {
      mismatches.push({
        kind: 'amount-differs',
        what: 'payment',
        orderId: order.orderId,
        orderKnown: true,
        paymentKey,
        ours: amount,
        toss: found.totalAmount,
        refundId: null,
      });
    }
  }
  for (const [transactionKey, { order, refund }] of refunds) {
    const paymentKey = refundPayment(order, refund)?.paymentKey ?? '';
    const cancel = (await toss.payment(paymentKey))?.cancels?.find((c) => c.transactionKey === transactionKey);
    if (cancel === undefined) {
      mismatches.push({
        kind: 'unknown-to-toss',
        what: 'refund',
        orderId: order.orderId,
        orderKnown: true,
        paymentKey,
        amount: refund.amount,
        refundId: refund.refundId,
      });
    } else if (cancel.cancelAmount !== refund.amount) {
      mismatches.push({
        kind: 'amount-differs',
        what: 'refund',
        orderId: order.orderId,
        orderKnown: true,
        paymentKey,
        ours: refund.amount,
        toss: cancel.cancelAmount,
        refundId: refund.refundId,
      });
    }
  }
  return mismatches;
}
