import type { CashReceipt, CashReceiptIssueStatus } from '../../../../shared/domain/cash';
import { featureStrings } from '../../i18n/use-strings';

interface CashPaymentTexts {
  method: string;
  cash: string;
  received: string;
  change: string;
  paidAt: string;
  cashReceipt: string;
  none: string;
  status: Record<CashReceipt['status'], string>;
  issueNumber: string;
  /** What refunds have cancelled of an issued receipt. */
  canceledPart: (amount: string) => string;
  open: string;
  identity: string;
  identityInvalid: string;
  issue: string;
  issueAgain: string;
  taxOffice: string;
  /** Where the tax office stands with an issued receipt (Toss's issueStatus). */
  issueStatus: Record<CashReceiptIssueStatus, string>;
  checkedAt: (time: string) => string;
  /** What to do about a receipt the tax office refused. */
  failedWhatToDo: string;
  /** Issued to the tax office's number (의무발행업종) because the customer gave none. */
  selfIssued: string;
  /** History's mark on an order whose receipt the tax office refused. */
  failedBadge: string;
}

const ko: CashPaymentTexts = {
  method: '결제 수단',
  cash: '현금',
  received: '받은 금액',
  change: '거스름돈',
  paidAt: '결제 시각',
  cashReceipt: '현금영수증',
  none: '발급하지 않음',
  status: { ISSUING: '발급 확인 중', ISSUED: '발급됨', FAILED: '발급 실패', CANCELED: '취소됨' },
  issueNumber: '승인번호',
  canceledPart: (amount) => `${amount} 취소됨`,
  open: '현금영수증 열기',
  identity: '휴대폰 번호, 사업자등록번호 또는 카드 번호',
  identityInvalid: '휴대폰 번호(010…), 사업자등록번호(10자리) 또는 카드 번호(13–19자리)를 입력하세요',
  issue: '현금영수증 발급',
  issueAgain: '현금영수증 다시 발급',
  taxOffice: '국세청 등록',
  issueStatus: { IN_PROGRESS: '국세청 등록 중', COMPLETED: '국세청 등록 완료', FAILED: '국세청 등록 실패' },
  checkedAt: (time) => `${time} 확인`,
  failedWhatToDo: '다시 발급하거나 고객에게 안내하세요',
  selfIssued: '자진발급',
  failedBadge: '현금영수증 실패',
};

const en: CashPaymentTexts = {
  method: 'Method',
  cash: 'Cash',
  received: 'Cash received',
  change: 'Change',
  paidAt: 'Paid at',
  cashReceipt: 'Cash receipt (현금영수증)',
  none: 'Not issued',
  status: { ISSUING: 'Being checked', ISSUED: 'Issued', FAILED: 'Refused', CANCELED: 'Cancelled' },
  issueNumber: 'No.',
  canceledPart: (amount) => `${amount} cancelled`,
  open: 'Open the cash receipt',
  identity: 'Mobile, business or card number',
  identityInvalid: 'Enter a mobile number (010…), a business number (10 digits) or a card number (13–19 digits)',
  issue: 'Issue a cash receipt',
  issueAgain: 'Issue the cash receipt again',
  taxOffice: 'Tax office',
  issueStatus: {
    IN_PROGRESS: 'Being registered with the tax office',
    COMPLETED: 'Registered with the tax office',
    FAILED: 'Refused by the tax office',
  },
  checkedAt: (time) => `checked ${time}`,
  failedWhatToDo: 'Issue it again, or tell the customer',
  selfIssued: 'self-issued',
  failedBadge: 'Cash receipt refused',
};

export const cashPaymentTexts = { ko, en };
export const useCashPaymentStrings = featureStrings(cashPaymentTexts);
