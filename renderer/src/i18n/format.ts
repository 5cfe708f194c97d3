import type { Locale } from '../../../shared/i18n/error-messages';

const dateTimeFormats: Record<Locale, Intl.DateTimeFormat> = {
  ko: new Intl.DateTimeFormat('ko-KR', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Asia/Seoul' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Asia/Seoul' }),
};

/** A Toss timestamp in the shop's time zone; the raw text if it does not parse. */
export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormats[locale].format(date);
}

/** Toss answers in Korean (카드, 신용 …); in English mode the known values are translated. */
const tossTerms: Record<string, string> = {
  카드: 'Card',
  현금: 'Cash',
  간편결제: 'Easy pay',
  가상계좌: 'Virtual account',
  계좌이체: 'Bank transfer',
  휴대폰: 'Mobile phone',
  신용: 'Credit',
  체크: 'Debit',
  기프트: 'Gift',
  미확인: 'Unknown',
};

export function formatTossTerm(value: string, locale: Locale): string {
  return locale === 'en' ? (tossTerms[value] ?? value) : value;
}

/** A history row's method: one word, or an order paid in parts' methods joined by `+` (카드+현금 → Card+Cash). */
export function formatMethods(value: string, locale: Locale): string {
  return value
    .split('+')
    .map((method) => formatTossTerm(method, locale))
    .join('+');
}
