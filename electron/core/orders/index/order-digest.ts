import { historyStatusOf, type HistoryFilter, type HistoryRow } from '../../../../shared/domain/history';
import { CASH_METHOD } from '../../../../shared/domain/cash';
import { couponCodesOf, type Order, type OrderStatus } from '../../../../shared/domain/order';
import { refundedAmount } from '../../../../shared/domain/refunds';
import { seoulDay } from '../../../../shared/domain/time';

/**
 * An order as history lists and searches it: its row, its product names (lower case) to search,
 * and what start-up looks for (its own status, the coupons it holds) without reading the order.
 */
export interface OrderDigest extends HistoryRow {
  names: string;
  orderStatus: OrderStatus;
  couponCodes: string[];
  /** The Seoul dates its refunds were asked for (failed ones left out): the day close finds a day's refunds of older sales by them. */
  refundDays: string[];
}

export function digestOf(order: Order): OrderDigest {
  return {
    orderId: order.orderId,
    businessDay: order.businessDay,
    createdAt: order.createdAt,
    status: historyStatusOf(order),
    training: order.training,
    orderName: order.orderName,
    amount: order.amount,
    refunded: refundedAmount(order.refunds),
    method: order.payment?.method ?? (order.cash ? CASH_METHOD : null),
    approveNo: order.payment?.approveNo ?? null,
    cardNumber: order.payment?.cardNumber ?? null,
    callNumber: order.callNumber,
    names: order.lines.map((line) => line.name.toLowerCase()).join('\n'),
    orderStatus: order.status,
    couponCodes: couponCodesOf(order),
    refundDays: [
      ...new Set(
        order.refunds
          .filter((refund) => refund.status !== 'FAILED')
          .map((refund) => seoulDay(new Date(refund.requestedAt))),
      ),
    ].sort(),
  };
}

/** The row the list shows: the digest without what only main uses (names to search, where the line is). */
export function rowOf(digest: OrderDigest): HistoryRow {
  const {
    orderId,
    businessDay,
    createdAt,
    status,
    training,
    orderName,
    amount,
    refunded,
    method,
    approveNo,
    cardNumber,
    callNumber,
  } = digest;
  return {
    orderId,
    businessDay,
    createdAt,
    status,
    training,
    orderName,
    amount,
    refunded,
    method,
    approveNo,
    cardNumber,
    callNumber,
  };
}

/** Whether a search term names this order: its id, its approval number, digits of its card, or part of a product's name. */
export function matchesSearch(digest: OrderDigest, search: string): boolean {
  const term = search.trim().toLowerCase();
  if (digest.orderId.toLowerCase().includes(term)) return true;
  if (digest.approveNo !== null && digest.approveNo === term) return true;
  if (/^\d{3,}$/.test(term) && digest.cardNumber !== null && digest.cardNumber.includes(term)) return true;
  return digest.names.includes(term);
}

/** Whether an order is in the filter (its range is the caller's: it decides which days are read). */
export function inFilter(digest: OrderDigest, filter: HistoryFilter): boolean {
  if (filter.status !== undefined && digest.status !== filter.status) return false;
  if (filter.training !== undefined && digest.training !== filter.training) return false;
  if (filter.method !== undefined && (digest.method ?? 'none') !== filter.method) return false;
  if (filter.minAmount !== undefined && digest.amount < filter.minAmount) return false;
  if (filter.maxAmount !== undefined && digest.amount > filter.maxAmount) return false;
  return filter.search === undefined || matchesSearch(digest, filter.search);
}
