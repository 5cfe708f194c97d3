import type { Mismatch } from '../../../../shared/domain/day-close';
import { formatWon } from '../../../../shared/domain/money';
import type { Locale } from '../../../../shared/i18n/error-messages';
import { formatDateTime } from '../../i18n/format';
import type { DayCloseStrings } from './day-close-strings';

/** A difference between the books and Toss, in a sentence a manager can act on. */
export function mismatchText(mismatch: Mismatch, text: DayCloseStrings, locale: Locale): string {
  const won = (amount: number) => formatWon(amount, locale);
  const words = text.mismatch;
  switch (mismatch.kind) {
    case 'orphan-charge': {
      const charged = words.orphanCharge(
        mismatch.orderId,
        won(mismatch.amount),
        formatDateTime(mismatch.at, locale),
        mismatch.orderKnown,
      );
      return mismatch.canceled === 0 ? charged : `${charged} ${words.orphanChargeCanceled(won(mismatch.canceled))}`;
    }
    case 'unknown-to-toss':
      return mismatch.what === 'payment'
        ? words.unknownPayment(mismatch.orderId, won(mismatch.amount))
        : words.unknownRefund(mismatch.orderId, won(mismatch.amount), mismatch.refundId ?? '');
    case 'amount-differs':
      return mismatch.what === 'payment'
        ? words.paymentDiffers(mismatch.orderId, won(mismatch.ours), won(mismatch.toss))
        : words.refundDiffers(mismatch.orderId, won(mismatch.ours), won(mismatch.toss), mismatch.refundId ?? '');
    case 'orphan-refund':
      return words.orphanRefund(mismatch.orderId, won(mismatch.amount), formatDateTime(mismatch.at, locale));
  }
}
