import { randomUUID } from 'node:crypto';
import { changeFor, maskCashReceiptIdentity, type CashReceipt, type CashReceiptRequest } from '../../../shared/domain/cash';
import { PosError } from '../../../shared/domain/errors';
import type { Order } from '../../../shared/domain/order';
import { seoulIso } from '../../../shared/domain/time';
import type { Logger } from '../log/logger';
import { idempotencyKey } from '../payments/idempotency-key';
import type { TossClient } from '../payments/toss-client';
import { TossApiError } from '../payments/toss-errors';
import type { OrderLocks } from '../store/order-locks';
import type { OrderStore } from '../store/order-store';

export interface CashSaleDeps {
  orders: OrderStore;
  locks: OrderLocks;
  toss: TossClient;
  training: () => boolean;
  now: () => Date;
  log: Logger;
  /** Told of the order a cash sale paid: its coupons follow it, as after a card sale. */
  settled: (order: Order) => Promise<void>;
}

export interface CashPayment {
  orderId: string;
  received: number;
  cashReceipt?: CashReceiptRequest | undefined;
}

/**
 * A sale paid in cash at the counter: recorded in the same order journal with nothing sent to
 * Toss, then its 현금영수증 issued through Toss when the customer asks for one. The sale stands
 * whatever Toss says about the receipt: the cash is in the drawer.
 */
export class CashSaleService {
  constructor(private readonly deps: CashSaleDeps) {}

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
      const paidAt = seoulIso(this.deps.now());
      const paid = await this.deps.orders.update(order.orderId, (o, day) => {
        o.status = 'PAID';
        o.updatedAt = paidAt;
        o.cash = { received: payment.received, change, paidAt, cashReceipt: null };
        o.callNumber ??= day.nextCallNumber();
      });
      await this.deps.settled(paid).catch((error: unknown) => this.deps.log.warn('coupons could not follow the cash sale yet', { orderId: paid.orderId, error }));
      if (!payment.cashReceipt) return paid;
      // The sale stands whatever Toss says: the order shows the receipt refused (or still unknown), to issue again later.
      return this.issueLocked(paid, payment.cashReceipt).catch(async () => (await this.deps.orders.get(paid.orderId)) ?? paid);
    });
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
    const order = await this.deps.orders.get(orderId);
    if (!order) throw new PosError('ORDER_NOT_FOUND', `no order ${orderId}`);
    if (order.training !== this.deps.training()) throw new PosError('ORDER_WRONG_MODE', `order ${orderId} was rung up in the other mode`);
    switch (order.status) {
      case 'PENDING':
      case 'PAID':
        return order;
      case 'CONFIRMING':
        // A card payment of this order is being confirmed: taking cash too could charge twice.
        throw new PosError('PAYMENT_IN_FLIGHT', `order ${orderId} has a card payment being confirmed`, { retryable: true });
      case 'ABANDONED':
        throw new PosError('ORDER_ABANDONED', `order ${orderId} was given up`);
      default: {
        const never: never = order.status;
        throw new Error(`unhandled order status ${String(never)}`);
      }
    }
  }

  private async issueLocked(order: Order, request: CashReceiptRequest): Promise<Order> {
    const cash = order.cash;
    const open = cash?.cashReceipt;
    if (order.status !== 'PAID' || !cash || (open && open.status !== 'FAILED' && open.status !== 'ISSUING')) {
      throw new PosError('CASH_RECEIPT_NOT_ALLOWED', `order ${order.orderId} takes no new cash receipt`);
    }
    // A receipt whose answer was lost is asked for again under its first key: Toss replays it, never issues two.
    const retry = open?.status === 'ISSUING' ? open : null;
    const asked: CashReceipt = {
      type: request.type,
      identityMasked: maskCashReceiptIdentity(request.identity),
      status: 'ISSUING',
      receiptKey: null,
      issueNumber: null,
      receiptUrl: null,
      canceledAmount: 0,
      failure: null,
      requestedAt: retry?.requestedAt ?? seoulIso(this.deps.now()),
      requestId: retry?.requestId ?? randomUUID(),
    };
    await this.record(order.orderId, asked);
    try {
      const issued = await this.deps.toss.issueCashReceipt(
        { amount: order.amount, orderId: order.orderId, orderName: order.orderName, customerIdentityNumber: request.identity.replace(/[\s-]/g, ''), type: request.type },
        idempotencyKey('cash-receipt', order.orderId, asked.requestId),
      );
      if (issued.issueStatus === 'FAILED') return await this.refused(order.orderId, asked, 'FAILED', 'Toss did not issue the cash receipt');
      return await this.record(order.orderId, { ...asked, status: 'ISSUED', receiptKey: issued.receiptKey, issueNumber: issued.issueNumber ?? null, receiptUrl: issued.receiptUrl ?? null });
    } catch (error) {
      if (error instanceof TossApiError && error.status < 500) return await this.refused(order.orderId, asked, error.code, error.message);
      // Unknown whether Toss issued it: left ISSUING, asked again (same key) when the cashier tries again.
      throw new PosError('TOSS_UNREACHABLE', `cash receipt outcome unknown: ${error instanceof Error ? error.message : 'unknown'}`, { retryable: true });
    }
  }

  private async refused(orderId: string, asked: CashReceipt, code: string, message: string): Promise<never> {
    await this.record(orderId, { ...asked, status: 'FAILED', failure: { code, message } });
    throw new PosError('CASH_RECEIPT_REFUSED', message, { tossCode: code });
  }

  private record(orderId: string, receipt: CashReceipt): Promise<Order> {
    return this.deps.orders.update(orderId, (o) => {
      if (o.cash) o.cash.cashReceipt = receipt;
      o.updatedAt = seoulIso(this.deps.now());
    });
  }
}
