import { featureStrings } from '../../i18n/use-strings';

const ko = {
  title: '계산대별',
  shopTotal: '매장 합계',
  register: '계산대',
  orders: '건수',
  sales: '판매',
  refunds: '환불',
  net: '순매출',
  card: '카드',
  cash: '현금',
  madeOn: (name: string) =>
    `매장 전체 (모든 계산대) — ${name}에서 만든 보고서입니다. 토스페이먼츠 대조는 매장 전체로 한 번 했습니다.`,
  drawersOf: (name: string) => `${name} 시재`,
  noDrawer: '시재를 열지 않았습니다.',
  offline:
    '공유 저장소에 연결할 수 없어 매장 전체 숫자를 읽지 못했습니다. 이 보고서는 이 계산대의 판매만 담고 있으며 매장 마감으로 보관되지 않습니다.',
  closedElsewhere: (name: string, at: string, by: string) =>
    `매장 마감은 ${at}에 ${name}에서 ${by}님이 했습니다. 여기서 마감하면 이 계산대의 장부만 마감합니다.`,
};

type ShopDayStrings = typeof ko;

const en: ShopDayStrings = {
  title: 'By register',
  shopTotal: 'Shop total',
  register: 'Register',
  orders: 'Orders',
  sales: 'Sales',
  refunds: 'Refunds',
  net: 'Net',
  card: 'Card',
  cash: 'Cash',
  madeOn: (name) =>
    `The whole shop (every register) — made on ${name}. Toss Payments was matched once for the whole shop.`,
  drawersOf: (name) => `${name}: cash drawer`,
  noDrawer: 'No drawer shift was opened.',
  offline:
    'The shared store could not be reached, so the shop’s figures could not be read. This report holds this register’s sales only and is not kept as the shop’s close.',
  closedElsewhere: (name, at, by) =>
    `The shop’s day was closed on ${name} by ${by} at ${at}. A close here closes this register’s own books only.`,
};

export const shopDayTexts = { ko, en };
export const useShopDayStrings = featureStrings(shopDayTexts);
