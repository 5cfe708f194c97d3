/**
 * Card numbers the training payment window understands. The README, the window's hint list
 * and the e2e tests all read this table, so the outcomes are stated in one place.
 */
export type TestCardOutcome =
  | { kind: 'approve' }
  /** The payment window itself refuses: the SDK promise rejects, nothing reaches confirm. */
  | { kind: 'window-decline'; code: 'REJECT_CARD_COMPANY' }
  /** The window authorizes, then `POST /v1/payments/confirm` fails with this code. */
  | { kind: 'confirm-fail'; code: 'INVALID_CARD_EXPIRATION' | 'REJECT_CARD_PAYMENT' | 'PROVIDER_ERROR' }
  /** A hostile answer: the confirm fails with a message that repeats the request's Authorization header and the key in it. */
  | { kind: 'confirm-echo' };

export interface TestCard {
  /** 16 digits, no separators. */
  number: string;
  outcome: TestCardOutcome;
  description: { ko: string; en: string };
}

export const TEST_CARDS: readonly TestCard[] = [
  {
    number: '4330000000000001',
    outcome: { kind: 'approve' },
    description: { ko: '승인', en: 'approved' },
  },
  {
    number: '4330000000000002',
    outcome: { kind: 'window-decline', code: 'REJECT_CARD_COMPANY' },
    description: { ko: '결제창에서 카드사 거절', en: 'declined by the card company in the payment window' },
  },
  {
    number: '4330000000000003',
    outcome: { kind: 'confirm-fail', code: 'INVALID_CARD_EXPIRATION' },
    description: { ko: '승인 시 유효기간 오류', en: 'confirm fails: card expired' },
  },
  {
    number: '4330000000000004',
    outcome: { kind: 'confirm-fail', code: 'REJECT_CARD_PAYMENT' },
    description: { ko: '승인 시 한도초과 혹은 잔액부족', en: 'confirm fails: over limit or insufficient balance' },
  },
  {
    number: '4330000000000005',
    outcome: { kind: 'confirm-fail', code: 'PROVIDER_ERROR' },
    description: { ko: '승인 시 일시적인 카드사 오류', en: 'confirm fails: temporary provider error' },
  },
  {
    number: '4330000000000006',
    outcome: { kind: 'confirm-echo' },
    description: {
      ko: '승인 시 오류 메시지에 시크릿 키를 되풀이 (보안 시험용)',
      en: 'confirm fails with a message that repeats the secret key (a security test)',
    },
  },
];

export const INVALID_CARD_MESSAGE = '유효하지 않은 카드 번호입니다 / invalid card number';

/** Cashiers type numbers with dashes or spaces; the table holds bare digits. */
export function findTestCard(input: string): TestCard | undefined {
  const digits = input.replace(/[\s-]/g, '');
  return TEST_CARDS.find((card) => card.number === digits);
}
