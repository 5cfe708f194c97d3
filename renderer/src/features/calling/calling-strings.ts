import type { Locale } from '../../../../shared/i18n/error-messages';
import { featureStrings } from '../../i18n/use-strings';

export interface CallingTexts {
  boardTitle: string;
  preparing: string;
  ready: string;
  /** Read out for the newest ready number. */
  nowReady: (callNumber: number) => string;
  barTitle: string;
  barEmpty: string;
  markReady: string;
  paidAt: (time: string) => string;
  orderMemo: string;
  ticketTitle: string;
  callListButton: string;
  callListTitle: string;
  callListEmpty: string;
  callListKeys: string;
  close: string;
}

export const callingStrings: Record<Locale, CallingTexts> = {
  ko: {
    boardTitle: '주문 현황',
    preparing: '준비 중',
    ready: '준비 완료',
    nowReady: (n) => `${n}번 준비 완료`,
    barTitle: '만들 주문',
    barEmpty: '만들 주문이 없습니다.',
    markReady: '준비 완료',
    paidAt: (time) => `${time} 주문`,
    orderMemo: '주문 메모',
    ticketTitle: '주문서',
    callListButton: '호출',
    callListTitle: '준비 완료 호출',
    callListEmpty: '준비 중인 주문이 없습니다.',
    callListKeys: '↑↓ 선택 · Enter 준비 완료 · Esc 닫기',
    close: '닫기',
  },
  en: {
    boardTitle: 'Orders',
    preparing: 'Preparing',
    ready: 'Ready',
    nowReady: (n) => `Number ${n} is ready`,
    barTitle: 'Orders to make',
    barEmpty: 'No orders to make.',
    markReady: 'Ready',
    paidAt: (time) => `Ordered ${time}`,
    orderMemo: 'Order note',
    ticketTitle: 'Order ticket',
    callListButton: 'Call',
    callListTitle: 'Call an order ready',
    callListEmpty: 'No orders are being prepared.',
    callListKeys: '↑↓ choose · Enter ready · Esc close',
    close: 'Close',
  },
};

export const useCallingStrings = featureStrings(callingStrings);

/** The time of day an order was paid, in the shop's time zone. */
export function timeOfDay(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Seoul',
  }).format(new Date(iso));
}
