import { PosError } from '../../../../shared/domain/errors';
import { couponCodesOf, type Order } from '../../../../shared/domain/order';
import { amountPaid, isSplit, partUnderWay, refundPayment } from '../../../../shared/domain/payment-parts';
import { refundedAmount, refundState, type RefundEntry, type RefundRequest } from '../../../../shared/domain/refunds';
import { taxFreeOfCancel } from '../../../../shared/domain/tax-split';
import { seoulIso } from '../../../../shared/domain/time';
import { crashPoint } from '../../platform/chaos/crash-points';
import type { Logger } from '../../platform/log/logger';
import { idempotencyKey } from '../../toss/idempotency-key';
import type { TossOf } from '../../toss/toss-of';
import { TossApiError, cancelErrorToPosError, cancelOutcomeUnknown } from '../../toss/toss-errors';
import type { TossPayment } from '../../toss/toss-payment';
import type { Cashier, Manager } from '../../../../shared/domain/staff';
import type { OrderLocks } from '../../orders/order-locks';
import type { OrderBook } from '../../orders/order-book';
import { OrderLifecycle, ownOrder } from '../../orders/order-lifecycle';
import type { OpenList } from '../../platform/jobs/open-work';
import { planRefund, type RefundPlan } from './refund-plan';

export interface RefundServiceDeps {
  orders: OrderBook;
  locks: OrderLocks;
  toss: TossOf;
  openRefunds: OpenList;
  /** What a refund does to the order's coupon (a full refund may give it back); `settle` has the coupon follow an order refunds ended. */
  coupons: {
    afterRefund(order: Order, full: boolean): Promise<RefundEntry['coupon']>;
    settle(order: Order): Promise<void>;
  };
  /** A refunded cash sale's 현금영수증 follows the refund (cancelled at Toss by what was given back). */
  cashReceipts: { refunded(order: Order): Promise<void> };
  training: () => boolean;
  now: () => Date;
  log: Logger;
}

/** What a refund would give back, and what it would do to the coupon. */
export interface RefundPreview extends RefundPlan {
  coupon: NonNullable<RefundEntry['coupon']>;
}

function currentRefund(order: Order): RefundEntry | undefined {
  return order.refunds.find((refund) => refund.status === 'REFUNDING');
}

/** The cancel entry Toss made for this refund: one of this amount that no other refund of ours is matched to. */
function cancelOf(payment: TossPayment, order: Order, refund: RefundEntry) {
  const matched = new Set(
    order.refunds.flatMap((r) =>
      r.refundId !== refund.refundId && r.transactionKey !== null ? [r.transactionKey] : [],
    ),
  );
  return (payment.cancels ?? []).find(
    (cancel) => !matched.has(cancel.transactionKey) && cancel.cancelAmount === refund.amount,
  );
}

/**
 * Refunds through Toss's cancel: main works out the amount from the order (never more than is
 * left), journals the refund as REFUNDING, then asks Toss with a key unique to that refund. An
 * answer that leaves the outcome open is settled by asking again with the same key (Toss replays
 * or performs it once) and reading the payment back; never by a cancel under a new key.
 */
export class RefundService {
  private readonly lifecycle: OrderLifecycle;

  constructor(private readonly deps: RefundServiceDeps) {
    this.lifecycle = new OrderLifecycle(deps.orders, deps.locks);
  }

  async preview(
    orderId: string,
    request: RefundRequest,
    restoreCoupons: boolean,
    part?: number,
  ): Promise<RefundPreview> {
    const order = await this.paidOrder(orderId, part);
    const plan = planRefund(order, request, part);
    const full = amountPaid(order) - refundedAmount(order.refunds) - plan.amount === 0;
    const hasCoupon = order.discounts.some((d) => d.source === 'coupon');
    // A coupon only held for an order never paid in full is free once nothing of it is paid, whatever the policy.
    const restored = full && (restoreCoupons || order.status !== 'PAID');
    return { ...plan, coupon: !hasCoupon ? 'none' : restored ? 'restored' : 'kept' };
  }

  /** Refunds `request` of the order, or of its part `part` for an order paid in parts. */
  /** `by`: the manager who approved it, and who was signed in at the till and asked for it. */
  refund(
    orderId: string,
    request: RefundRequest,
    reason: string,
    by: { manager: Manager; cashier: Cashier | null },
    part?: number,
  ): Promise<Order> {
    return this.deps.locks.run(orderId, async () => {
      let order = await this.paidOrder(orderId, part);
      const earlier = currentRefund(order);
      if (earlier) {
        // An earlier refund's outcome is still open: it is settled first, so no won is refunded twice.
        order = await this.settle(order, earlier, true);
        if (currentRefund(order))
          throw new PosError('REFUND_IN_FLIGHT', `refund ${earlier.refundId} of ${orderId} is still unsettled`, {
            retryable: true,
          });
      }
      const plan = planRefund(order, request, part);
      const entry: RefundEntry = {
        refundId: `r${order.refunds.length + 1}`,
        kind: request.kind,
        amount: plan.amount,
        lines: plan.lines,
        reason,
        approvedBy: by.manager.name,
        requestedBy: by.cashier,
        requestedAt: seoulIso(this.deps.now()),
        status: 'REFUNDING',
        transactionKey: null,
        canceledAt: null,
        tossBalance: null,
        failure: null,
        coupon: null,
        ...(part === undefined ? {} : { part }),
      };
      await this.deps.openRefunds.add(orderId);
      const journaled = await this.lifecycle.startRefund(orderId, entry);
      this.deps.log.info('refund journaled', {
        orderId,
        refundId: entry.refundId,
        amount: entry.amount,
        by: by.manager.name,
      });
      crashPoint('refund-journaled');
      const settled = await this.settle(journaled, entry);
      const outcome = settled.refunds.find((r) => r.refundId === entry.refundId);
      if (outcome?.status === 'FAILED' && outcome.failure) {
        throw new PosError('REFUND_DECLINED', outcome.failure.message, { tossCode: outcome.failure.code });
      }
      if (outcome?.status === 'REFUNDING')
        throw new PosError('TOSS_UNREACHABLE', `refund ${entry.refundId} outcome unknown`, { retryable: true });
      return settled;
    });
  }

  /** Refunds a crash or a silent Toss left open: asked about again (at start, and every so often). */
  async settleOpen(): Promise<void> {
    for (const orderId of this.deps.openRefunds.list()) {
      await this.settleOne(orderId).catch((error: unknown) =>
        this.deps.log.warn('refund still unsettled', { orderId, error }),
      );
    }
  }

  /** Asks Toss again about the order's refund under way, if it has one, and records how it ended. */
  settleOne(orderId: string): Promise<void> {
    return this.deps.locks.run(orderId, async () => {
      const order = await this.deps.orders.get(orderId);
      const open = order && currentRefund(order);
      if (!order || !open) return this.deps.openRefunds.remove(orderId);
      await this.settle(order, open, true);
    });
  }

  /**
   * The order, if a refund can go back to it: paid, or paid in part (an order paid in parts short
   * of its amount has its paid parts refunded). An order paid in parts names the part; one paid
   * by one tender names none.
   */
  private async paidOrder(orderId: string, part: number | undefined): Promise<Order> {
    const order = await this.deps.orders.get(orderId);
    if (order && order.status !== 'PAID' && !(order.status === 'PENDING' && amountPaid(order) > 0))
      throw new PosError('REFUND_NOT_PAID', `order ${orderId} is ${order.status}`);
    const own = ownOrder(order, orderId, this.deps.training());
    if (!isSplit(own)) {
      if (part !== undefined) throw new PosError('REFUND_INVALID', `order ${orderId} was paid by one tender`);
      return own;
    }
    if (part === undefined) throw new PosError('REFUND_PART_REQUIRED', `order ${orderId} was paid in parts`);
    // A part under way could take money while its paid parts are given back.
    const underWay = partUnderWay(own);
    if (underWay)
      throw new PosError('PAYMENT_IN_FLIGHT', `part ${underWay.part} of ${orderId} is ${underWay.status}`, {
        retryable: true,
      });
    if (!own.parts.some((p) => p.part === part && p.status === 'PAID'))
      throw new PosError('REFUND_INVALID', `order ${orderId} has no paid part ${part}`);
    return own;
  }

  /**
   * Sends (or re-sends, with the same key) the cancel for a journaled refund and records how it
   * ended. A refund left open earlier is looked up at Toss first: if Toss already made it, that
   * is recorded and nothing is sent again.
   */
  private async settle(order: Order, refund: RefundEntry, resuming = false): Promise<Order> {
    const payment = refundPayment(order, refund);
    // Nothing went through Toss (paid in cash, or in full by discount), or nothing in won goes back.
    if (payment === null || refund.amount === 0)
      return this.finish(order, refund, {
        status: 'DONE',
        transactionKey: null,
        canceledAt: seoulIso(this.deps.now()),
        tossBalance: null,
      });
    if (resuming) {
      const read = await this.deps
        .toss(order)
        .getPayment(payment.paymentKey)
        .catch(() => null);
      const made = read && cancelOf(read, order, refund);
      if (read && made)
        return this.finish(order, refund, {
          status: 'DONE',
          transactionKey: made.transactionKey,
          canceledAt: made.canceledAt,
          tossBalance: read.balanceAmount,
        });
    }
    let answer: TossPayment;
    try {
      answer = await this.deps
        .toss(order)
        .cancel(
          payment.paymentKey,
          { cancelReason: refund.reason, cancelAmount: refund.amount, taxFreeAmount: taxFreeOfCancel(order, refund) },
          idempotencyKey('refund', order.orderId, `${payment.paymentKey}/${refund.refundId}`),
        );
    } catch (error) {
      if (!cancelOutcomeUnknown(error)) {
        const refused =
          error instanceof TossApiError ? cancelErrorToPosError(error) : new PosError('INTERNAL', String(error));
        return this.finish(order, refund, {
          status: 'FAILED',
          failure: { code: refused.tossCode ?? refused.code, message: refused.message },
        });
      }
      const read = await this.deps
        .toss(order)
        .getPayment(payment.paymentKey)
        .catch(() => null);
      const cancel = read && cancelOf(read, order, refund);
      if (!read || !cancel) {
        this.deps.log.warn('refund outcome unknown; asked again later', {
          orderId: order.orderId,
          refundId: refund.refundId,
          error,
        });
        return order;
      }
      answer = read;
    }
    crashPoint('refund-answered');
    const cancel = cancelOf(answer, order, refund);
    if (!cancel) {
      this.deps.log.error('Toss answered a cancel without a matching entry', {
        orderId: order.orderId,
        refundId: refund.refundId,
      });
      return order;
    }
    return this.finish(order, refund, {
      status: 'DONE',
      transactionKey: cancel.transactionKey,
      canceledAt: cancel.canceledAt,
      tossBalance: answer.balanceAmount,
    });
  }

  /**
   * What a refund that went through does to the order's coupon: a paid order's may be given back
   * by a full refund; one only held for an order paid in parts is free once nothing of it is paid.
   */
  private async couponAfter(ended: Order): Promise<RefundEntry['coupon']> {
    if (ended.status === 'PAID')
      return this.deps.coupons.afterRefund(ended, refundState(ended.amount, ended.refunds) === 'full');
    if (couponCodesOf(ended).length === 0) return 'none';
    const givenBack = ended.refunds.filter((r) => r.status === 'DONE').reduce((sum, r) => sum + r.amount, 0);
    return givenBack >= amountPaid(ended) ? 'restored' : 'kept';
  }

  private async finish(
    order: Order,
    refund: RefundEntry,
    end: Partial<RefundEntry> & Pick<RefundEntry, 'status'>,
  ): Promise<Order> {
    const ended = structuredClone(order);
    const entry = ended.refunds.find((r) => r.refundId === refund.refundId);
    if (entry) Object.assign(entry, end);
    // The coupon follows first: if the order's write below is lost, the refund is settled again (Toss replays it) and this repeats harmlessly.
    const coupon = end.status === 'DONE' ? await this.couponAfter(ended) : null;
    const updated = await this.lifecycle.endRefund(order.orderId, refund.refundId, seoulIso(this.deps.now()), {
      ...end,
      coupon,
    });
    // Refunds gave back all an order paid in parts had taken: it ended, and its held coupon is free.
    if (updated.status === 'ABANDONED')
      await this.deps.coupons
        .settle(updated)
        .catch((error: unknown) =>
          this.deps.log.warn('coupons could not follow the order yet', { orderId: order.orderId, error }),
        );
    // Toss's balance is the payment's: the whole order's, or the refunded part's.
    const paid = refund.part === undefined ? updated.amount : (refundPayment(updated, refund)?.totalAmount ?? 0);
    const ledger =
      paid -
      updated.refunds
        .filter((r) => r.status === 'DONE' && r.part === refund.part)
        .reduce((sum, r) => sum + r.amount, 0);
    if (end.tossBalance != null && end.tossBalance !== ledger) {
      this.deps.log.error('Toss balance differs from the refund ledger', {
        orderId: order.orderId,
        toss: end.tossBalance,
        ledger,
      });
    }
    await this.deps.openRefunds.remove(order.orderId);
    if (end.status === 'DONE') await this.deps.cashReceipts.refunded(updated);
    this.deps.log.info('refund settled', { orderId: order.orderId, refundId: refund.refundId, status: end.status });
    return updated;
  }
}
