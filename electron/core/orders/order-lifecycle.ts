import type { CashReceipt, CashTender } from '../../../shared/domain/cash';
import { PosError } from '../../../shared/domain/errors';
import { couponCodesOf, type Order, type PaymentRecord } from '../../../shared/domain/order';
import type { RefundEntry } from '../../../shared/domain/refunds';
import type { OrderBook, OrderDay } from './order-book';
import type { OrderLocks } from './order-locks';

/** How a card attempt ended: approved with its payment, or not. */
export interface AttemptEnd {
  outcome: 'APPROVED' | 'FAILED' | 'COMPENSATED';
  code?: string;
  message?: string;
  payment?: PaymentRecord;
}

/** A new order's fields; its life starts PENDING with nothing paid, tried or refunded. */
export type NewOrder = Omit<Order, 'status' | 'attempts' | 'payment' | 'cash' | 'parts' | 'callNumber' | 'refunds'>;

export function newOrder(fields: NewOrder): Order {
  return {
    ...fields,
    status: 'PENDING',
    attempts: [],
    payment: null,
    cash: null,
    parts: [],
    callNumber: null,
    refunds: [],
  };
}

/** The stored order of this id, rung up in the register's mode; anything else is refused. */
export function ownOrder(order: Order | null, orderId: string, training: boolean): Order {
  if (!order) throw new PosError('ORDER_NOT_FOUND', `no order ${orderId}`);
  if (order.training !== training)
    throw new PosError('ORDER_WRONG_MODE', `order ${orderId} was rung up in the other mode`);
  return order;
}

/** Back to open when no payment stands: ABANDONED if it holds a coupon (the next Pay checks the coupon again), else PENDING. */
function reopen(o: Order): void {
  o.status = couponCodesOf(o).length > 0 ? 'ABANDONED' : 'PENDING';
}

/**
 * The named steps of an order's life, and the only code that stores an order or sets its
 * `status`. Each change runs inside the order book's update and is refused unless the caller
 * holds the order's lock: two services never interleave their changes to one order.
 */
export class OrderLifecycle {
  constructor(
    private readonly book: OrderBook,
    private readonly locks: OrderLocks,
  ) {}

  /** A new order, stored PENDING. No lock is needed: no one else knows its id yet. */
  async open(fields: NewOrder): Promise<Order> {
    const order = newOrder(fields);
    await this.book.insert(order);
    return order;
  }

  /** A card confirm is being sent: journaled first, so a crash leaves an attempt to settle. */
  startAttempt(orderId: string, paymentKey: string, at: string): Promise<Order> {
    return this.change(orderId, at, (o) => {
      o.status = 'CONFIRMING';
      o.attempts.push({ paymentKey, startedAt: at, outcome: 'CONFIRMING' });
    });
  }

  /** The attempt's outcome: PAID with the payment (and a 대기번호) when approved, else open again. */
  endAttempt(orderId: string, paymentKey: string, at: string, end: AttemptEnd): Promise<Order> {
    return this.change(orderId, at, (o, day) => {
      if (end.payment) {
        o.status = 'PAID';
        o.payment = end.payment;
        o.callNumber ??= day.nextCallNumber();
      } else {
        reopen(o);
      }
      const attempt = o.attempts.findLast((a) => a.paymentKey === paymentKey);
      if (attempt) {
        attempt.outcome = end.outcome;
        attempt.endedAt = at;
        if (end.code !== undefined) attempt.code = end.code;
        if (end.message !== undefined) attempt.message = end.message;
      }
    });
  }

  /** A sale on the books that Toss shows cancelled by our compensation: it is taken off (open again, no payment). */
  takeOff(orderId: string, paymentKey: string, at: string, reason: string): Promise<Order> {
    return this.change(orderId, at, (o) => {
      reopen(o);
      o.payment = null;
      const attempt = o.attempts.findLast((a) => a.paymentKey === paymentKey);
      if (attempt)
        Object.assign(attempt, { outcome: 'COMPENSATED', endedAt: at, code: 'COMPENSATED', message: reason });
    });
  }

  /** Paid in cash at the counter. */
  paidInCash(orderId: string, cash: CashTender): Promise<Order> {
    return this.change(orderId, cash.paidAt, (o, day) => {
      o.status = 'PAID';
      o.cash = cash;
      o.callNumber ??= day.nextCallNumber();
    });
  }

  /** Brought to 0 won by its discounts: paid with nothing taken. */
  paidByDiscounts(orderId: string, at: string): Promise<Order> {
    return this.change(orderId, at, (o, day) => {
      o.status = 'PAID';
      o.callNumber ??= day.nextCallNumber();
    });
  }

  /** Given up while open: it can no longer be paid. */
  abandon(orderId: string, at: string): Promise<Order> {
    return this.change(orderId, at, (o) => {
      o.status = 'ABANDONED';
    });
  }

  /** A refund is journaled before Toss is asked, so a crash leaves it to settle. */
  startRefund(orderId: string, entry: RefundEntry): Promise<Order> {
    return this.change(orderId, entry.requestedAt, (o) => {
      o.refunds.push(entry);
    });
  }

  /** How a journaled refund ended. */
  endRefund(orderId: string, refundId: string, at: string, end: Partial<RefundEntry>): Promise<Order> {
    return this.change(orderId, at, (o) => {
      const stored = o.refunds.find((r) => r.refundId === refundId);
      if (stored) Object.assign(stored, end);
    });
  }

  /** A cash sale's 현금영수증 as it now stands (issued, refused, or still being asked about). */
  recordCashReceipt(orderId: string, at: string, receipt: CashReceipt): Promise<Order> {
    return this.change(orderId, at, (o) => {
      if (o.cash) o.cash.cashReceipt = receipt;
    });
  }

  /** Toss refused for good to cancel the receipt: kept on it for the manager. */
  async cashReceiptCancelRefused(orderId: string, failure: { code: string; message: string }): Promise<Order> {
    return this.book.update(this.held(orderId), (o) => {
      if (o.cash?.cashReceipt) o.cash.cashReceipt.failure = failure;
    });
  }

  /** How much of the receipt Toss has cancelled; all of it cancels the receipt. */
  cashReceiptCanceled(
    orderId: string,
    at: string,
    owed: number,
    receiptAmount: (o: Order, receipt: CashReceipt) => number,
  ): Promise<Order> {
    return this.change(orderId, at, (o) => {
      const kept = o.cash?.cashReceipt;
      if (!kept) return;
      kept.canceledAmount = owed;
      if (owed >= receiptAmount(o, kept)) kept.status = 'CANCELED';
    });
  }

  private async change(orderId: string, at: string, step: (o: Order, day: OrderDay) => void): Promise<Order> {
    return this.book.update(this.held(orderId), (o, day) => {
      step(o, day);
      o.updatedAt = at;
    });
  }

  /** A change made without the order's lock is a bug in the service, never a cashier's doing. */
  private held(orderId: string): string {
    if (!this.locks.heldHere(orderId)) throw new Error(`order ${orderId} changed without holding its lock`);
    return orderId;
  }
}
