import type { Order } from '../../../../shared/domain/order';
import type { OrderBook } from '../../orders/order-book';

/** How many of the business day's receipts the register lists for a cashier to reprint. */
export const RECENT_RECEIPTS = 20;

/**
 * The receipts a cashier may print again: the current business day's paid orders, newest first,
 * read from the index (the day's journal is read once, only for the orders listed).
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
    if (paid.length === 0) return [];
    const orders = new Map((await this.deps.orders.ordersOfDay(day)).map((order) => [order.orderId, order]));
    return paid.flatMap((digest) => orders.get(digest.orderId) ?? []);
  }
}
