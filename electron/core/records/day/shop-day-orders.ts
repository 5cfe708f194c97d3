import { dayAfter } from '../../../../shared/domain/day-close';
import type { HistorySource } from '../../../../shared/domain/history';
import type { Order } from '../../../../shared/domain/order';
import type { Logger } from '../../platform/log/logger';
import type { OrderBook } from '../../orders/order-book';
import {
  ShopStoreUnavailable,
  type ShopOrder,
  type ShopOrderReader,
  type ShopReader,
} from '../../orders/shop-order-reader';

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
 * The other registers' orders of a business day, and theirs with a refund asked for on one of
 * `refundDates` (by default the day's window: during it or the evening before, whatever day they
 * were sold), as the shop's store has them.
 */
export async function othersOfDay(
  orders: ShopOrderReader,
  day: string,
  except: string,
  refundDates: readonly string[] = [dayAfter(day, -1), day],
): Promise<{ dayOrders: ShopOrder[]; refunded: ShopOrder[] }> {
  const dayOrders: ShopOrder[] = [];
  for await (const found of orders.walkDay(day, except, null)) dayOrders.push(found);
  return { dayOrders, refunded: await orders.refundedOn(refundDates, except) };
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
    const theirs = await othersOfDay(shop.orders, day, shop.register.id);
    // An order this register's book holds too (one it refunded for another register) is counted once, from the book.
    const held = new Set([...own.dayOrders, ...own.refunded].map((order) => order.orderId));
    const notHeld = (found: readonly ShopOrder[]) =>
      found.map((one) => one.order).filter((order) => !held.has(order.orderId));
    return {
      dayOrders: [...own.dayOrders, ...notHeld(theirs.dayOrders)],
      refunded: [...own.refunded, ...notHeld(theirs.refunded)],
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
