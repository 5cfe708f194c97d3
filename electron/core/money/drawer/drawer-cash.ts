import { dayAfter } from '../../../../shared/domain/day-close';
import { sumWon, type Won } from '../../../../shared/domain/money';
import type { Order } from '../../../../shared/domain/order';
import type { RefundEntry } from '../../../../shared/domain/refunds';
import { seoulDay } from '../../../../shared/domain/time';
import type { OrderBook } from '../../orders/order-book';

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

/** The calendar days (Seoul) from one instant's to another's. */
function datesOf(span: Span): string[] {
  const dates: string[] = [];
  const last = seoulDay(new Date(span.until));
  for (let date = seoulDay(new Date(span.from)); date <= last; date = dayAfter(date)) dates.push(date);
  return dates;
}

/**
 * The cash sales and cash refunds the order books hold for a span of time. A sale is counted
 * when it was paid (not when it was rung up), a refund when it was asked for, whatever day its
 * sale belongs to.
 */
export async function cashInSpan(orders: OrderBook, span: Span): Promise<CashInSpan> {
  const dates = datesOf(span);
  // An order paid in the span belongs to one of its dates, or to the next day after an evening close.
  const first = dates[0] ?? seoulDay(new Date(span.from));
  const days = await orders.daysBetween(first, dayAfter(dates[dates.length - 1] ?? first));
  let sales = 0;
  let saleCount = 0;
  for (const day of days) {
    for (const order of await orders.ordersOfDay(day)) {
      const taken = cashTaken(order, span);
      if (taken === 0) continue;
      sales = sumWon([sales, taken]);
      saleCount += 1;
    }
  }
  let refunds = 0;
  const seen = new Set<string>();
  for (const order of await orders.refundedOn(dates)) {
    if (seen.has(order.orderId)) continue;
    seen.add(order.orderId);
    for (const refund of order.refunds)
      if (refund.status !== 'FAILED' && paidBackInCash(order, refund) && inSpan(refund.requestedAt, span))
        refunds = sumWon([refunds, refund.amount]);
  }
  return { sales, saleCount, refunds };
}
