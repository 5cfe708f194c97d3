import type { PaymentPart } from '../../../shared/domain/order';
import type { Locale } from '../../../shared/i18n/error-messages';

const methodWords = { ko: { card: '카드', cash: '현금' }, en: { card: 'Card', cash: 'Cash' } } as const;

/**
 * How a part of an order paid in parts is named in the register, history and on receipts: a card
 * by its part number (카드 1, 카드 2 …, as main numbers them), the cash part (an order takes one) as 현금.
 */
export function partLabel(part: Pick<PaymentPart, 'part' | 'method'>, locale: Locale): string {
  const word = methodWords[locale][part.method];
  return part.method === 'cash' ? word : `${word} ${part.part}`;
}
