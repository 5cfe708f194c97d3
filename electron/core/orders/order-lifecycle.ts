import type { CashReceipt, CashTender } from '../../../shared/domain/cash';
import { PosError } from '../../../shared/domain/errors';
import { couponCodesOf, type Order, type PaymentPart, type PaymentRecord } from '../../../shared/domain/order';
import { partOrderId } from '../../../shared/domain/part-number';
import { cashTenderOf, isSplit, partsPaid } from '../../../shared/domain/payment-parts';
import type { RefundEntry } from '../../../shared/domain/refunds';
import type { OrderBook, OrderDay } from './order-book';
import type { OrderLocks } from './order-locks';
import { takeRefunds } from './refunds-from-elsewhere';

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
 * Where an order paid in parts stands after a part ends: PAID (with its 대기번호) once its PAID
 * parts add up to its amount, else open (PENDING): a declined part never gives up the order,
 * whose paid parts stand.
 */
function settleParts(o: Order, day: OrderDay): void {
  if (partsPaid(o) >= o.amount) {
    o.status = 'PAID';
    o.callNumber ??= day.nextCallNumber();
  } else {
    o.status = 'PENDING';
  }
}

/** The part a card attempt pays, if it pays one. */
function partOf(o: Order, attempt: { part?: number | undefined } | undefined): PaymentPart | undefined {
  return attempt?.part === undefined ? undefined : o.parts.find((p) => p.part === attempt.part);
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

  /**
   * A card confirm is being sent (for the whole order, or for its card part `part`): journaled
   * first, so a crash leaves an attempt to settle.
   */
  startAttempt(orderId: string, paymentKey: string, at: string, part?: number): Promise<Order> {
    return this.change(orderId, at, (o) => {
      o.status = 'CONFIRMING';
      o.attempts.push({ ...(part === undefined ? {} : { part }), paymentKey, startedAt: at, outcome: 'CONFIRMING' });
      const paying = partOf(o, { part });
      if (paying) paying.status = 'CONFIRMING';
    });
  }

  /**
   * The attempt's outcome: PAID with the payment (and a 대기번호) when approved, else open again.
   * An attempt at a card part ends the part (PAID, or FAILED with nothing taken); the order is
   * PAID once its paid parts add up to its amount.
   */
  endAttempt(orderId: string, paymentKey: string, at: string, end: AttemptEnd): Promise<Order> {
    return this.change(orderId, at, (o, day) => {
      const attempt = o.attempts.findLast((a) => a.paymentKey === paymentKey);
      const part = partOf(o, attempt);
      if (part) {
        // A part already ended keeps how it ended: only the attempt's record follows.
        if (part.status === 'CONFIRMING') {
          Object.assign(part, { status: end.payment ? 'PAID' : 'FAILED', payment: end.payment ?? null, endedAt: at });
          settleParts(o, day);
        }
      } else if (end.payment) {
        o.status = 'PAID';
        o.payment = end.payment;
        o.callNumber ??= day.nextCallNumber();
      } else {
        reopen(o);
      }
      if (attempt) {
        attempt.outcome = end.outcome;
        attempt.endedAt = at;
        if (end.code !== undefined) attempt.code = end.code;
        if (end.message !== undefined) attempt.message = end.message;
      }
    });
  }

  /**
   * A sale on the books that Toss shows cancelled by our compensation: it is taken off (open
   * again, no payment). A card part so cancelled is FAILED, and its order open again.
   */
  takeOff(orderId: string, paymentKey: string, at: string, reason: string): Promise<Order> {
    return this.change(orderId, at, (o, day) => {
      const attempt = o.attempts.findLast((a) => a.paymentKey === paymentKey);
      const part = partOf(o, attempt);
      if (part) {
        Object.assign(part, { status: 'FAILED', payment: null, endedAt: at });
        settleParts(o, day);
      } else {
        reopen(o);
        o.payment = null;
      }
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

  /** A card part opened for its payment window: OPEN, under its own Toss orderId. */
  openCardPart(orderId: string, amount: number, at: string): Promise<Order> {
    return this.change(orderId, at, (o) => {
      const part = o.parts.length + 1;
      o.parts.push({
        part,
        method: 'card',
        amount,
        tossOrderId: partOrderId(o.orderId, part),
        status: 'OPEN',
        payment: null,
        cash: null,
        openedAt: at,
        endedAt: null,
      });
    });
  }

  /** A card part's window was closed before any confirm: FAILED, nothing taken. */
  dropPart(orderId: string, part: number, at: string): Promise<Order> {
    return this.change(orderId, at, (o) => {
      const dropped = o.parts.find((p) => p.part === part && p.status === 'OPEN');
      if (dropped) Object.assign(dropped, { status: 'FAILED', endedAt: at });
    });
  }

  /** A part paid in cash at the counter, opened and paid at once; the order is PAID once its parts add up. */
  paidPartInCash(orderId: string, amount: number, cash: CashTender): Promise<Order> {
    return this.change(orderId, cash.paidAt, (o, day) => {
      o.parts.push({
        part: o.parts.length + 1,
        method: 'cash',
        amount,
        tossOrderId: null,
        status: 'PAID',
        payment: null,
        cash,
        openedAt: cash.paidAt,
        endedAt: cash.paidAt,
      });
      settleParts(o, day);
    });
  }

  /** Brought to 0 won by its discounts: paid with nothing taken. */
  paidByDiscounts(orderId: string, at: string): Promise<Order> {
    return this.change(orderId, at, (o, day) => {
      o.status = 'PAID';
      o.callNumber ??= day.nextCallNumber();
    });
  }

  /** Given up while open: it can no longer be paid (a card part still open goes with it). */
  abandon(orderId: string, at: string): Promise<Order> {
    return this.change(orderId, at, (o) => {
      o.status = 'ABANDONED';
      for (const part of o.parts.filter((p) => p.status === 'OPEN'))
        Object.assign(part, { status: 'FAILED', endedAt: at });
    });
  }

  /** A refund is journaled before Toss is asked, so a crash leaves it to settle. */
  startRefund(orderId: string, entry: RefundEntry): Promise<Order> {
    return this.change(orderId, entry.requestedAt, (o) => {
      o.refunds.push(entry);
    });
  }

  /**
   * How a journaled refund ended. An order paid in parts that never became whole, whose paid
   * parts are now all given back, ends ABANDONED: nothing of it is paid, and its coupon is free.
   */
  endRefund(orderId: string, refundId: string, at: string, end: Partial<RefundEntry>): Promise<Order> {
    return this.change(orderId, at, (o) => {
      const stored = o.refunds.find((r) => r.refundId === refundId);
      if (stored) Object.assign(stored, end);
      const givenBack = o.refunds.filter((r) => r.status === 'DONE').reduce((sum, r) => sum + r.amount, 0);
      if (o.status === 'PENDING' && isSplit(o) && partsPaid(o) > 0 && givenBack >= partsPaid(o)) o.status = 'ABANDONED';
    });
  }

  /** Another register's order, copied as the shared store has it into the book of such orders before this register refunds it. */
  adopt(order: Order): Promise<void> {
    this.held(order.orderId);
    return this.book.insert(structuredClone(order));
  }

  /** Refunds another register made to this order, taken from its copy of it (see `takeRefunds`). */
  takeRefundsFrom(orderId: string, at: string, there: Order): Promise<Order> {
    return this.change(orderId, at, (o) => takeRefunds(o, there));
  }

  /** A cash sale's (or cash part's) 현금영수증 as it now stands (issued, refused, or still being asked about). */
  recordCashReceipt(orderId: string, at: string, receipt: CashReceipt): Promise<Order> {
    return this.change(orderId, at, (o) => {
      const cash = cashTenderOf(o);
      if (cash) cash.cashReceipt = receipt;
    });
  }

  /** Toss refused for good to cancel the receipt: kept on it for the manager. */
  async cashReceiptCancelRefused(orderId: string, failure: { code: string; message: string }): Promise<Order> {
    return this.book.update(this.held(orderId), (o) => {
      const receipt = cashTenderOf(o)?.cashReceipt;
      if (receipt) receipt.failure = failure;
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
      const kept = cashTenderOf(o)?.cashReceipt;
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
