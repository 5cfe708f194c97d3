import { PosError } from '../../../../shared/domain/errors';
import { type Order, type PaymentRecord } from '../../../../shared/domain/order';
import { parsePartOrderId } from '../../../../shared/domain/part-number';
import { isSplit, partsPaid } from '../../../../shared/domain/payment-parts';
import { taxFreeOf, taxFreeOfPart } from '../../../../shared/domain/tax-split';
import { seoulIso } from '../../../../shared/domain/time';
import { crashPoint } from '../../platform/chaos/crash-points';
import type { Logger } from '../../platform/log/logger';
import type { OpenList } from '../../platform/jobs/open-work';
import type { OrderLocks } from '../../orders/order-locks';
import type { OrderBook } from '../../orders/order-book';
import { OrderLifecycle, ownOrder, type AttemptEnd } from '../../orders/order-lifecycle';
import { idempotencyKey } from '../../toss/idempotency-key';
import { TossApiError, TossUnreachableError, confirmErrorToPosError } from '../../toss/toss-errors';
import type { TossOf } from '../../toss/toss-of';
import type { TossPayment } from '../../toss/toss-payment';

export interface PaymentServiceDeps {
  orders: OrderBook;
  /** The per-order lock every service that changes an order shares. */
  locks: OrderLocks;
  /** Each order's own Toss (real or training): settling never asks the other one. */
  toss: TossOf;
  /** The mode of these books: an order is paid only with the Toss (real or training) it was rung up for. */
  training: () => boolean;
  now: () => Date;
  log: Logger;
  /** Orders whose confirm's outcome is not known yet: listed before Toss is asked, so none is forgotten. */
  open: OpenList;
  /** Told of every order a payment settles (paid, or back to open, or given up): its coupons follow it. */
  settled: (order: Order) => Promise<void>;
}

export interface ConfirmRequest {
  orderId: string;
  paymentKey: string;
  amount: number;
}

/** Toss statuses after which a confirm can no longer charge the customer. */
const SETTLED_UNPAID = new Set<TossPayment['status']>(['ABORTED', 'EXPIRED', 'CANCELED', 'PARTIAL_CANCELED']);

const COMPENSATION_REASON = 'POS에서 판매를 기록하지 못해 자동 취소';

function unknownOutcome(cause: unknown): PosError {
  const detail = cause instanceof Error ? cause.message : 'unknown';
  return new PosError('TOSS_UNREACHABLE', `confirm outcome unknown: ${detail}`, { retryable: true });
}

/**
 * Turns an approved payment window into a recorded sale: verifies the amount against the stored
 * order, journals, confirms with Toss exactly once per payment, and never leaves a customer
 * charged for a sale the shop did not record.
 */
export class PaymentService {
  private readonly lifecycle: OrderLifecycle;

  constructor(private readonly deps: PaymentServiceDeps) {
    this.lifecycle = new OrderLifecycle(deps.orders, deps.locks);
  }

  /**
   * One confirmation per order at a time: a double-clicked Pay waits for the first and gets its
   * result. A card part's Toss orderId names its order, whose lock it takes.
   */
  confirm(request: ConfirmRequest): Promise<Order> {
    const named = parsePartOrderId(request.orderId);
    const orderId = named?.orderId ?? request.orderId;
    return this.deps.locks.run(orderId, () => this.confirmLocked(request, orderId, named?.part));
  }

  /** An order discounts brought to 0 won: paid by them, with no payment window and nothing sent to Toss. */
  completeFree(orderId: string): Promise<Order> {
    return this.deps.locks.run(orderId, async () => {
      const order = ownOrder(await this.deps.orders.get(orderId), orderId, this.deps.training());
      if (order.amount !== 0) throw new PosError('AMOUNT_MISMATCH', `order ${orderId} costs ${order.amount} won`);
      if (isSplit(order)) throw paidInParts(order);
      if (order.status === 'PAID') return order;
      if (order.status === 'ABANDONED') throw new PosError('ORDER_ABANDONED', `order ${orderId} was given up`);
      const paid = await this.lifecycle.paidByDiscounts(orderId, seoulIso(this.deps.now()));
      await this.tell(paid);
      return paid;
    });
  }

  /**
   * Settles a confirm whose outcome was never learned, by asking Toss: the order as it then
   * stands (null if there is none). Waits its turn behind any confirm of this order under way.
   */
  settleUnknown(orderId: string): Promise<Order | null> {
    return this.deps.locks.run(orderId, async () => {
      const order = await this.deps.orders.get(orderId);
      if (order?.status === 'CONFIRMING') return this.resume(order);
      // Still listed though paid: the app died between the two writes, or after a PAID line it could
      // not take back when compensating. Toss says which: a sale it has cancelled is not on the books.
      let current = order;
      for (const { payee, paymentKey } of order ? recordedPayments(order) : [])
        if (current) current = await this.checkPaid(current, payee, paymentKey);
      // A cashier's retry may have settled it while this waited its turn.
      return current ?? null;
    });
  }

  private async checkPaid(order: Order, payee: Payee, paymentKey: string): Promise<Order> {
    let payment: TossPayment;
    try {
      payment = await this.lookUp(order, payee, paymentKey);
    } catch (error) {
      // Not checked yet, like a confirm whose outcome is unknown: the settler asks again.
      throw error instanceof PosError ? error : unknownOutcome(error);
    }
    if (payment.status === 'DONE') return order;
    const compensated = (payment.cancels ?? []).some((cancel) => cancel.cancelReason === COMPENSATION_REASON);
    if (!compensated) return order;
    this.deps.log.error('a sale on the books was cancelled at Toss by compensation; taking it off', {
      orderId: order.orderId,
    });
    const corrected = await this.lifecycle.takeOff(
      order.orderId,
      paymentKey,
      seoulIso(this.deps.now()),
      COMPENSATION_REASON,
    );
    await this.tell(corrected);
    return corrected;
  }

  private async confirmLocked(request: ConfirmRequest, orderId: string, part: number | undefined): Promise<Order> {
    let order = await this.deps.orders.get(orderId);
    if (!order) throw new PosError('ORDER_NOT_FOUND', `no order ${request.orderId}`);
    if (order.training !== this.deps.training()) {
      throw new PosError(
        'ORDER_WRONG_MODE',
        `order ${order.orderId} was rung up in ${order.training ? 'training' : 'live'} mode`,
      );
    }
    const payee = payeeOf(order, part);
    // The amount the payment window reports must be the amount main priced (for the order, or the part); Toss is never called otherwise.
    if (request.amount !== payee.amount) {
      throw new PosError(
        'AMOUNT_MISMATCH',
        `amount ${request.amount} does not match ${payee.part === undefined ? 'order' : `part ${payee.part}`} amount ${payee.amount}`,
      );
    }

    const state = stateOf(order, payee);
    switch (state) {
      case 'PAID':
        if (paidKeyOf(order, payee) === request.paymentKey) return order;
        throw new PosError(
          'ORDER_ALREADY_PAID',
          `${payee.part === undefined ? `order ${order.orderId}` : payee.tossOrderId} is already paid`,
        );
      case 'CONFIRMING': {
        // An earlier attempt's outcome is unknown: settle it first, so the customer pays once.
        const earlier = currentAttempt(order)?.paymentKey;
        try {
          return await this.resume(order);
        } catch (error) {
          if (earlier === request.paymentKey) throw error;
          order = await this.deps.orders.get(order.orderId);
          if (!order || stateOf(order, payee) !== 'PENDING') throw error;
        }
        break;
      }
      case 'PENDING':
        break;
      case 'ABANDONED':
        throw new PosError('ORDER_ABANDONED', `order ${order.orderId} was given up`);
      case 'FAILED':
        throw new PosError('PART_NOT_OPEN', `${payee.tossOrderId} was declined or given up`);
      default: {
        const never: never = state;
        throw new Error(`unhandled order status ${String(never)}`);
      }
    }
    // Toss would replay its old approval under this key, though our compensation has cancelled it since.
    if (order.attempts.some((a) => a.paymentKey === request.paymentKey && a.outcome === 'COMPENSATED')) {
      throw new PosError('PAYMENT_COMPENSATED', `payment ${request.paymentKey} was already cancelled at Toss`, {
        retryable: true,
      });
    }

    await this.deps.open.add(order.orderId);
    const journaled = await this.lifecycle.startAttempt(
      order.orderId,
      request.paymentKey,
      seoulIso(this.deps.now()),
      payee.part,
    );
    crashPoint('attempt-journaled');
    return this.attempt(journaled, payee, request.paymentKey);
  }

  /**
   * Settles a journaled attempt whose outcome we never learned. Toss is asked first: a replayed
   * confirm would repeat a stale approval even after our own compensating cancel.
   */
  private async resume(order: Order): Promise<Order> {
    const current = currentAttempt(order);
    if (current === undefined) throw new Error(`order ${order.orderId} is confirming without an attempt`);
    const { paymentKey } = current;
    const payee = payeeOf(order, current.part);
    let payment: TossPayment;
    try {
      payment = await this.lookUp(order, payee, paymentKey);
    } catch (error) {
      // "Not found" for a paymentKey we hold is no answer by itself (a Toss still catching up): the
      // confirm under the same key settles it — Toss approves, or refuses a session it never had.
      if (error instanceof TossApiError && error.status === 404) return this.attempt(order, payee, paymentKey);
      if (error instanceof PosError) throw error;
      throw unknownOutcome(error);
    }
    switch (payment.status) {
      case 'DONE':
        return this.complete(order, payee, paymentKey, payment);
      case 'READY':
      case 'IN_PROGRESS':
        return this.attempt(order, payee, paymentKey);
      case 'CANCELED':
      case 'PARTIAL_CANCELED':
        await this.finishAttempt(order.orderId, paymentKey, {
          outcome: 'COMPENSATED',
          code: 'COMPENSATED',
          message: COMPENSATION_REASON,
        });
        throw new PosError('PAYMENT_COMPENSATED', 'payment was cancelled at Toss before it was recorded', {
          retryable: true,
        });
      case 'ABORTED':
      case 'EXPIRED':
      case 'WAITING_FOR_DEPOSIT':
        throw await this.recordFailure(order, paymentKey, failureOf(payment));
      default: {
        const never: never = payment.status;
        throw new Error(`unhandled Toss status ${String(never)}`);
      }
    }
  }

  /** Sends (or, with the same key, re-sends) the confirm for a journaled attempt and records the outcome. */
  private async attempt(order: Order, payee: Payee, paymentKey: string): Promise<Order> {
    const key = idempotencyKey('confirm', payee.tossOrderId, paymentKey);
    let payment: TossPayment;
    try {
      payment = await this.deps
        .toss(order)
        .confirm(
          { paymentKey, orderId: payee.tossOrderId, amount: payee.amount, taxFreeAmount: payee.taxFreeAmount },
          key,
        );
    } catch (error) {
      payment = await this.recover(order, payee, paymentKey, error);
    }
    return this.complete(order, payee, paymentKey, payment);
  }

  /** After a failed confirm: find out whether Toss approved anyway; otherwise record the failure. */
  private async recover(order: Order, payee: Payee, paymentKey: string, error: unknown): Promise<TossPayment> {
    if (error instanceof TossApiError && error.code === 'IDEMPOTENT_REQUEST_PROCESSING') throw unknownOutcome(error);
    const ambiguous =
      error instanceof TossUnreachableError ||
      (error instanceof TossApiError && (error.code === 'ALREADY_PROCESSED_PAYMENT' || error.status >= 500));
    if (!ambiguous) {
      if (!(error instanceof TossApiError)) throw error;
      // Toss says no session (or forbids the request) when the paymentKey is another order's: asked, it says whose.
      if (SESSION_REFUSED.has(error.code)) {
        await this.lookUp(order, payee, paymentKey).catch((lookupError: unknown) => {
          if (lookupError instanceof PosError) throw lookupError;
          this.deps.log.warn('could not ask Toss whose payment this is', { orderId: order.orderId, lookupError });
        });
      }
      throw await this.recordFailure(order, paymentKey, confirmErrorToPosError(error));
    }
    let payment: TossPayment;
    try {
      payment = await this.lookUp(order, payee, paymentKey);
    } catch (lookupError) {
      if (lookupError instanceof PosError) throw lookupError;
      this.deps.log.warn('confirm outcome unknown', { orderId: order.orderId, error, lookupError });
      throw unknownOutcome(error);
    }
    if (payment.status === 'DONE') return payment;
    if (error instanceof TossApiError) throw await this.recordFailure(order, paymentKey, confirmErrorToPosError(error));
    if (SETTLED_UNPAID.has(payment.status)) throw await this.recordFailure(order, paymentKey, failureOf(payment));
    throw unknownOutcome(error);
  }

  /**
   * Toss's view of a payment, but only if it is this order's: a paymentKey of another sale (stale
   * or forged) is refused here, so it is never recorded, nor cancelled, on this order's behalf.
   */
  private async lookUp(order: Order, payee: Payee, paymentKey: string): Promise<TossPayment> {
    const payment = await this.deps.toss(order).getPayment(paymentKey);
    if (!belongsTo(payment, payee, paymentKey))
      throw await this.recordFailure(order, paymentKey, notThisOrders(payment));
    return payment;
  }

  private async recordFailure(order: Order, paymentKey: string, failure: PosError): Promise<PosError> {
    try {
      await this.finishAttempt(order.orderId, paymentKey, {
        outcome: 'FAILED',
        code: failure.tossCode ?? failure.code,
        message: failure.message,
      });
    } catch (error) {
      // The journal still says CONFIRMING; the next confirm or start-up settles it.
      this.deps.log.error('could not record a failed confirm', { orderId: order.orderId, error });
    }
    return failure;
  }

  private async complete(order: Order, payee: Payee, paymentKey: string, payment: TossPayment): Promise<Order> {
    if (!belongsTo(payment, payee, paymentKey))
      throw await this.recordFailure(order, paymentKey, notThisOrders(payment));
    if (payment.status !== 'DONE' || payment.totalAmount !== payee.amount) {
      return this.compensate(
        order,
        payee,
        paymentKey,
        new Error(
          `Toss approved ${payment.orderId}/${payment.totalAmount}, expected ${payee.tossOrderId}/${payee.amount}`,
        ),
      );
    }
    try {
      crashPoint('toss-answered');
      return await this.finishAttempt(order.orderId, paymentKey, {
        outcome: 'APPROVED',
        payment: paymentRecord(payment),
      });
    } catch (error) {
      return this.compensate(order, payee, paymentKey, error);
    }
  }

  /** Toss charged the customer but the sale is not on our books: cancel at Toss, then say so. */
  private async compensate(order: Order, payee: Payee, paymentKey: string, cause: unknown): Promise<never> {
    this.deps.log.error('approved payment could not be completed; cancelling at Toss', {
      orderId: order.orderId,
      cause,
    });
    try {
      await this.deps
        .toss(order)
        .cancel(
          paymentKey,
          { cancelReason: COMPENSATION_REASON, taxFreeAmount: payee.taxFreeAmount },
          idempotencyKey('compensate', payee.tossOrderId, paymentKey),
        );
    } catch (error) {
      // Left CONFIRMING: a retry or the next start asks Toss again and settles it.
      this.deps.log.error('compensating cancel failed', { orderId: order.orderId, error });
      throw new PosError('INTERNAL', 'payment approved but not recorded, and the automatic cancel failed', {
        retryable: true,
      });
    }
    crashPoint('compensation-sent');
    await this.finishAttempt(order.orderId, paymentKey, {
      outcome: 'COMPENSATED',
      code: 'COMPENSATED',
      message: COMPENSATION_REASON,
    }).catch((error: unknown) =>
      this.deps.log.error('could not record the compensation', { orderId: order.orderId, error }),
    );
    throw new PosError('PAYMENT_COMPENSATED', 'payment approved but not recorded; cancelled at Toss', {
      retryable: true,
    });
  }

  /**
   * Closes the attempt in the journal: PAID with the payment when approved, else back to
   * PENDING, or ABANDONED when the order holds a coupon (a declined sale frees its coupon; the
   * next Pay starts a new order and checks the coupon again).
   */
  private async finishAttempt(orderId: string, paymentKey: string, end: AttemptEnd): Promise<Order> {
    const finished = await this.lifecycle.endAttempt(orderId, paymentKey, seoulIso(this.deps.now()), end);
    // The journal is what counts: a stale entry is found settled and dropped by the next round.
    await this.deps.open
      .remove(orderId)
      .catch((error: unknown) => this.deps.log.warn('open confirm not crossed off yet', { orderId, error }));
    await this.tell(finished);
    // Between the parts of an order paid in parts: one is paid, the rest is not taken yet.
    if (end.payment && finished.status !== 'PAID' && partsPaid(finished) > 0) crashPoint('part-paid');
    return finished;
  }

  /** The coupons follow the order; if they cannot now, the settler brings them in line later. */
  private async tell(order: Order): Promise<void> {
    try {
      await this.deps.settled(order);
    } catch (error) {
      this.deps.log.warn('coupons could not follow the order yet', { orderId: order.orderId, error });
    }
  }
}

/** What a confirm pays, as Toss knows it: the whole order, or one of its card parts (`part`). */
interface Payee {
  tossOrderId: string;
  amount: number;
  /** The 면세 part of `amount`. */
  taxFreeAmount: number;
  part?: number;
}

/**
 * The payee a confirm names: the order itself, or its card part `part`. Refused when the order is
 * paid in parts and the whole is named, or the part named is not one of its card parts.
 */
function payeeOf(order: Order, part: number | undefined): Payee {
  if (part === undefined) {
    if (isSplit(order)) throw paidInParts(order);
    return { tossOrderId: order.orderId, amount: order.amount, taxFreeAmount: taxFreeOf(order) };
  }
  const found = order.parts.find((p) => p.part === part && p.method === 'card');
  if (!found?.tossOrderId) throw new PosError('PART_NOT_OPEN', `order ${order.orderId} has no card part ${part}`);
  return {
    tossOrderId: found.tossOrderId,
    amount: found.amount,
    taxFreeAmount: taxFreeOfPart(order, found.amount),
    part,
  };
}

/** Where the payee stands, in the order's own words (a card part still OPEN is PENDING), or FAILED: a part declined or given up. */
function stateOf(order: Order, payee: Payee): Order['status'] | 'FAILED' {
  const part = order.parts.find((p) => p.part === payee.part);
  if (!part || order.status === 'ABANDONED') return order.status;
  switch (part.status) {
    case 'OPEN':
      return 'PENDING';
    case 'CONFIRMING':
      return 'CONFIRMING';
    case 'PAID':
      return 'PAID';
    case 'FAILED':
      return 'FAILED';
  }
}

/** The paymentKey the payee was paid with, once it is. */
function paidKeyOf(order: Order, payee: Payee): string | undefined {
  if (payee.part === undefined) return order.payment?.paymentKey;
  return order.parts.find((p) => p.part === payee.part)?.payment?.paymentKey;
}

/** The card payments on the books not refunded since: what a still-listed confirm checks against Toss. */
function recordedPayments(order: Order): Array<{ payee: Payee; paymentKey: string }> {
  if (order.status === 'PAID' && order.payment !== null && order.refunds.length === 0)
    return [
      {
        payee: { tossOrderId: order.orderId, amount: order.amount, taxFreeAmount: taxFreeOf(order) },
        paymentKey: order.payment.paymentKey,
      },
    ];
  return order.parts.flatMap((part) =>
    part.status === 'PAID' && part.payment && part.tossOrderId && !order.refunds.some((r) => r.part === part.part)
      ? [
          {
            payee: {
              tossOrderId: part.tossOrderId,
              amount: part.amount,
              taxFreeAmount: taxFreeOfPart(order, part.amount),
              part: part.part,
            },
            paymentKey: part.payment.paymentKey,
          },
        ]
      : [],
  );
}

function paidInParts(order: Order): PosError {
  return new PosError('ORDER_PAID_IN_PARTS', `order ${order.orderId} is paid in parts`);
}

function belongsTo(payment: TossPayment, payee: Payee, paymentKey: string): boolean {
  return payment.orderId === payee.tossOrderId && payment.paymentKey === paymentKey;
}

/** Confirm refusals that a paymentKey of another order also gets. */
const SESSION_REFUSED = new Set(['NOT_FOUND_PAYMENT_SESSION', 'FORBIDDEN_REQUEST']);

function notThisOrders(payment: TossPayment): PosError {
  return new PosError('PAYMENT_MISMATCH', `payment belongs to order ${payment.orderId}`);
}

function failureOf(payment: TossPayment): PosError {
  const code = payment.failure?.code ?? payment.status;
  return new PosError(
    payment.status === 'EXPIRED' ? 'PAYMENT_EXPIRED' : 'PAYMENT_DECLINED',
    payment.failure?.message ?? code,
    { tossCode: code, retryable: true },
  );
}

function currentAttempt(order: Order): Order['attempts'][number] | undefined {
  return order.attempts.findLast((a) => a.outcome === 'CONFIRMING');
}

function paymentRecord(payment: TossPayment): PaymentRecord {
  return {
    paymentKey: payment.paymentKey,
    method: payment.method ?? null,
    totalAmount: payment.totalAmount,
    approvedAt: payment.approvedAt ?? '',
    cardNumber: payment.card?.number ?? null,
    approveNo: payment.card?.approveNo ?? null,
    cardType: payment.card?.cardType ?? null,
    installmentPlanMonths: payment.card?.installmentPlanMonths ?? null,
    receiptUrl: payment.receipt?.url ?? null,
    issuerCode: payment.card?.issuerCode ?? null,
  };
}
