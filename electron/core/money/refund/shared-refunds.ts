import { PosError } from '../../../../shared/domain/errors';
import type { Order } from '../../../../shared/domain/order';
import type { RefundRequest } from '../../../../shared/domain/refunds';
import type { Cashier, Manager } from '../../../../shared/domain/staff';
import { seoulIso } from '../../../../shared/domain/time';
import { OrderLifecycle } from '../../orders/order-lifecycle';
import type { OrderBook } from '../../orders/order-book';
import type { OrderLocks } from '../../orders/order-locks';
import { refundsToTake } from '../../orders/refunds-from-elsewhere';
import type { OpenList } from '../../platform/jobs/open-work';
import type { Logger } from '../../platform/log/logger';
import { TossApiError, TossUnreachableError } from '../../toss/toss-errors';
import type { RefundPreview, RefundService } from './refund-service';
import type { OpenWorkElsewhere, SharedOrderRow, SharedOrders } from './shared-orders';

/** A refund's service over one book: this register's own orders, or its copies of other registers' orders. */
interface RefundsOver {
  service: RefundService;
  orders: OrderBook;
  locks: OrderLocks;
  openRefunds: OpenList;
}

/** How a refund ended: the order after it, or the error the manager is shown (after the store has what it came to). */
type Ended = { order: Order } | { error: unknown };

function settled(refund: Promise<Order>): Promise<Ended> {
  return refund.then(
    (order) => ({ order }),
    (error: unknown) => ({ error }),
  );
}

export interface SharedRefundsDeps {
  /** This register's own orders (its live books). */
  own: RefundsOver;
  /** Other registers' orders this register refunded or settled: its own journal of them, never in its history. */
  foreign: RefundsOver;
  /** Foreign orders whose document this register has not yet written to the store (a crash, the store gone mid-way). */
  foreignWrites: OpenList;
  /** Settles a foreign order's card confirm left under way (asks Toss by its payment key), in the foreign book. */
  foreignConfirms: { settleUnknown(orderId: string): Promise<unknown> };
  /** The foreign orders' 현금영수증 cancels (a refunded cash sale's), sent while the row is held. */
  foreignReceipts: { open: OpenList; settleOne(orderId: string): Promise<void> };
  /** The shop's orders on the shared store; null without one (then every refund is this register's own, as always). */
  store: () => SharedOrders | null;
  /** Told of this register's own order after another register's change to it was taken in: a 현금영수증 settled there is watched here. */
  receiptTakenIn?: (order: Order) => Promise<void>;
  now: () => Date;
  log: Logger;
}

type By = { manager: Manager; cashier: Cashier | null };

/**
 * Refunds on a shared store. Every refund holds the order's row in PostgreSQL (`SELECT … FOR
 * UPDATE`) while Toss is asked, so two registers refunding one order at once take turns, the second
 * seeing what the first gave back. This register's own order is refunded in its own books as
 * always (first taking in what other registers refunded of it). Another register's order is copied
 * into this register's book of foreign orders and refunded there by the same journaled, idempotent
 * refund, then its document is written back to the row, with a change its register takes in.
 * While the store is down a register refunds its own orders as before and refuses other registers'.
 */
export class SharedRefunds {
  private readonly ownLifecycle: OrderLifecycle;
  private readonly foreignLifecycle: OrderLifecycle;
  private takingIn: Promise<void> | null = null;

  constructor(private readonly deps: SharedRefundsDeps) {
    this.ownLifecycle = new OrderLifecycle(deps.own.orders, deps.own.locks);
    this.foreignLifecycle = new OrderLifecycle(deps.foreign.orders, deps.foreign.locks);
  }

  async preview(
    orderId: string,
    request: RefundRequest,
    restoreCoupons: boolean,
    part?: number,
  ): Promise<RefundPreview> {
    const store = this.deps.store();
    if (store === null) return this.deps.own.service.preview(orderId, request, restoreCoupons, part);
    const row = await this.orOwn(orderId, () => store.read(orderId));
    if (row === 'own') return this.deps.own.service.preview(orderId, request, restoreCoupons, part);
    if (row === null || row.mine) {
      if (row !== null) await this.takeIn(row.order);
      return this.deps.own.service.preview(orderId, request, restoreCoupons, part);
    }
    await this.copyIn(row.order);
    return this.deps.foreign.service.preview(orderId, request, restoreCoupons, part);
  }

  async refund(orderId: string, request: RefundRequest, reason: string, by: By, part?: number): Promise<Order> {
    const store = this.deps.store();
    const own = () => this.deps.own.service.refund(orderId, request, reason, by, part);
    if (store === null) return own();
    let made: Ended | null = null;
    let committed = false;
    const ended = await this.orOwn(orderId, async () => {
      const outcome = await store.locked(orderId, async (row, write) => {
        if (row === null || row.mine) {
          if (row !== null) await this.takeIn(row.order);
          made = await settled(own());
          // Only a row the outbox made: an order not sent yet gets its row from its lines.
          if (row !== null) await write(await this.ownOrder(orderId));
          return made;
        }
        return this.refundForeign(row, write, async () => {
          made = await settled(this.deps.foreign.service.refund(orderId, request, reason, by, part));
          return made;
        });
      });
      committed = true;
      return outcome;
    }).catch((error: unknown): Ended => {
      // The refund stands in this register's books; only the store missed it (the outbox, or the settler, tells it later).
      if (made === null) throw error;
      this.deps.log.warn('refund made; the shared store is told later', { orderId, error });
      return made;
    });
    if (ended === 'own') return own();
    if (committed) await this.wroteForeign(orderId);
    if ('error' in ended) throw ended.error;
    return ended.order;
  }

  /** Confirms and refunds under way on other registers' orders, for a manager to settle when their register is gone. */
  openElsewhere(): Promise<OpenWorkElsewhere[]> {
    const store = this.deps.store();
    if (store === null) return Promise.resolve([]);
    return store.openWorkElsewhere();
  }

  /**
   * A confirm, a refund or a 현금영수증 another register left under way, settled here: Toss is asked
   * about it by its keys (the same payment key and idempotency keys as the register that started
   * it), and the outcome recorded the same way as one made here. A 현금영수증 Toss cannot settle
   * yet is TOSS_UNREACHABLE and the row is left as it was (this register's settler tries again).
   */
  async settleElsewhere(orderId: string): Promise<Order> {
    const store = this.required();
    const ended = await store.locked(orderId, async (row, write) => {
      if (row === null) throw new PosError('ORDER_NOT_FOUND', `no order ${orderId} in the shared store`);
      if (row.mine) throw new PosError('REFUND_INVALID', `order ${orderId} is this register's: its settler settles it`);
      return this.refundForeign(row, write, () => settled(this.settleForeign(orderId)), 'now');
    });
    await this.wroteForeign(orderId);
    if ('error' in ended) throw ended.error;
    return ended.order;
  }

  /**
   * The settler's round: foreign orders whose outcome the store has not been told (settled first
   * under the row's lock), and what other registers did to this register's orders, taken in.
   */
  async settle(): Promise<boolean> {
    const store = this.deps.store();
    if (store === null) return true;
    for (const orderId of this.deps.foreignWrites.list()) {
      // One order Toss cannot settle yet (its 현금영수증, say) holds up none of the others.
      const written = await store
        .locked(orderId, async (row, write) => {
          if (row !== null) await this.copyIn(row.order);
          await this.settleForeign(orderId);
          await this.deps.foreignReceipts.settleOne(orderId);
          await write(await this.foreignOrder(orderId));
        })
        .then(
          () => true,
          (error: unknown) => {
            this.deps.log.warn('foreign order not settled yet', { orderId, error });
            return false;
          },
        );
      if (written) await this.wroteForeign(orderId);
    }
    await this.takeInChanges();
    return this.deps.foreignWrites.list().length === 0;
  }

  /** What other registers did to this register's orders, taken into its books (one round at a time). */
  takeInChanges(): Promise<void> {
    this.takingIn ??= (async () => {
      const store = this.deps.store();
      if (store === null) return;
      for (const change of await store.changesForThisRegister()) {
        await this.takeIn(change.order);
        await store.taken(change);
      }
    })().finally(() => {
      this.takingIn = null;
    });
    return this.takingIn;
  }

  /**
   * Looks for other registers' changes every `everyMs` while the app runs, so the register that
   * made a sale shows its refund within seconds; a round the store does not answer waits for the next.
   */
  follow(everyMs: number): () => void {
    const timer = setInterval(() => void this.takeInChanges().catch(() => undefined), everyMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  /**
   * Another register's order, copied in (or brought up to date), refunded by `refund` (its
   * 현금영수증 cancel sent too), and its document written back whatever the refund came to (done,
   * refused, or its outcome still open): the row's transaction commits either way. `receipts`
   * 'now' (a manager settling the receipt itself): a receipt Toss cannot settle yet fails the
   * whole transaction instead, so the row stays as it was. A document the row already holds is
   * not written again. Done, it is the order as written (its receipt as it then stands).
   */
  private async refundForeign(
    row: SharedOrderRow,
    write: (order: Order) => Promise<void>,
    refund: () => Promise<Ended>,
    receipts: 'later' | 'now' = 'later',
  ): Promise<Ended> {
    const orderId = row.order.orderId;
    await this.copyIn(row.order);
    await this.deps.foreignWrites.add(orderId);
    const outcome = await refund();
    await this.deps.foreignReceipts.settleOne(orderId).catch((error: unknown) => {
      if (receipts === 'now') throw receiptUnsettled(orderId, error);
      this.deps.log.warn('cash receipt cancel left for later', { orderId, error });
    });
    const after = await this.foreignOrder(orderId);
    if (JSON.stringify(after) !== JSON.stringify(row.order)) await write(after);
    return 'error' in outcome ? outcome : { order: after };
  }

  /** A foreign order's confirm and refund under way, asked about again; the order as it then stands. */
  private async settleForeign(orderId: string): Promise<Order> {
    if ((await this.foreignOrder(orderId)).status === 'CONFIRMING')
      await this.deps.foreignConfirms.settleUnknown(orderId);
    await this.deps.foreign.service.settleOne(orderId);
    return this.foreignOrder(orderId);
  }

  /** The store has the foreign order as it stands: it leaves the list unless work on it is still open. */
  private async wroteForeign(orderId: string): Promise<void> {
    if ((await this.deps.foreign.orders.get(orderId))?.status === 'CONFIRMING') return;
    if (this.deps.foreign.openRefunds.list().includes(orderId)) return;
    if (this.deps.foreignReceipts.open.list().includes(orderId)) return;
    await this.deps.foreignWrites.remove(orderId);
  }

  private async ownOrder(orderId: string): Promise<Order> {
    const order = await this.deps.own.orders.get(orderId);
    if (order === null) throw new PosError('ORDER_NOT_FOUND', `no order ${orderId}`);
    return order;
  }

  private async foreignOrder(orderId: string): Promise<Order> {
    const order = await this.deps.foreign.orders.get(orderId);
    if (order === null) throw new PosError('ORDER_NOT_FOUND', `no order ${orderId}`);
    return order;
  }

  /** The store's copy of another register's order into the foreign book, or what it adds to the copy already there. */
  private async copyIn(order: Order): Promise<void> {
    const { foreign } = this.deps;
    await foreign.locks.run(order.orderId, async () => {
      if ((await foreign.orders.get(order.orderId)) === null) await this.foreignLifecycle.adopt(order);
    });
    await this.takeIn(order, foreign, this.foreignLifecycle);
  }

  /** What another register refunded of an order, taken into a book (this register's own by default) through its journal. */
  private async takeIn(
    there: Order,
    over: RefundsOver = this.deps.own,
    lifecycle: OrderLifecycle = this.ownLifecycle,
  ): Promise<void> {
    await over.locks.run(there.orderId, async () => {
      const here = await over.orders.get(there.orderId);
      if (here === null || !refundsToTake(here, there)) return;
      const taken = await lifecycle.takeRefundsFrom(there.orderId, seoulIso(this.deps.now()), there);
      if (over === this.deps.own) await this.deps.receiptTakenIn?.(taken);
      this.deps.log.info('refunds made at another register taken in', { orderId: there.orderId });
    });
  }

  /**
   * Reaches the store for `work`. Down, this register's own order (one its books have) is
   * refunded as always ('own'): Toss refuses an over-refund anyway. Another register's is refused.
   */
  private async orOwn<T>(orderId: string, work: () => Promise<T>): Promise<T | 'own'> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof PosError) || error.code !== 'REFUND_STORE_OFFLINE') throw error;
      if ((await this.deps.own.orders.get(orderId)) !== null) return 'own';
      throw error;
    }
  }

  private required(): SharedOrders {
    const store = this.deps.store();
    if (store === null) throw new PosError('REFUND_STORE_OFFLINE', 'no shared store is set up');
    return store;
  }
}

/** Toss could not say (or do) what became of another register's 현금영수증: the manager tries again later. */
function receiptUnsettled(orderId: string, error: unknown): unknown {
  if (!(error instanceof TossUnreachableError || error instanceof TossApiError)) return error;
  return new PosError('TOSS_UNREACHABLE', `the cash receipt of ${orderId} is not settled with Toss: ${error.message}`, {
    retryable: true,
  });
}
