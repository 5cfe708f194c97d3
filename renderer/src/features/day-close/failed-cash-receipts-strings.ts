import { featureStrings } from '../../i18n/use-strings';

interface FailedCashReceiptsTexts {
  title: string;
  /** What the manager is to do about each. */
  whatToDo: string;
  count: (n: number) => string;
  /** One refused receipt: the sale, its amount, when it was paid, to whom it was issued. */
  line: (sale: string, amount: string, paidAt: string, identity: string) => string;
  selfIssued: string;
  openOrder: string;
}

const ko: FailedCashReceiptsTexts = {
  title: '국세청이 거절한 현금영수증',
  whatToDo: '다시 발급하거나 고객에게 안내하세요. 주문을 열어 현금영수증을 다시 발급할 수 있습니다.',
  count: (n) => `${n}건`,
  line: (sale, amount, paidAt, identity) => `${sale} · ${amount} · ${paidAt} 결제 · ${identity}`,
  selfIssued: '자진발급',
  openOrder: '주문 열기',
};

const en: FailedCashReceiptsTexts = {
  title: 'Cash receipts the tax office refused',
  whatToDo: 'Issue them again, or tell the customer. Open the order to issue its cash receipt again.',
  count: (n) => (n === 1 ? '1 receipt' : `${n} receipts`),
  line: (sale, amount, paidAt, identity) => `${sale} · ${amount} · paid ${paidAt} · ${identity}`,
  selfIssued: 'self-issued',
  openOrder: 'Open the order',
};

export const failedCashReceiptsTexts = { ko, en };
export const useFailedCashReceiptsStrings = featureStrings(failedCashReceiptsTexts);
