import type { PaymentPartStatus } from '../../../../shared/domain/order';
import { featureStrings } from '../../i18n/use-strings';

/** The split dialog and the register's split button. */
const ko = {
  button: '나눠 결제',
  buttonHint: '나눠 결제 (Shift+F9)',
  title: '나눠 결제',
  total: '결제 금액',
  paid: '받은 금액',
  left: '남은 금액',
  partsTitle: '받은 결제',
  noParts: '아직 받은 결제가 없습니다. 이번에 받을 금액을 입력하세요.',
  status: {
    OPEN: '결제 중',
    CONFIRMING: '승인 확인 중',
    PAID: '결제 완료',
    FAILED: '결제 안 됨 · 청구 없음',
  } satisfies Record<PaymentPartStatus, string>,
  cashDetail: (received: string, change: string) => `받은 돈 ${received} · 거스름돈 ${change}`,
  approveNo: (no: string) => `승인번호 ${no}`,
  cashReceipt: '현금영수증',
  amount: '이번에 받을 금액 (원)',
  amountHint: (left: string) => `${left}까지 · 카드는 100원부터`,
  evenly: (n: number) => `${n}등분`,
  evenlyHint: (n: number, amount: string) => `${n}명이 똑같이 낼 때 이번 몫: ${amount}`,
  rest: '남은 금액',
  card: '카드 (Enter)',
  cash: '현금 (F7)',
  close: '닫기 (Esc)',
  amountInvalid: '1원 이상의 정수로 입력해 주세요.',
  overLeft: (left: string) => `남은 금액 ${left}보다 많이 받을 수 없습니다.`,
  belowCardMinimum: '카드로 나눠 받을 금액은 100원 이상이어야 합니다.',
  anotherCard: '다른 카드로',
  payAnotherWay: '다른 방법으로 결제',
  paidStay: '받은 결제는 그대로 남습니다. 남은 금액을 다른 카드나 현금으로 받으세요.',
  closeNote:
    '닫아도 받은 결제는 남고 장바구니는 잠겨 있습니다. 결제하기(F9)로 다시 엽니다. 손님이 떠나면 관리자가 판매 내역에서 받은 결제를 환불합니다.',
  busyNote: '결제가 진행 중이라 닫을 수 없습니다.',
  partlyPaid: (paid: string, left: string) => `나눠 결제 중 · ${paid} 받음 · ${left} 남음`,
};
export type SplitStrings = typeof ko;

const en: SplitStrings = {
  button: 'Split',
  buttonHint: 'Split the payment (Shift+F9)',
  title: 'Split payment',
  total: 'Total',
  paid: 'Paid',
  left: 'Left to pay',
  partsTitle: 'Payments taken',
  noParts: 'Nothing taken yet. Enter the amount of this part.',
  status: {
    OPEN: 'Paying',
    CONFIRMING: 'Being confirmed',
    PAID: 'Paid',
    FAILED: 'Not paid · nothing charged',
  },
  cashDetail: (received, change) => `Handed over ${received} · change ${change}`,
  approveNo: (no) => `Approval ${no}`,
  cashReceipt: 'Cash receipt',
  amount: 'Amount of this part (won)',
  amountHint: (left) => `Up to ${left} · a card from ₩100`,
  evenly: (n) => `÷ ${n}`,
  evenlyHint: (n, amount) => `${n} paying alike: this share is ${amount}`,
  rest: 'The rest',
  card: 'Card (Enter)',
  cash: 'Cash (F7)',
  close: 'Close (Esc)',
  amountInvalid: 'Enter a whole number of won, 1 or more.',
  overLeft: (left) => `That is more than the ${left} left to pay.`,
  belowCardMinimum: 'A card part must be at least ₩100.',
  anotherCard: 'Another card',
  payAnotherWay: 'Pay another way',
  paidStay: 'What was paid stays paid. Take the rest by another card or in cash.',
  closeNote:
    'Closing keeps what was paid, and the cart stays locked: Pay (F9) opens this again. If the customer leaves, a manager refunds the paid parts from Sales history.',
  busyNote: 'A payment is under way: this cannot close now.',
  partlyPaid: (paid, left) => `Paid in parts · ${paid} paid · ${left} left`,
};

export const splitTexts = { ko, en };
export const useSplitTexts = featureStrings(splitTexts);
