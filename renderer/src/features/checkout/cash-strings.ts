import type { CashReceiptType } from '../../../../shared/domain/cash';
import { featureStrings } from '../../i18n/use-strings';

interface CashTexts {
  cashButton: string;
  title: string;
  due: string;
  received: string;
  receivedHint: string;
  exact: string;
  addNote: (note: string) => string;
  change: string;
  short: (missing: string) => string;
  wantsReceipt: string;
  receiptType: Record<CashReceiptType, string>;
  identity: string;
  identityHint: string;
  identityInvalid: string;
  cancel: string;
  take: string;
  taking: string;
}

const ko: CashTexts = {
  cashButton: '현금 (F7)',
  title: '현금 결제',
  due: '받을 금액',
  received: '받은 금액',
  receivedHint: '숫자로 입력하거나 아래 지폐 버튼을 누르세요',
  exact: '딱 맞게',
  addNote: (note) => `+${note}`,
  change: '거스름돈',
  short: (missing) => `${missing} 부족합니다`,
  wantsReceipt: '현금영수증 발급',
  receiptType: { 소득공제: '소득공제 (개인)', 지출증빙: '지출증빙 (사업자)' },
  identity: '휴대폰 번호, 사업자등록번호 또는 현금영수증 카드 번호',
  identityHint: '숫자만 입력해도 됩니다. 번호는 저장되지 않고 가려서 표시됩니다.',
  identityInvalid: '휴대폰 번호(010…), 사업자등록번호(10자리) 또는 카드 번호(13–19자리)를 입력하세요',
  cancel: '취소',
  take: '현금 받기 (Enter)',
  taking: '기록 중…',
};

const en: CashTexts = {
  cashButton: 'Cash (F7)',
  title: 'Cash payment',
  due: 'Amount due',
  received: 'Cash received',
  receivedHint: 'Type it, or press the note buttons below',
  exact: 'Exact',
  addNote: (note) => `+${note}`,
  change: 'Change',
  short: (missing) => `${missing} short`,
  wantsReceipt: 'Issue a cash receipt (현금영수증)',
  receiptType: { 소득공제: 'Income deduction (person)', 지출증빙: 'Expense proof (business)' },
  identity: 'Mobile number, business number or cash receipt card number',
  identityHint: 'Digits alone are fine. The number is not kept and is shown masked.',
  identityInvalid: 'Enter a mobile number (010…), a business number (10 digits) or a card number (13–19 digits)',
  cancel: 'Cancel',
  take: 'Take cash (Enter)',
  taking: 'Recording…',
};

export const cashTexts = { ko, en };
export const useCashTexts = featureStrings(cashTexts);
