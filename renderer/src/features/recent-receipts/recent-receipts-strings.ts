import { featureStrings } from '../../i18n/use-strings';

const ko = {
  button: '영수증 재출력',
  title: '오늘 영수증 다시 출력',
  loading: '불러오는 중…',
  empty: '이번 영업일에 결제된 주문이 아직 없습니다.',
  keys: '↑ ↓ 고르기 · Enter 영수증 보기 · Esc 닫기',
  callNumber: (n: number) => `${n}번`,
  cashierOf: (name: string) => `계산: ${name}`,
  show: '영수증 보기',
  back: '목록으로',
  close: '닫기',
};
type RecentReceiptsStrings = typeof ko;

const en: RecentReceiptsStrings = {
  button: 'Reprint receipt',
  title: 'Print a receipt of today again',
  loading: 'Loading…',
  empty: 'No paid orders in this business day yet.',
  keys: '↑ ↓ choose · Enter shows the receipt · Esc closes',
  callNumber: (n) => `No. ${n}`,
  cashierOf: (name) => `Cashier: ${name}`,
  show: 'Show receipt',
  back: 'Back to the list',
  close: 'Close',
};

export const recentReceiptsTexts = { ko, en };
export const useRecentReceiptsStrings = featureStrings<RecentReceiptsStrings>(recentReceiptsTexts);
