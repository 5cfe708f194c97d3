import { PosError } from '../../../../shared/domain/errors';
import { partsPaid } from '../../../../shared/domain/payment-parts';
import type { Logger } from '../../platform/log/logger';
import type { PaymentService } from './payment-service';
import type { OrderLocks } from '../../orders/order-locks';
import type { OrderBook } from '../../orders/order-book';
import type { SettleJob } from '../../platform/jobs/background-settler';
import type { OpenList } from '../../platform/jobs/open-work';
import type { SettlementBoard } from '../../platform/jobs/settlement-board';

export interface OpenConfirmsDeps {
  open: OpenList;
  orders: OrderBook;
  payments: PaymentService;
  locks: OrderLocks;
  board: SettlementBoard;
  log: Logger;
}

/**
 * The settler's job for confirms whose outcome was never learned (a crash, a Toss that went
 * silent): each is asked about until Toss says how it ended, and the register's board shows it.
 */
export class OpenConfirms implements SettleJob {
  readonly name = 'confirms';

  constructor(private readonly deps: OpenConfirmsDeps) {}

  /**
   * Orders left mid-confirm by an app from before the open-work list: a confirm window is 10
   * minutes, so yesterday's and today's journals hold them all.
   */
  async adoptRecent(): Promise<void> {
    for (const order of await this.deps.orders.findByStatus('CONFIRMING', 2)) await this.deps.open.add(order.orderId);
  }

  async settle(): Promise<boolean> {
    await Promise.all(this.deps.open.list().map((orderId) => this.settleOne(orderId)));
    return this.deps.open.list().length === 0;
  }

  private async settleOne(orderId: string): Promise<void> {
    // A cashier's confirm of this order is under way: it learns the outcome itself.
    if (this.deps.locks.holds(orderId)) return;
    const before = await this.deps.orders.get(orderId);
    if (before?.status === 'CONFIRMING') this.deps.board.trying(before);
    try {
      const after = await this.deps.payments.settleUnknown(orderId);
      this.deps.board.ended(orderId, after, null);
      this.deps.log.info('settled an open confirm', { orderId, status: after?.status });
      await this.deps.open.remove(orderId);
    } catch (error) {
      const problem = error instanceof PosError ? error.code : 'INTERNAL';
      const after = await this.deps.orders.get(orderId).catch(() => undefined);
      // Kept while the confirm is open, and for a sale (or a paid part) on the books not checked with Toss yet: the next round asks again.
      if (after?.status === 'CONFIRMING' || after?.status === 'PAID' || (after && partsPaid(after) > 0)) {
        this.deps.board.stillOpen(orderId, problem);
        this.deps.log.warn('order still unsettled', { orderId, problem });
        return;
      }
      this.deps.board.ended(orderId, after ?? null, problem);
      await this.deps.open.remove(orderId);
    }
  }
}
