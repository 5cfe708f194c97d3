import { featureStrings } from '../../i18n/use-strings';

const ko = {
  taxTitle: '부가세 신고용 합계',
  item: '항목',
  sold: '판매',
  refunded: '환불',
  net: '순',
  taxable: '과세 공급가액',
  vat: '부가세',
  taxFree: '면세 물품가액',
  card: '카드 (토스)',
  cashWithReceipt: '현금 (현금영수증 발급)',
  cashWithoutReceipt: '현금 (현금영수증 미발급)',
  refunds: '환불',
  monthTitle: '월별 세무 자료',
  month: '월',
  monthShow: '보기',
  monthCsv: '월 CSV 내보내기',
  monthPrint: '인쇄',
  close: '닫기',
  day: '영업일',
  total: '합계',
  monthEmpty: '이 달에는 매출이 없습니다.',
  monthNote: '마감(Z)한 날은 마감 보고서의 숫자, 마감하지 않은 날은 지금까지의 숫자입니다.',
};

const en: typeof ko = {
  taxTitle: 'Totals for the VAT return',
  item: 'Item',
  sold: 'Sold',
  refunded: 'Refunded',
  net: 'Net',
  taxable: 'Taxable supply',
  vat: 'VAT',
  taxFree: 'Tax-free goods',
  card: 'Card (Toss)',
  cashWithReceipt: 'Cash with cash receipt',
  cashWithoutReceipt: 'Cash without cash receipt',
  refunds: 'Refunds',
  monthTitle: 'Month for the tax accountant',
  month: 'Month',
  monthShow: 'Show',
  monthCsv: 'Export month CSV',
  monthPrint: 'Print',
  close: 'Close',
  day: 'Business day',
  total: 'Total',
  monthEmpty: 'No sales this month.',
  monthNote: 'Closed days show their Z report’s figures; days not closed show the figures so far.',
};

export const taxTexts = { ko, en };
export const useTaxStrings = featureStrings(taxTexts);
