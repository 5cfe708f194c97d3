import { dayAfter } from './day-close';
import { sumWon, type Won } from './money';
import type { Order } from './order';
import type { RefundEntry } from './refunds';
import type { DrawerShift, DrawerShiftView, takingsOf } from './drawer';
import { seoulDay } from './time';

/** What went through the drawer in cash over a span, by the order books. */
export interface CashInSpan {
  sales: Won;
  saleCount: number;
  refunds: Won;
}

/**
 * A span of time, both ends taken to the whole second: the books stamp payments to the second,
 * so a sale paid in the very second a shift opened or closed is counted in it.
 */
export interface Span {
  from: string;
  until: string;
}

/** The calendar days (Seoul) from a span's start to its end: the days a refund asked for in it was made on. */
export function datesOf(span: Span): string[] {
  const dates: string[] = [];
  const last = seoulDay(new Date(span.until));
  for (let date = seoulDay(new Date(span.from)); date <= last; date = dayAfter(date)) dates.push(date);
  return dates;
}

function seconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}

function inSpan(at: string, span: Span): boolean {
  const time = seconds(at);
  return time >= seconds(span.from) && time <= seconds(span.until);
}

/** The cash an order took at the counter within the span: the whole order in cash, or its cash part. */
function cashTaken(order: Order, span: Span): Won {
  if (order.cash !== null && order.status === 'PAID') return inSpan(order.cash.paidAt, span) ? order.amount : 0;
  return sumWon(
    order.parts
      .filter((part) => part.method === 'cash' && part.status === 'PAID' && part.cash !== null)
      .filter((part) => inSpan(part.cash?.paidAt ?? '', span))
      .map((part) => part.amount),
  );
}

/** Whether a refund was handed back in cash: the order's cash tender, or the cash part it went back to. */
function paidBackInCash(order: Order, refund: RefundEntry): boolean {
  if (refund.part === undefined) return order.cash !== null;
  return order.parts.some((part) => part.part === refund.part && part.method === 'cash');
}

/** The cash sales of `orders` and the cash refunds of `refunded` that fall in the span (an order listed twice counts once). */
export function cashOfOrders(orders: Iterable<Order>, refunded: Iterable<Order>, span: Span): CashInSpan {
  let sales = 0;
  let saleCount = 0;
  for (const order of orders) {
    const taken = cashTaken(order, span);
    if (taken === 0) continue;
    sales = sumWon([sales, taken]);
    saleCount += 1;
  }
  let refunds = 0;
  const seen = new Set<string>();
  for (const order of refunded) {
    if (seen.has(order.orderId)) continue;
    seen.add(order.orderId);
    for (const refund of order.refunds)
      if (refund.status !== 'FAILED' && paidBackInCash(order, refund) && inSpan(refund.requestedAt, span))
        refunds = sumWon([refunds, refund.amount]);
  }
  return { sales, saleCount, refunds };
}

/** A shift as the screens and reports show it, with its takings: as its close kept them, or `now` while it is open. */
export function shiftView(shift: DrawerShift, now: ReturnType<typeof takingsOf>): DrawerShiftView {
  return {
    shiftId: shift.shiftId,
    openedAt: shift.openedAt,
    openedBy: shift.openedBy,
    floatTotal: shift.floatTotal,
    movements: shift.movements,
    takings: shift.close?.takings ?? now,
    closedAt: shift.close?.at ?? null,
    closedBy: shift.close?.by ?? null,
    counted: shift.close?.countedTotal ?? null,
    overShort: shift.close?.overShort ?? null,
  };
}
