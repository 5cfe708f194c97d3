import { randomUUID } from 'node:crypto';
import {
  changeFor,
  MANDATORY_CASH_RECEIPT_FROM,
  maskCashReceiptIdentity,
  SELF_ISSUE_IDENTITY,
  type CashReceipt,
  type CashReceiptRequest,
} from '../../../../shared/domain/cash';
import { PosError } from '../../../../shared/domain/errors';
import type { Order } from '../../../../shared/domain/order';
import { cashTenderOf, isSplit } from '../../../../shared/domain/payment-parts';
import { seoulIso } from '../../../../shared/domain/time';
import { crashPoint } from '../../platform/chaos/crash-points';
import type { Logger } from '../../platform/log/logger';
import { idempotencyKey } from '../../toss/idempotency-key';
import type { TossCashReceipt } from '../../toss/toss-cash-receipt';
import type { TossOf } from '../../toss/toss-of';
import { TossApiError } from '../../toss/toss-errors';
import type { OrderLocks } from '../../orders/order-locks';
import type { OrderBook } from '../../orders/order-book';
import { OrderLifecycle, ownOrder } from '../../orders/order-lifecycle';
import { checkPartOpenable } from '../../orders/part-rules';
import { receiptAmount, stillPaid, taxFreeStillPaid } from './cash-receipt-amounts';
import { digestIdentity, identityDigits, identityMatches } from './cash-receipt-identity';
import { lookUpPending } from './cash-receipt-lookup';
import { issuedAs, refusedAs } from './cash-receipt-records';

export interface CashSaleDeps {
  orders: OrderBook;
  locks: OrderLocks;
  toss: TossOf;
  training: () => boolean;
  now: () => Date;
  log: Logger;
  /** Told of the order a cash sale paid: its coupons follow it, as after a card sale. */
  settled: (order: Order) => Promise<void>;
  /** The shop is in a 의무발행업종 (Settings): cash of 100,000원 or more gets a 현금영수증 whether asked for or not. */
  mandatoryCashReceipt?: () => boolean;
  /** Told of each 현금영수증 recorded: one on its way to the tax office is watched until it settles. */
  receiptRecorded?: (order: Order) => Promise<void>;
}

export interface CashPayment {
  orderId: string;
  received: number;
  cashReceipt?: CashReceiptRequest | undefined;
}

/** A cash part of an order paid in parts: `amount` of what is left, paid with `received`. */
export interface CashPartPayment extends CashPayment {
  amount: number;
}

/**
 * A sale paid in cash at the counter: recorded in the same order journal with nothing sent to
 * Toss, then its 현금영수증 issued through Toss when the customer asks for one. The sale stands
 * whatever Toss says about the receipt: the cash is in the drawer.
 */
export class CashSaleService {
  private readonly lifecycle: OrderLifecycle;

  constructor(private readonly deps: CashSaleDeps) {
    this.lifecycle = new OrderLifecycle(deps.orders, deps.locks);
  }

  pay(payment: CashPayment): Promise<Order> {
    return this.deps.locks.run(payment.orderId, async () => {
      const order = await this.payable(payment.orderId);
      if (order.status === 'PAID') {
        // The same tender again (a double press): the sale it already recorded.
        if (order.cash?.received === payment.received) return order;
        throw new PosError('ORDER_ALREADY_PAID', `order ${order.orderId} is already paid`);
      }
      const change = changeFor(order.amount, payment.received);
      if (change === null) throw new PosError('CASH_NOT_ENOUGH', `received ${payment.received} of ${order.amount} won`);
      const paid = await this.lifecycle.paidInCash(order.orderId, {
        received: payment.received,
        change,
        paidAt: seoulIso(this.deps.now()),
        cashReceipt: null,
      });
      return this.afterPaid(paid, payment.cashReceipt);
    });
  }

  /**
   * A cash part of an order paid in parts, opened and paid at once; its 현금영수증 (if asked)
   * covers this part only. The order is PAID once its paid parts add up to its amount.
   */
  payPart(payment: CashPartPayment): Promise<Order> {
    return this.deps.locks.run(payment.orderId, async () => {
      const order = ownOrder(await this.deps.orders.get(payment.orderId), payment.orderId, this.deps.training());
      const last = order.parts.at(-1);
      // The same tender again (a double press): the part it already recorded.
      if (last?.cash && last.amount === payment.amount && last.cash.received === payment.received) return order;
      checkPartOpenable(order, 'cash', payment.amount);
      const change = changeFor(payment.amount, payment.received);
      if (change === null)
        throw new PosError('CASH_NOT_ENOUGH', `received ${payment.received} of ${payment.amount} won`);
      const paid = await this.lifecycle.paidPartInCash(order.orderId, payment.amount, {
        received: payment.received,
        change,
        paidAt: seoulIso(this.deps.now()),
        cashReceipt: null,
      });
      if (paid.status !== 'PAID') crashPoint('part-paid');
      return this.afterPaid(paid, payment.cashReceipt);
    });
  }

  /** The coupons follow the paid order, then its 현금영수증 is asked for (the sale stands whatever Toss says). */
  private async afterPaid(paid: Order, cashReceipt: CashReceiptRequest | undefined): Promise<Order> {
    await this.deps
      .settled(paid)
      .catch((error: unknown) =>
        this.deps.log.warn('coupons could not follow the cash sale yet', { orderId: paid.orderId, error }),
      );
    const selfIssued = !cashReceipt && this.mustIssue(paid);
    const request = cashReceipt ?? (selfIssued ? SELF_ISSUE_REQUEST : null);
    if (!request) return paid;
    // The order shows the receipt refused (or still unknown), to issue again later.
    return this.issueLocked(paid, request, selfIssued).catch(
      async () => (await this.deps.orders.get(paid.orderId)) ?? paid,
    );
  }

  /** A 의무발행업종's cash sale (or cash part) of 100,000원 or more that the customer gave no number for. */
  private mustIssue(paid: Order): boolean {
    return (
      this.deps.mandatoryCashReceipt?.() === true &&
      cashTenderOf(paid)?.cashReceipt === null &&
      stillPaid(paid) >= MANDATORY_CASH_RECEIPT_FROM
    );
  }

  /** Issues the sale's 현금영수증 (at the counter, or later from history after a refusal). */
  issueReceipt(orderId: string, request: CashReceiptRequest): Promise<Order> {
    return this.deps.locks.run(orderId, async () => {
      const order = await this.deps.orders.get(orderId);
      if (!order) throw new PosError('ORDER_NOT_FOUND', `no order ${orderId}`);
      return this.issueLocked(order, request);
    });
  }

  private async payable(orderId: string): Promise<Order> {
    const order = ownOrder(await this.deps.orders.get(orderId), orderId, this.deps.training());
    if (isSplit(order) && order.status !== 'PAID')
      throw new PosError('ORDER_PAID_IN_PARTS', `order ${orderId} is being paid in parts`);
    switch (order.status) {
      case 'PENDING':
      case 'PAID':
        return order;
      case 'CONFIRMING':
        // A card payment of this order is being confirmed: taking cash too could charge twice.
        throw new PosError('PAYMENT_IN_FLIGHT', `order ${orderId} has a card payment being confirmed`, {
          retryable: true,
        });
      case 'ABANDONED':
        throw new PosError('ORDER_ABANDONED', `order ${orderId} was given up`);
      default: {
        const never: never = order.status;
        throw new Error(`unhandled order status ${String(never)}`);
      }
    }
  }

  /** The sale's 현금영수증, or the cash part's for an order paid in parts (whether or not the rest is paid yet). */
  private async issueLocked(order: Order, request: CashReceiptRequest, selfIssued = false): Promise<Order> {
    const cash = cashTenderOf(order);
    const kept = cash?.cashReceipt ?? null;
    if (!cash || (!isSplit(order) && order.status !== 'PAID'))
      throw new PosError('CASH_RECEIPT_NOT_ALLOWED', `order ${order.orderId} is not a paid cash sale`);
    if (kept?.status === 'ISSUING') return this.retry(order, kept, request);
    if (stillPaid(order) === 0) throw fullyRefunded(order.orderId);
    if (kept && kept.status !== 'FAILED') throw alreadyIssued(order.orderId, kept);
    return this.ask(order, request, selfIssued);
  }

  /** A request whose answer was lost, asked for again. */
  private async retry(order: Order, pending: CashReceipt, request: CashReceiptRequest): Promise<Order> {
    const same =
      pending.type === request.type &&
      pending.identityDigest !== null &&
      (await identityMatches(request.identity, pending.identityDigest));
    // The very same body: under its first key Toss replays what it did (or does it now), never issues two.
    if (same && receiptAmount(order, pending) === stillPaid(order)) return this.send(order, pending, request.identity);
    // Any other body under that key would be answered with the first receipt: Toss is asked what it did first.
    const outcome = await lookUpPending(this.deps.toss(order), order, pending, this.deps.now());
    if (outcome.kind === 'unknown') {
      throw new PosError(
        'CASH_RECEIPT_PENDING',
        `order ${order.orderId}: the first cash receipt request is not settled with Toss`,
        { retryable: true, details: named(pending) },
      );
    }
    const settled = await this.record(order.orderId, outcome.receipt);
    if (outcome.kind === 'not-issued') return this.issueLocked(settled, request);
    // Issued for money since given back: the refund's cancel (background) takes it off at Toss.
    if (stillPaid(settled) === 0) throw fullyRefunded(order.orderId);
    if (same && outcome.receipt.type === request.type) return settled;
    throw alreadyIssued(order.orderId, outcome.receipt);
  }

  /** A new request: for what the customer still has paid, under a key of its own. */
  private async ask(order: Order, request: CashReceiptRequest, selfIssued: boolean): Promise<Order> {
    const pending: CashReceipt = {
      type: request.type,
      // The tax office's public number is shown as it is: it names no customer.
      identityMasked: selfIssued ? SELF_ISSUE_SHOWN : maskCashReceiptIdentity(request.identity),
      status: 'ISSUING',
      receiptKey: null,
      issueNumber: null,
      receiptUrl: null,
      canceledAmount: 0,
      failure: null,
      requestedAt: seoulIso(this.deps.now()),
      requestId: randomUUID(),
      amount: stillPaid(order),
      identityDigest: await digestIdentity(request.identity),
      issueStatus: null,
      statusCheckedAt: null,
      statusChecks: 0,
      selfIssued,
    };
    return this.send(await this.record(order.orderId, pending), pending, request.identity);
  }

  /** Sends the pending request as it was first made (its type, amount and key) and records Toss's answer. */
  private async send(order: Order, pending: CashReceipt, identity: string): Promise<Order> {
    let issued: TossCashReceipt;
    try {
      issued = await this.deps.toss(order).issueCashReceipt(
        {
          amount: receiptAmount(order, pending),
          orderId: order.orderId,
          orderName: order.orderName,
          customerIdentityNumber: identityDigits(identity),
          type: pending.type,
          taxFreeAmount: taxFreeStillPaid(order, receiptAmount(order, pending)),
        },
        idempotencyKey('cash-receipt', order.orderId, pending.requestId),
      );
    } catch (error) {
      if (error instanceof TossApiError && !outcomeOpen(error))
        return this.refused(order.orderId, pending, error.code, error.message);
      // Unknown whether Toss issued it: left ISSUING, sent again only with this same body, else looked up first.
      throw new PosError(
        'TOSS_UNREACHABLE',
        `cash receipt outcome unknown: ${error instanceof Error ? error.message : 'unknown'}`,
        { retryable: true },
      );
    }
    if (issued.issueStatus === 'FAILED')
      return this.refused(
        order.orderId,
        pending,
        issued.failure?.code ?? 'FAILED',
        issued.failure?.message ?? 'Toss did not issue the cash receipt',
      );
    return this.record(order.orderId, issuedAs(pending, issued, seoulIso(this.deps.now())));
  }

  private async refused(orderId: string, pending: CashReceipt, code: string, message: string): Promise<never> {
    await this.record(orderId, refusedAs(pending, { code, message }));
    throw new PosError('CASH_RECEIPT_REFUSED', message, { tossCode: code });
  }

  private async record(orderId: string, receipt: CashReceipt): Promise<Order> {
    const order = await this.lifecycle.recordCashReceipt(orderId, seoulIso(this.deps.now()), receipt);
    await this.deps.receiptRecorded?.(order);
    return order;
  }
}

/**
 * 자진발급: a receipt the shop issues itself, to the tax office's number 010-000-1234 (국세청's
 * published code for it, e.g. i-boss.gitbook.io "현금영수증 자진발급"; ai.bznav.com). It is issued as
 * 소득공제, as a self-issued receipt is by default (the customer may register it at 홈택스, or a
 * business switch it to 지출증빙 there). Toss's documentation says nothing of this number: its
 * `customerIdentityNumber` takes any identity up to 30 characters, so it is sent like a mobile number.
 */
const SELF_ISSUE_REQUEST: CashReceiptRequest = { type: '소득공제', identity: SELF_ISSUE_IDENTITY };
const SELF_ISSUE_SHOWN = '010-000-1234';

/**
 * Toss's refusals that leave the request still open: the first request with this key is still
 * being processed (409), or Toss asked to slow down (429). Anything else below 500 is a refusal.
 */
function outcomeOpen(error: TossApiError): boolean {
  return error.status >= 500 || error.status === 409 || error.status === 429;
}

/** The receipt as the cashier knows it (kind and masked number), for the refusal's words. */
function named(receipt: CashReceipt): { type: string; identity: string } {
  return { type: receipt.type, identity: receipt.identityMasked };
}

function fullyRefunded(orderId: string): PosError {
  return new PosError(
    'CASH_RECEIPT_FULLY_REFUNDED',
    `order ${orderId} was refunded in full: no cash receipt for money given back`,
  );
}

function alreadyIssued(orderId: string, receipt: CashReceipt): PosError {
  return new PosError('CASH_RECEIPT_ALREADY_ISSUED', `order ${orderId} already has its cash receipt`, {
    details: named(receipt),
  });
}
