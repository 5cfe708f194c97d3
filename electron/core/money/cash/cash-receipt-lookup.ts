import type { CashReceipt } from '../../../../shared/domain/cash';
import type { Order } from '../../../../shared/domain/order';
import { seoulDay, seoulIso } from '../../../../shared/domain/time';
import type { TossCashReceipt } from '../../toss/toss-cash-receipt';
import type { TossClient } from '../../toss/toss-client';
import { TossApiError, TossUnreachableError } from '../../toss/toss-errors';
import { issuedAs, refusedAs } from './cash-receipt-records';

/** What became of a request whose answer was lost, as Toss tells it. */
export type PendingOutcome =
  | { kind: 'issued'; receipt: CashReceipt }
  | { kind: 'not-issued'; receipt: CashReceipt }
  /** Toss could not be asked, or is still working on it: the request stays pending. */
  | { kind: 'unknown' };

const DAY_MS = 24 * 60 * 60 * 1000;
/** An Idempotency-Key lives 15 days at Toss, so a same-key retry can have reached it as late as that. */
const MAX_LOOKUP_DAYS = 15;

/** Toss lists receipts by the (Korean) day it was asked: every day from the first request to today. */
function lookupDays(requestedAt: string, now: Date): string[] {
  const today = seoulDay(now);
  const days: string[] = [];
  for (let at = Date.parse(requestedAt); days.length < MAX_LOOKUP_DAYS; at += DAY_MS) {
    const day = seoulDay(new Date(at));
    days.push(day);
    if (day >= today) break;
  }
  return days;
}

async function listed(toss: TossClient, days: readonly string[]): Promise<TossCashReceipt[] | null> {
  const found: TossCashReceipt[] = [];
  try {
    for (const day of days) found.push(...(await toss.listCashReceipts(day)));
  } catch (error) {
    if (error instanceof TossApiError || error instanceof TossUnreachableError) return null;
    throw error;
  }
  return found;
}

/**
 * Asks Toss what it did with the order's pending 현금영수증 request. Nothing is sent again: a
 * retry with another body under the first key would be answered with the first receipt.
 */
export async function lookUpPending(
  toss: TossClient,
  order: Order,
  pending: CashReceipt,
  now: Date,
): Promise<PendingOutcome> {
  const receipts = await listed(toss, lookupDays(pending.requestedAt, now));
  if (receipts === null) return { kind: 'unknown' };
  const issues = receipts.filter(
    (receipt) => receipt.orderId === order.orderId && receipt.transactionType !== 'CANCEL',
  );
  // IN_PROGRESS is issued, on its way to the tax office (an issue answer says the same).
  const issued =
    issues.find((receipt) => receipt.issueStatus === 'COMPLETED') ??
    issues.find((receipt) => receipt.issueStatus === 'IN_PROGRESS');
  if (issued) return { kind: 'issued', receipt: issuedAs(pending, issued, seoulIso(now)) };
  const failure = issues.find((receipt) => receipt.failure)?.failure;
  return {
    kind: 'not-issued',
    receipt: refusedAs(
      pending,
      failure
        ? { code: failure.code, message: failure.message }
        : { code: 'NOT_ISSUED', message: 'Toss holds no cash receipt for this request' },
    ),
  };
}
