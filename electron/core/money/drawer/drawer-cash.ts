import { dayAfter } from '../../../../shared/domain/day-close';
import { cashOfOrders, datesOf, type CashInSpan, type Span } from '../../../../shared/domain/drawer-takings';
import type { Order } from '../../../../shared/domain/order';
import { seoulDay } from '../../../../shared/domain/time';
import type { OrderBook } from '../../orders/order-book';

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
  const sold: Order[] = [];
  for (const day of days) sold.push(...(await orders.ordersOfDay(day)));
  return cashOfOrders(sold, await orders.refundedOn(dates), span);
}
