import { historyStatusOf, type HistoryFilter, type HistoryRow } from '../../../../shared/domain/history';
import { CASH_METHOD } from '../../../../shared/domain/cash';
import { couponCodesOf, type Order, type OrderStatus } from '../../../../shared/domain/order';
import { cashTenderOf, isSplit, paidParts, partMethod, takingsByMethod } from '../../../../shared/domain/payment-parts';
import { refundedAmount } from '../../../../shared/domain/refunds';
import { seoulDay } from '../../../../shared/domain/time';
import { withinTimeOfDay } from '../../../../shared/domain/time-of-day';

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
  /**
   * An order paid in parts: what it took and gave back by each method its paid parts used (the
   * list filters and totals count it under each). Absent for an order paid by one tender (and in
   * rows written before split payment, which had none).
   */
  tenders?: Tender[];
  /** An order paid in parts: each card part's approval number (`approveNo` is the first's), so either slip finds it. */
  approveNos?: string[];
}

/** The approval numbers an order is found by. */
export function approvalsOf(digest: Pick<OrderDigest, 'approveNo' | 'approveNos'>): string[] {
  return digest.approveNos ?? (digest.approveNo === null ? [] : [digest.approveNo]);
}

/** What an order paid in parts took by one method, and what refunds gave back of it. */
export interface Tender {
  method: string;
  paid: number;
  refunded: number;
}

function tendersOf(order: Order): Tender[] {
  return takingsByMethod(order).map(({ method, amount }) => ({
    method,
    paid: amount,
    refunded: refundedAmount(
      order.refunds.filter((refund) => {
        const part = order.parts.find((p) => p.part === refund.part);
        return part !== undefined && partMethod(part) === method;
      }),
    ),
  }));
}

/** The card payments of an order's paid parts, in the order they were paid: the first is the one history shows. */
function partCards(order: Order) {
  return paidParts(order).flatMap((part) => (part.payment === null ? [] : [part.payment]));
}

export function digestOf(order: Order): OrderDigest {
  const tenders = isSplit(order) ? tendersOf(order) : undefined;
  const cards = isSplit(order) ? partCards(order) : null;
  const card = cards === null ? order.payment : (cards[0] ?? null);
  const approveNos = cards?.flatMap((c) => (c.approveNo === null ? [] : [c.approveNo]));
  return {
    orderId: order.orderId,
    businessDay: order.businessDay,
    createdAt: order.createdAt,
    status: historyStatusOf(order),
    training: order.training,
    orderName: order.orderName,
    amount: order.amount,
    refunded: refundedAmount(order.refunds),
    method:
      tenders === undefined
        ? (order.payment?.method ?? (order.cash ? CASH_METHOD : null))
        : tenders.map((tender) => tender.method).join('+') || null,
    approveNo: card?.approveNo ?? null,
    cardNumber: card?.cardNumber ?? null,
    callNumber: order.callNumber,
    cashier: order.cashier ?? null,
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
    ...(tenders === undefined ? {} : { tenders }),
    ...(approveNos === undefined || approveNos.length === 0 ? {} : { approveNos }),
    ...(cashReceiptFailed(order) ? { cashReceiptFailed: true as const } : {}),
  };
}

/** The tax office refused the order's 현금영수증 and it was not issued again: history marks the row. */
function cashReceiptFailed(order: Order): boolean {
  const receipt = cashTenderOf(order)?.cashReceipt;
  return receipt?.status === 'FAILED' && receipt.issueStatus === 'FAILED';
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
    cashReceiptFailed,
    cashier,
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
    ...(cashReceiptFailed ? { cashReceiptFailed } : {}),
    // Orders rung up before sign-in have no cashier, and their rows say nothing of one.
    ...(cashier ? { cashier } : {}),
  };
}

/** Whether a search term names this order: its id, its approval number, digits of its card, or part of a product's name. */
export function matchesSearch(digest: OrderDigest, search: string): boolean {
  const term = search.trim().toLowerCase();
  if (digest.orderId.toLowerCase().includes(term)) return true;
  if (approvalsOf(digest).includes(term)) return true;
  if (/^\d{3,}$/.test(term) && digest.cardNumber !== null && digest.cardNumber.includes(term)) return true;
  return digest.names.includes(term);
}

/** The method words an order is found under: each of its tenders' for an order paid in parts, else its one. */
export function methodsOf(digest: OrderDigest): string[] {
  return digest.tenders?.map((tender) => tender.method) ?? [digest.method ?? 'none'];
}

/** Whether an order is in the filter (its range is the caller's: it decides which days are read). */
export function inFilter(digest: OrderDigest, filter: HistoryFilter): boolean {
  if (filter.status !== undefined && digest.status !== filter.status) return false;
  if (filter.training !== undefined && digest.training !== filter.training) return false;
  if (filter.method !== undefined && !methodsOf(digest).includes(filter.method)) return false;
  if (filter.minAmount !== undefined && digest.amount < filter.minAmount) return false;
  if (filter.maxAmount !== undefined && digest.amount > filter.maxAmount) return false;
  if (!withinTimeOfDay(digest.createdAt, filter.fromTime, filter.toTime)) return false;
  if (filter.cashierId !== undefined && digest.cashier?.id !== filter.cashierId) return false;
  return filter.search === undefined || matchesSearch(digest, filter.search);
}
