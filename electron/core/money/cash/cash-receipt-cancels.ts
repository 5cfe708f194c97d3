import type { CashReceipt } from '../../../../shared/domain/cash';
import { PosError } from '../../../../shared/domain/errors';
import type { Order } from '../../../../shared/domain/order';
import { cashTenderOf } from '../../../../shared/domain/payment-parts';
import { seoulIso } from '../../../../shared/domain/time';
import type { Logger } from '../../platform/log/logger';
import { idempotencyKey } from '../../toss/idempotency-key';
import type { TossOf } from '../../toss/toss-of';
import { TossApiError } from '../../toss/toss-errors';
import type { SettleJob } from '../../platform/jobs/background-settler';
import type { OpenList } from '../../platform/jobs/open-work';
import type { OrderLocks } from '../../orders/order-locks';
import type { OrderBook } from '../../orders/order-book';
import { OrderLifecycle } from '../../orders/order-lifecycle';
import { cancelOwed, cashGivenBack, receiptAmount } from './cash-receipt-amounts';
import { lookUpPending } from './cash-receipt-lookup';

export interface CashReceiptCancelsDeps {
  /** Cash sales refunded past what their 현금영수증 has had cancelled (or whose issue is unknown): listed before Toss is asked. */
  open: OpenList;
  orders: OrderBook;
  locks: OrderLocks;
  toss: TossOf;
  now: () => Date;
  log: Logger;
  /** Told of a receipt recorded once Toss said what became of it: one on its way to the tax office is watched. */
  receiptRecorded?: (order: Order) => Promise<void>;
}

/**
 * A refunded cash sale's 현금영수증 is cancelled by what was refunded, at Toss. The refund itself
 * is done (the cash went back over the counter); the receipt follows, and what Toss could not be
 * told yet is asked again by the background settler with the same key.
 */
export class CashReceiptCancels implements SettleJob {
  readonly name = 'cash-receipt-cancels';

  private readonly lifecycle: OrderLifecycle;

  constructor(private readonly deps: CashReceiptCancelsDeps) {
    this.lifecycle = new OrderLifecycle(deps.orders, deps.locks);
  }

  /**
   * After a refund (called under the order's lock): a cash sale whose receipt covers money now
   * given back is listed, and its cancel sent as soon as the refund lets go of the order. A receipt
   * whose issue answer was lost is listed too: Toss may have issued it, for money now given back.
   */
  async refunded(order: Order): Promise<void> {
    const receipt = cashTenderOf(order)?.cashReceipt;
    if (
      !receipt ||
      !(
        receipt.status === 'ISSUING' ||
        (receipt.status === 'ISSUED' && cancelOwed(order, receipt) > receipt.canceledAmount)
      )
    )
      return;
    await this.deps.open.add(order.orderId);
    void this.cancelOne(order.orderId).catch((error: unknown) =>
      this.deps.log.warn('cash receipt cancel left for later', { orderId: order.orderId, error }),
    );
  }

  async settle(): Promise<boolean> {
    for (const orderId of this.deps.open.list()) {
      await this.cancelOne(orderId).catch((error: unknown) =>
        this.deps.log.warn('cash receipt cancel still open', { orderId, error }),
      );
    }
    return this.deps.open.list().length === 0;
  }

  /** Sends the order's receipt cancel, if one is owed (a foreign order's, settled while its row is held). */
  settleOne(orderId: string): Promise<void> {
    return this.cancelOne(orderId);
  }

  private cancelOne(orderId: string): Promise<void> {
    return this.deps.locks.run(orderId, async () => {
      const found = await this.deps.orders.get(orderId);
      const pending = found && cashTenderOf(found)?.cashReceipt;
      const order = found && pending?.status === 'ISSUING' ? await this.settlePending(found, pending) : found;
      const receipt = order && cashTenderOf(order)?.cashReceipt;
      const owed = order && receipt ? cancelOwed(order, receipt) : 0;
      if (!order || !receipt?.receiptKey || receipt.status !== 'ISSUED' || owed <= receipt.canceledAmount)
        return this.deps.open.remove(orderId);
      const refunded = cashGivenBack(order);
      try {
        await this.deps
          .toss(order)
          .cancelCashReceipt(
            receipt.receiptKey,
            { amount: owed - receipt.canceledAmount },
            idempotencyKey('cash-receipt-cancel', orderId, String(refunded)),
          );
      } catch (error) {
        if (!(error instanceof TossApiError) || error.status >= 500) throw error;
        // Toss refuses for good (already cancelled elsewhere, say): kept on the receipt for the manager, not retried.
        await this.lifecycle.cashReceiptCancelRefused(orderId, { code: error.code, message: error.message });
        return this.deps.open.remove(orderId);
      }
      await this.lifecycle.cashReceiptCanceled(orderId, seoulIso(this.deps.now()), owed, receiptAmount);
      await this.deps.open.remove(orderId);
    });
  }

  /** Asks Toss what became of a request whose answer was lost, and records it; stays open while Toss cannot say. */
  private async settlePending(order: Order, pending: CashReceipt): Promise<Order> {
    const outcome = await lookUpPending(this.deps.toss(order), order, pending, this.deps.now());
    if (outcome.kind === 'unknown')
      throw new PosError('TOSS_UNREACHABLE', `cash receipt of ${order.orderId} not settled with Toss yet`, {
        retryable: true,
      });
    const recorded = await this.lifecycle.recordCashReceipt(order.orderId, seoulIso(this.deps.now()), outcome.receipt);
    await this.deps.receiptRecorded?.(recorded);
    return recorded;
  }
}
