import type { Order } from '../../../../shared/domain/order';
import type { OrderBook } from '../../orders/order-book';

/** How many of the business day's receipts the register lists for a cashier to reprint. */
export const RECENT_RECEIPTS = 20;

/**
 * The receipts a cashier may print again: the current business day's paid orders, newest first,
 * found in the index and read from their own journal lines.
 */
export class RecentReceipts {
  constructor(
    private readonly deps: {
      orders: OrderBook;
      /** The business day sales are rung up in now (after an evening close, the next one). */
      today: () => Promise<string>;
    },
  ) {}

  async list(): Promise<Order[]> {
    const day = await this.deps.today();
    const paid = (await this.deps.orders.digestsOfDay(day))
      .filter((digest) => digest.orderStatus === 'PAID')
      .slice(0, RECENT_RECEIPTS);
    // Each from its own line: reading the day whole would keep it in memory, and every sale after it.
    const orders = await Promise.all(paid.map((digest) => this.deps.orders.get(digest.orderId)));
    return orders.flatMap((order) => (order === null ? [] : [order]));
  }
}
