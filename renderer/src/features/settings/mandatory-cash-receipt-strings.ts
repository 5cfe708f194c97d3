import { featureStrings } from '../../i18n/use-strings';

const ko = {
  title: '현금영수증 의무발행',
  mandatory: '현금영수증 의무발행업종입니다',
  hint: '현금 10만 원 이상 판매에 고객이 번호를 주지 않으면 국세청 번호(010-000-1234)로 자진발급합니다 (소득공제).',
};

const en: typeof ko = {
  title: 'Mandatory cash receipts',
  mandatory: 'This shop must issue cash receipts for cash sales',
  hint: 'Cash sales of 100,000 won or more without a customer number get a self-issued receipt to the tax office’s number (010-000-1234, as income deduction).',
};

export const mandatoryCashReceiptTexts = { ko, en };
export const useMandatoryCashReceiptStrings = featureStrings(mandatoryCashReceiptTexts);
