import type { PaymentPart } from '../../../shared/domain/order';
import type { Locale } from '../../../shared/i18n/error-messages';

const methodWords = { ko: { card: '카드', cash: '현금' }, en: { card: 'Card', cash: 'Cash' } } as const;

/** How a part of an order paid in parts is named in the register, history and on receipts: its tender and number (카드 1, 현금 2). */
export function partLabel(part: Pick<PaymentPart, 'part' | 'method'>, locale: Locale): string {
  return `${methodWords[locale][part.method]} ${part.part}`;
}
