import { CASH_METHOD } from '../../../../shared/domain/cash';
import type { DayFigures, FigureLine } from '../../../../shared/domain/day-close';
import { sumWon } from '../../../../shared/domain/money';
import type { Order } from '../../../../shared/domain/order';
import {
  isSplit,
  paidParts,
  partMethod,
  partsPaid,
  refundPayment,
  takingsByMethod,
} from '../../../../shared/domain/payment-parts';
import type { RefundEntry } from '../../../../shared/domain/refunds';
import { seoulIso } from '../../../../shared/domain/time';
import { inWindow } from '../../orders/days/business-day';
import { dayTaxFigures } from './day-tax-figures';

/** One option as a day sold it with a product: its name then, and how many in all. */
interface OptionSold {
  name: string;
  count: number;
}

/** How many best sellers the day shows. */
export const TOP_PRODUCTS = 10;

/** The method word an order is counted under: Toss's, 현금 for cash, or 'none' when discounts paid it all. */
export function methodOf(order: Order): string {
  return order.payment?.method ?? (order.cash !== null ? CASH_METHOD : 'none');
}

/** What a paid order took, by method word: its one tender, or each method its parts were paid by. */
function takings(order: Order): Array<{ method: string; amount: number }> {
  return isSplit(order) ? takingsByMethod(order) : [{ method: methodOf(order), amount: order.amount }];
}

/** What a paid order took by card company: its card payment, or its card parts' by their issuers. */
function cardTakings(order: Order): Array<{ issuerCode: string | null; amount: number }> {
  if (!isSplit(order))
    return order.payment === null ? [] : [{ issuerCode: order.payment.issuerCode, amount: order.amount }];
  const byIssuer = new Map<string | null, number>();
  for (const part of paidParts(order))
    if (part.payment !== null)
      byIssuer.set(part.payment.issuerCode, sumWon([byIssuer.get(part.payment.issuerCode) ?? 0, part.amount]));
  return [...byIssuer].map(([issuerCode, amount]) => ({ issuerCode, amount }));
}

/** The method word a refund is counted under: the order's, or that of the part it went back to. */
function refundMethod(order: Order, refund: RefundEntry): string {
  const part = refund.part === undefined ? undefined : order.parts.find((p) => p.part === refund.part);
  return part ? partMethod(part) : methodOf(order);
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
 * A `practice` day (the training books' rehearsal of a close) counts its training orders as if real.
 */
export function dayFigures(
  day: string,
  window: { from: string; until: string },
  dayOrders: readonly Order[],
  refunded: readonly Order[],
  practice = false,
): DayFigures {
  const counted = (order: Order) => practice || !order.training;
  const paid = dayOrders.filter((order) => counted(order) && order.status === 'PAID');
  const byMethod = new Lines<string>();
  const byCompany = new Lines<string | null>();
  const byHour = Array.from({ length: 24 }, (_, hour) => ({ hour, orders: 0, sales: 0 }));
  // A product counts as itself whatever its options ("카페라테 40잔", not eight kinds of latte
  // crowding the top ten); what its units were sold with is kept beside it, option by option.
  const products = new Map<
    string,
    {
      productId: string;
      name: string;
      quantity: number;
      amount: number;
      /** By group (in the order sold), then by option. */
      options: Map<string, Map<string, OptionSold>>;
    }
  >();
  let couponDiscounts = 0;
  let manualDiscounts = 0;
  for (const order of paid) {
    // An order paid in parts counts under each method it was paid by, for what it took by that method.
    for (const taken of takings(order)) byMethod.sale(taken.method, taken.amount);
    for (const taken of cardTakings(order)) byCompany.sale(taken.issuerCode, taken.amount);
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
        options: new Map<string, Map<string, OptionSold>>(),
      };
      product.quantity += line.quantity;
      product.amount = sumWon([product.amount, line.lineTotal - line.discount]);
      for (const option of line.options) {
        const group = product.options.get(option.groupId) ?? new Map<string, OptionSold>();
        const sold = group.get(option.optionId) ?? { name: option.name, count: 0 };
        sold.count += option.count * line.quantity;
        group.set(option.optionId, sold);
        product.options.set(option.groupId, group);
      }
      products.set(line.productId, product);
    }
  }
  let refundCount = 0;
  let refundAmount = 0;
  let refunding = 0;
  const countedRefunds: Array<{ order: Order; refund: RefundEntry }> = [];
  const seen = new Set<string>();
  for (const order of refunded) {
    if (!counted(order) || seen.has(order.orderId)) continue;
    seen.add(order.orderId);
    for (const refund of refundsIn(order, window)) {
      if (refund.status === 'REFUNDING') refunding += 1;
      // The paid parts of an order never paid in full went back without the sale ever counting: neither counts.
      if (order.status !== 'PAID') continue;
      refundCount += 1;
      refundAmount = sumWon([refundAmount, refund.amount]);
      countedRefunds.push({ order, refund });
      byMethod.refund(refundMethod(order, refund), refund.amount);
      const card = refundPayment(order, refund);
      if (card !== null) byCompany.refund(card.issuerCode, refund.amount);
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
      .slice(0, TOP_PRODUCTS)
      .map((product) => ({
        ...product,
        // Group by group as the product offers them (HOT ×30 · ICE ×10 · 레귤러 ×32 …), the most sold first in each.
        options: [...product.options.values()].flatMap((group) =>
          [...group.values()].sort((a, b) => b.count - a.count),
        ),
      })),
    unsettled: {
      payments: dayOrders.filter((order) => counted(order) && order.status === 'CONFIRMING').length,
      refunds: refunding,
      partlyPaid: dayOrders.filter(
        (order) =>
          counted(order) && (order.status === 'PENDING' || order.status === 'CONFIRMING') && partsPaid(order) > 0,
      ).length,
    },
    trainingOrders: dayOrders.filter((order) => !counted(order) && order.status === 'PAID').length,
    practice,
    taxes: dayTaxFigures(paid, countedRefunds),
  };
}
