import { formatWon } from '../../../../shared/domain/money';
import type { OrderEvent } from '../../../../shared/domain/order-timeline';
import type { PaidBy } from '../../../../shared/domain/paid-by';
import { describeSdkError, type Locale } from '../../../../shared/i18n/error-messages';
import type { CouponOutcome, HistoryStrings } from './history-strings';
import { reasonLabel } from './refund-reason';

export type EventTone = 'plain' | 'ok' | 'warn' | 'refund';

export interface EventText {
  title: string;
  details: string[];
  tone: EventTone;
}

/** A coupon outcome worth a line in the record: an order without a coupon says nothing about one. */
function toldOutcome(coupon: string | null): coupon is Exclude<CouponOutcome, 'none'> {
  return coupon === 'restored' || coupon === 'kept' || coupon === 'expired';
}

function paidTitle(by: PaidBy, amount: string, text: HistoryStrings): string {
  switch (by) {
    case 'toss':
      return text.eventPaid(amount);
    case 'cash':
      return text.eventPaidInCash(amount);
    case 'split':
      return text.eventPaidInParts(amount);
    case 'discount':
      return text.eventPaidByDiscount;
  }
}

/** Toss's code in the cashier's words where we have them, else what Toss said. */
function tossReason(code: string | null, message: string | null, locale: Locale): string[] {
  const worded = code === null ? undefined : describeSdkError(code, locale);
  const said = worded ?? message;
  return said === null || said === '' ? [] : [said];
}

/** One event of the order's record, in the screen's language. */
export function describeEvent(event: OrderEvent, text: HistoryStrings, locale: Locale): EventText {
  const won = (amount: number) => formatWon(amount, locale);
  switch (event.kind) {
    case 'created':
      return { title: text.eventCreated, details: [], tone: 'plain' };
    case 'attempt':
      return { title: text.eventAttempt, details: [], tone: 'plain' };
    case 'attempt-failed':
      return { title: text.eventAttemptFailed, details: tossReason(event.code, event.message, locale), tone: 'warn' };
    case 'compensated':
      return { title: text.eventCompensated, details: [], tone: 'warn' };
    case 'paid':
      return { title: paidTitle(event.by, won(event.amount), text), details: [], tone: 'ok' };
    case 'abandoned':
      return { title: text.eventAbandoned, details: [], tone: 'plain' };
    case 'refund-requested':
      return {
        title: text.eventRefundRequested(won(event.amount)),
        details: [text.eventReason(reasonLabel(event.reason, text)), text.eventApprover(event.approvedBy)],
        tone: 'refund',
      };
    case 'refund-done':
      return {
        title: text.eventRefundDone(won(event.amount)),
        details: [
          ...(event.by === 'cash' ? [text.eventRefundedInCash] : []),
          ...(toldOutcome(event.coupon) ? [text.couponOutcome[event.coupon]] : []),
        ],
        tone: 'refund',
      };
    case 'refund-failed':
      return { title: text.eventRefundFailed, details: tossReason(event.code, event.message, locale), tone: 'warn' };
    default: {
      const never: never = event;
      return never;
    }
  }
}
