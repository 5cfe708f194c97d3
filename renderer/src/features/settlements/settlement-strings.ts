import { featureStrings } from '../../i18n/use-strings';

export interface SettlementTexts {
  heading: string;
  settling: string;
  paid: string;
  notPaid: string;
  /** The payment is still open: the cashier must not take it again. */
  doNotRetake: string;
  tries: (count: number) => string;
  nextTry: (time: string) => string;
  nothingCharged: string;
  /** Why it is still open, said without "try again": the app asks again by itself. */
  tossUnreachable: string;
  dismiss: string;
}

const ko: SettlementTexts = {
  heading: '결제 확인',
  settling: '결제 확인 중',
  paid: '결제 완료로 기록됨',
  notPaid: '결제되지 않음',
  doNotRetake: '토스페이먼츠에 결과를 묻고 있습니다. 결과가 나올 때까지 이 주문을 다시 결제하지 마세요.',
  tries: (count) => `${count}회 확인`,
  nextTry: (time) => `다음 확인 ${time}`,
  nothingCharged: '고객에게 청구된 금액은 없습니다.',
  tossUnreachable: '지금은 토스페이먼츠에 연결할 수 없어 자동으로 다시 확인합니다.',
  dismiss: '확인',
};

const en: SettlementTexts = {
  heading: 'Payment checks',
  settling: 'Checking a payment',
  paid: 'Recorded as paid',
  notPaid: 'Not paid',
  doNotRetake: 'Asking Toss Payments how it ended. Do not take payment for this order again until it says.',
  tries: (count) => `asked ${count} ${count === 1 ? 'time' : 'times'}`,
  nextTry: (time) => `next at ${time}`,
  nothingCharged: 'The customer was not charged.',
  tossUnreachable: 'Toss Payments cannot be reached right now; the app keeps checking by itself.',
  dismiss: 'OK',
};

export const settlementTexts = { ko, en };
export const useSettlementTexts = featureStrings(settlementTexts);
