import { tossError, type TossError } from './errors';
import type { PaymentStatus, TossPayment } from './payment-object';

/** One entry of `GET /v1/transactions`: an approval or a cancel, as Toss lists them (toss-api.md, "Transactions"). */
export interface TossTransaction {
  mId: string;
  transactionKey: string;
  paymentKey: string;
  orderId: string;
  method: string;
  customerKey: string | null;
  useEscrow: boolean;
  receiptUrl: string;
  /** The payment's status once this transaction was made: DONE for the approval, PARTIAL_CANCELED or CANCELED for a cancel. */
  status: PaymentStatus;
  transactionAt: string;
  currency: 'KRW';
  amount: number;
}

export const DEFAULT_TRANSACTIONS_LIMIT = 100;
export const MAX_TRANSACTIONS_LIMIT = 5000;

/** An approved payment and the key of its approval (its later cancels each have their own). */
export interface ApprovedPayment {
  payment: TossPayment;
  approvalKey: string;
}

/** A payment's transactions: its approval, then each cancel with the status it left the payment in. */
function transactionsOf({ payment, approvalKey }: ApprovedPayment): TossTransaction[] {
  const base = {
    mId: payment.mId,
    paymentKey: payment.paymentKey,
    orderId: payment.orderId,
    method: payment.method,
    customerKey: null,
    useEscrow: payment.useEscrow,
    receiptUrl: payment.receipt.url,
    currency: payment.currency,
  };
  const found: TossTransaction[] = [
    {
      ...base,
      transactionKey: approvalKey,
      status: 'DONE',
      transactionAt: payment.approvedAt ?? payment.requestedAt,
      amount: payment.totalAmount,
    },
  ];
  for (const cancel of payment.cancels ?? []) {
    found.push({
      ...base,
      transactionKey: cancel.transactionKey,
      status: cancel.refundableAmount === 0 ? 'CANCELED' : 'PARTIAL_CANCELED',
      transactionAt: cancel.canceledAt,
      amount: cancel.cancelAmount,
    });
  }
  return found;
}

/** Oldest first; the sort is stable, so transactions of the same second keep the ledger's order and pages never shuffle. */
function inListOrder(a: TossTransaction, b: TossTransaction): number {
  return Date.parse(a.transactionAt) - Date.parse(b.transactionAt);
}

function invalid(field: string): { ok: false; error: TossError } {
  return { ok: false, error: tossError('INVALID_REQUEST', `잘못된 요청입니다. (${field})`) };
}

/**
 * `GET /v1/transactions?startDate&endDate[&startingAfter][&limit]`: the transactions made from
 * startDate to endDate (both included), oldest first, `limit` at a time (at most 5000); the
 * next page starts after the `startingAfter` transaction. A page shorter than `limit` is the last.
 */
export function listTransactions(
  payments: readonly ApprovedPayment[],
  query: URLSearchParams,
): { ok: true; transactions: TossTransaction[] } | { ok: false; error: TossError } {
  const start = Date.parse(query.get('startDate') ?? '');
  const end = Date.parse(query.get('endDate') ?? '');
  if (Number.isNaN(start)) return invalid('startDate');
  if (Number.isNaN(end) || end < start) return invalid('endDate');
  const limitText = query.get('limit');
  const limit = limitText === null ? DEFAULT_TRANSACTIONS_LIMIT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_TRANSACTIONS_LIMIT) return invalid('limit');
  const inRange = payments
    .flatMap(transactionsOf)
    .filter((transaction) => {
      const at = Date.parse(transaction.transactionAt);
      return at >= start && at <= end;
    })
    .sort(inListOrder);
  const after = query.get('startingAfter');
  let from = 0;
  if (after !== null) {
    const at = inRange.findIndex((transaction) => transaction.transactionKey === after);
    if (at === -1) return invalid('startingAfter');
    from = at + 1;
  }
  return { ok: true, transactions: inRange.slice(from, from + limit) };
}
