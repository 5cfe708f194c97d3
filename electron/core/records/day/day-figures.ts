import { CASH_METHOD } from '../../../../shared/domain/cash';
import type { DayFigures, FigureLine } from '../../../../shared/domain/day-close';
import { sumWon } from '../../../../shared/domain/money';
import type { Order } from '../../../../shared/domain/order';
import type { RefundEntry } from '../../../../shared/domain/refunds';
import { seoulIso } from '../../../../shared/domain/time';
import { inWindow } from '../../orders/days/business-day';

/** How many best sellers the day shows. */
export const TOP_PRODUCTS = 10;

/** The method word an order is counted under: Toss's, 현금 for cash, or 'none' when discounts paid it all. */
export function methodOf(order: Order): string {
  return order.payment?.method ?? (order.cash !== null ? CASH_METHOD : 'none');
}

/** A refund that took (or is taking) money back and was asked for within the window. */
export function refundsIn(order: Order, window: { from: string; until: string }): RefundEntry[] {
  return order.refunds.filter((refund) => refund.status !== 'FAILED' && inWindow(refund.requestedAt, window));
}

function hourOf(iso: string): number {
  return Number(seoulIso(new Date(iso)).slice(11, 13));
}

class Lines<K> {
  private readonly lines = new Map<K, { orders: number; sales: number; refunds: number }>();

  private line(key: K) {
    let line = this.lines.get(key);
    if (line === undefined) {
      line = { orders: 0, sales: 0, refunds: 0 };
      this.lines.set(key, line);
    }
    return line;
  }

  sale(key: K, amount: number): void {
    const line = this.line(key);
    line.orders += 1;
    line.sales = sumWon([line.sales, amount]);
  }

  refund(key: K, amount: number): void {
    const line = this.line(key);
    line.refunds = sumWon([line.refunds, amount]);
  }

  /** Largest sales first. */
  list(): Array<FigureLine & { key: K }> {
    return [...this.lines]
      .map(([key, line]) => ({ key, ...line, net: line.sales - line.refunds }))
      .sort((a, b) => b.sales - a.sales || b.refunds - a.refunds);
  }
}

/**
 * A business day in figures. `dayOrders` are the orders whose business day it is (any status,
 * training too); `refunded` are orders of any day with refunds asked for in the day's window.
 * Sales count the day's real paid orders; refunds count what was refunded during the day.
 */
export function dayFigures(
  day: string,
  window: { from: string; until: string },
  dayOrders: readonly Order[],
  refunded: readonly Order[],
): DayFigures {
  const paid = dayOrders.filter((order) => !order.training && order.status === 'PAID');
  const byMethod = new Lines<string>();
  const byCompany = new Lines<string | null>();
  const byHour = Array.from({ length: 24 }, (_, hour) => ({ hour, orders: 0, sales: 0 }));
  const products = new Map<string, { productId: string; name: string; quantity: number; amount: number }>();
  let couponDiscounts = 0;
  let manualDiscounts = 0;
  for (const order of paid) {
    byMethod.sale(methodOf(order), order.amount);
    if (order.payment !== null) byCompany.sale(order.payment.issuerCode, order.amount);
    const hour = byHour[hourOf(order.createdAt)];
    if (hour !== undefined) {
      hour.orders += 1;
      hour.sales = sumWon([hour.sales, order.amount]);
    }
    for (const discount of order.discounts) {
      if (discount.source === 'coupon') couponDiscounts = sumWon([couponDiscounts, discount.amount]);
      else manualDiscounts = sumWon([manualDiscounts, discount.amount]);
    }
    for (const line of order.lines) {
      const product = products.get(line.productId) ?? {
        productId: line.productId,
        name: line.name,
        quantity: 0,
        amount: 0,
      };
      product.quantity += line.quantity;
      product.amount = sumWon([product.amount, line.lineTotal - line.discount]);
      products.set(line.productId, product);
    }
  }
  let refundCount = 0;
  let refundAmount = 0;
  let refunding = 0;
  const seen = new Set<string>();
  for (const order of refunded) {
    if (order.training || seen.has(order.orderId)) continue;
    seen.add(order.orderId);
    for (const refund of refundsIn(order, window)) {
      refundCount += 1;
      refundAmount = sumWon([refundAmount, refund.amount]);
      if (refund.status === 'REFUNDING') refunding += 1;
      byMethod.refund(methodOf(order), refund.amount);
      if (order.payment !== null) byCompany.refund(order.payment.issuerCode, refund.amount);
    }
  }
  const sales = sumWon(paid.map((order) => order.amount));
  return {
    day,
    window,
    gross: sumWon(paid.flatMap((order) => order.lines.map((line) => line.lineTotal))),
    couponDiscounts,
    manualDiscounts,
    sales,
    orders: paid.length,
    refunds: { count: refundCount, amount: refundAmount },
    net: sales - refundAmount,
    byMethod: byMethod.list().map(({ key, ...line }) => ({ method: key, ...line })),
    byCardCompany: byCompany.list().map(({ key, ...line }) => ({ issuerCode: key, ...line })),
    byHour,
    topProducts: [...products.values()]
      .sort((a, b) => b.amount - a.amount || b.quantity - a.quantity)
      .slice(0, TOP_PRODUCTS),
    unsettled: {
      payments: dayOrders.filter((order) => !order.training && order.status === 'CONFIRMING').length,
      refunds: refunding,
      partlyPaid: dayOrders.filter(
        (order) => !order.training && order.status !== 'PAID' && order.parts.some((part) => part.status === 'PAID'),
      ).length,
    },
    trainingOrders: dayOrders.filter((order) => order.training && order.status === 'PAID').length,
  };
}
