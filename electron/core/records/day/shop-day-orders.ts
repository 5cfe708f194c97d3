import { dayAfter } from '../../../../shared/domain/day-close';
import type { HistorySource } from '../../../../shared/domain/history';
import type { Order } from '../../../../shared/domain/order';
import type { Logger } from '../../platform/log/logger';
import type { OrderBook } from '../../orders/order-book';
import { ShopStoreUnavailable, type ShopReader } from '../../orders/shop-order-reader';

/** What a business day's figures are made of: its orders, and every order with a refund asked for during it or the evening before. */
export interface DayOrders {
  dayOrders: Order[];
  refunded: Order[];
  /** In a shop of several registers: every register's orders, or this register's only (the store did not answer). */
  source?: HistorySource;
}

export interface ShopDayDeps {
  orders: OrderBook;
  /** The whole shop's orders on the shared store (the live books only; null without one). */
  shop?: () => ShopReader | null;
  log?: Logger;
}

async function ownOrders(orders: OrderBook, day: string): Promise<Omit<DayOrders, 'source'>> {
  const dayOrders = (await orders.businessDays()).includes(day) ? await orders.ordersOfDay(day) : [];
  // A day's window starts at midnight, or the evening before if that day closed early.
  return { dayOrders, refunded: await orders.refundedOn([dayAfter(day, -1), day]) };
}

/**
 * The shop's orders of a business day, for its figures, its report and its CSV (and the shop's
 * close): this register's from its own book (exact, even what the outbox has not sent yet), the
 * other registers' from the shared store. While the store does not answer, this register's only,
 * and it says so; without a store (or in training), this register's, saying nothing.
 */
export async function shopDayOrders(deps: ShopDayDeps, day: string): Promise<DayOrders> {
  const own = await ownOrders(deps.orders, day);
  const shop = deps.shop?.() ?? null;
  if (shop === null) return own;
  try {
    const except = shop.register.id;
    const theirs: Order[] = [];
    for await (const found of shop.orders.walkDay(day, except, null)) theirs.push(found.order);
    const refunded = await shop.orders.refundedOn([dayAfter(day, -1), day], except);
    // An order this register's book holds too (one it refunded for another register) is counted once, from the book.
    const held = new Set([...own.dayOrders, ...own.refunded].map((order) => order.orderId));
    return {
      dayOrders: [...own.dayOrders, ...theirs.filter((order) => !held.has(order.orderId))],
      refunded: [...own.refunded, ...refunded.map((found) => found.order).filter((order) => !held.has(order.orderId))],
      source: 'shop',
    };
  } catch (error) {
    if (!(error instanceof ShopStoreUnavailable)) throw error;
    deps.log?.warn('day figures: the shared store did not answer; this register’s own orders are counted', {
      error: error.message,
    });
    return { ...own, source: 'this-register' };
  }
}
