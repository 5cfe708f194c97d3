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
  ticketFailed: (reason: string) => string;
  callListButton: string;
  callListTitle: string;
  callListEmpty: string;
  callListKeys: string;
  close: string;
  ticketSettingsTitle: string;
  ticketEnabled: string;
  ticketEnabledHint: string;
  ticketPaper: string;
  ticketPrinter: string;
  ticketDefaultPrinter: string;
  ticketBrowserPrinting: string;
  changedBy: (by: string, at: string) => string;
  save: string;
  saved: string;
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
    ticketFailed: (reason) => `주문서를 출력하지 못했습니다: ${reason}`,
    callListButton: '호출',
    callListTitle: '준비 완료 호출',
    callListEmpty: '준비 중인 주문이 없습니다.',
    callListKeys: '↑↓ 선택 · Enter 준비 완료 · Esc 닫기',
    close: '닫기',
    ticketSettingsTitle: '주문서 인쇄 (바·주방)',
    ticketEnabled: '결제되면 주문서 인쇄',
    ticketEnabledHint: '대기번호, 시각, 품목과 옵션·메모, 주문 메모를 바나 주방 프린터로 보냅니다.',
    ticketPaper: '주문서 용지 폭',
    ticketPrinter: '주문서 프린터',
    ticketDefaultPrinter: '기본 프린터 (인쇄 창에서 고르기)',
    ticketBrowserPrinting: '브라우저에서는 결제될 때마다 인쇄 창이 열리고, 거기서 주문서 프린터를 고릅니다.',
    changedBy: (by, at) => `마지막 변경: ${by} (${at})`,
    save: '저장',
    saved: '저장했습니다.',
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
    ticketFailed: (reason) => `The order ticket did not print: ${reason}`,
    callListButton: 'Call',
    callListTitle: 'Call an order ready',
    callListEmpty: 'No orders are being prepared.',
    callListKeys: '↑↓ choose · Enter ready · Esc close',
    close: 'Close',
    ticketSettingsTitle: 'Order tickets (bar, kitchen)',
    ticketEnabled: 'Print an order ticket when an order is paid',
    ticketEnabledHint:
      'The number, the time, the items with options and notes, and the order note go to the bar or kitchen printer.',
    ticketPaper: 'Ticket paper width',
    ticketPrinter: 'Ticket printer',
    ticketDefaultPrinter: 'Default printer (choose in the print dialog)',
    ticketBrowserPrinting: 'In a browser the print dialog opens for each paid order; choose the ticket printer there.',
    changedBy: (by, at) => `Last changed by ${by} (${at})`,
    save: 'Save',
    saved: 'Saved.',
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
