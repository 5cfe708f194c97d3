import { dayAfter } from '../../../../shared/domain/day-close';
import type { ShopDayStore } from '../../orders/shared-store/shop-day-store';
import type { ShopReader } from '../../orders/shop-order-reader';

/** What the shop's store says of a month's days, read in three queries whatever the month's length. */
export interface ShopMonthFacts {
  /** The shop's closes among the days: each day's report as the register that closed it kept it. */
  closes: Map<string, unknown>;
  /** The days another register sold on, or may count a refund on: the only open days the store is read again for. */
  othersBusy: Set<string>;
}

/** Reads the shop's closes of `days` (consecutive, oldest first) and which of them the other registers were busy on. */
export async function readShopMonth(
  store: ShopDayStore,
  shop: ShopReader,
  days: readonly string[],
): Promise<ShopMonthFacts> {
  const from = days[0];
  const to = days[days.length - 1];
  if (from === undefined || to === undefined) return { closes: new Map(), othersBusy: new Set() };
  const except = shop.register.id;
  const [closes, sold, refunded] = await Promise.all([
    store.closesBetween(from, to),
    shop.orders.daysBetween(from, to, except),
    shop.orders.refundedOn([dayAfter(from, -1), ...days], except),
  ]);
  const othersBusy = new Set(sold);
  // A refund counts in its date's window, or the next day's when its date closed early; `requestedAt` is Seoul time.
  for (const { order } of refunded)
    for (const refund of order.refunds) {
      const date = refund.requestedAt.slice(0, 10);
      othersBusy.add(date);
      othersBusy.add(dayAfter(date, 1));
    }
  return { closes, othersBusy };
}
