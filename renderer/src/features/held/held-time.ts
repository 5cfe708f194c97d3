import { seoulDay } from '../../../../shared/domain/time';
import type { Locale } from '../../../../shared/i18n/error-messages';

const formats: Record<Locale, { time: Intl.DateTimeFormat; dateTime: Intl.DateTimeFormat }> = {
  ko: {
    time: new Intl.DateTimeFormat('ko-KR', { timeStyle: 'short', timeZone: 'Asia/Seoul' }),
    dateTime: new Intl.DateTimeFormat('ko-KR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Seoul' }),
  },
  en: {
    time: new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: 'Asia/Seoul' }),
    dateTime: new Intl.DateTimeFormat('en-GB', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Seoul' }),
  },
};

/** When a cart was held, in Seoul time: the time alone if it was today, else with the date. */
export function heldTime(iso: string, locale: Locale, now: Date): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const format = formats[locale];
  return seoulDay(at) === seoulDay(now) ? format.time.format(at) : format.dateTime.format(at);
}
