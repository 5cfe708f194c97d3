import type { Order } from '../../../shared/domain/order';
import { seoulIso } from '../../../shared/domain/time';
import type { Logger } from '../log/logger';
import { idempotencyKey } from '../payments/idempotency-key';
import type { TossClient } from '../payments/toss-client';
import { TossApiError } from '../payments/toss-errors';
import type { SettleJob } from '../reconcile/background-settler';
import type { OpenList } from '../reconcile/open-work';
import type { OrderLocks } from '../store/order-locks';
import type { OrderStore } from '../store/order-store';

export interface CashReceiptCancelsDeps {
  /** Cash sales refunded past what their 현금영수증 has had cancelled: listed before Toss is asked. */
  open: OpenList;
  orders: OrderStore;
  locks: OrderLocks;
  toss: TossClient;
  now: () => Date;
  log: Logger;
}

/** What the refund ledger says is given back: only refunds that went through. */
function refundedOf(order: Order): number {
  return order.refunds.filter((refund) => refund.status === 'DONE').reduce((sum, refund) => sum + refund.amount, 0);
}

/**
 * A refunded cash sale's 현금영수증 is cancelled by what was refunded, at Toss. The refund itself
 * is done (the cash went back over the counter); the receipt follows, and what Toss could not be
 * told yet is asked again by the background settler with the same key.
 */
export class CashReceiptCancels implements SettleJob {
  readonly name = 'cash-receipt-cancels';

  constructor(private readonly deps: CashReceiptCancelsDeps) {}

  /**
   * After a refund (called under the order's lock): a cash sale with an issued receipt is listed,
   * and its cancel is sent as soon as the refund lets go of the order.
   */
  async refunded(order: Order): Promise<void> {
    const receipt = order.cash?.cashReceipt;
    if (receipt?.status !== 'ISSUED' || refundedOf(order) <= receipt.canceledAmount) return;
    await this.deps.open.add(order.orderId);
    void this.cancelOne(order.orderId).catch((error: unknown) => this.deps.log.warn('cash receipt cancel left for later', { orderId: order.orderId, error }));
  }

  async settle(): Promise<boolean> {
    for (const orderId of this.deps.open.list()) {
      await this.cancelOne(orderId).catch((error: unknown) => this.deps.log.warn('cash receipt cancel still open', { orderId, error }));
    }
    return this.deps.open.list().length === 0;
  }

  private cancelOne(orderId: string): Promise<void> {
    return this.deps.locks.run(orderId, async () => {
      const order = await this.deps.orders.get(orderId);
      const receipt = order?.cash?.cashReceipt;
      const refunded = order ? refundedOf(order) : 0;
      if (!order || !receipt?.receiptKey || receipt.status !== 'ISSUED' || refunded <= receipt.canceledAmount) return this.deps.open.remove(orderId);
      try {
        await this.deps.toss.cancelCashReceipt(receipt.receiptKey, { amount: refunded - receipt.canceledAmount }, idempotencyKey('cash-receipt-cancel', orderId, String(refunded)));
      } catch (error) {
        if (!(error instanceof TossApiError) || error.status >= 500) throw error;
        // Toss refuses for good (already cancelled elsewhere, say): kept on the receipt for the manager, not retried.
        await this.deps.orders.update(orderId, (o) => {
          if (o.cash?.cashReceipt) o.cash.cashReceipt.failure = { code: error.code, message: error.message };
        });
        return this.deps.open.remove(orderId);
      }
      await this.deps.orders.update(orderId, (o) => {
        const kept = o.cash?.cashReceipt;
        if (!kept) return;
        kept.canceledAmount = refunded;
        if (refunded >= o.amount) kept.status = 'CANCELED';
        o.updatedAt = seoulIso(this.deps.now());
      });
      await this.deps.open.remove(orderId);
    });
  }
}
