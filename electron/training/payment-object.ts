import { randomBytes, randomInt } from 'node:crypto';
import type { Won } from '../../shared/domain/money';
import type { TossErrorBody } from './errors';

/** Toss Payment object, API version 2022-11-16 (toss-api.md §2.4), as the simulator fills it. */
export const PAYMENT_STATUSES = [
  'READY',
  'IN_PROGRESS',
  'WAITING_FOR_DEPOSIT',
  'DONE',
  'CANCELED',
  'PARTIAL_CANCELED',
  'ABORTED',
  'EXPIRED',
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export interface TossCancel {
  cancelAmount: Won;
  cancelReason: string;
  taxFreeAmount: Won;
  taxExemptionAmount: Won;
  refundableAmount: Won;
  cardDiscountAmount: Won;
  transferDiscountAmount: Won;
  easyPayDiscountAmount: Won;
  canceledAt: string;
  transactionKey: string;
  receiptKey: string | null;
  cancelStatus: 'DONE';
  cancelRequestId: string | null;
}

export interface TossCard {
  amount: Won;
  issuerCode: string;
  acquirerCode: string;
  number: string;
  installmentPlanMonths: number;
  isInterestFree: boolean;
  interestPayer: string | null;
  approveNo: string;
  useCardPoint: boolean;
  cardType: '신용' | '체크' | '기프트' | '미확인';
  ownerType: '개인' | '법인' | '미확인';
  acquireStatus: 'READY' | 'REQUESTED' | 'COMPLETED' | 'CANCEL_REQUESTED' | 'CANCELED';
}

export interface TossPayment {
  version: '2022-11-16';
  paymentKey: string;
  type: 'NORMAL';
  orderId: string;
  orderName: string;
  mId: string;
  currency: 'KRW';
  method: '카드';
  totalAmount: Won;
  balanceAmount: Won;
  suppliedAmount: Won;
  vat: Won;
  taxFreeAmount: Won;
  taxExemptionAmount: Won;
  status: PaymentStatus;
  requestedAt: string;
  approvedAt: string | null;
  useEscrow: boolean;
  cultureExpense: boolean;
  isPartialCancelable: boolean;
  lastTransactionKey: string | null;
  card: TossCard;
  virtualAccount: null;
  transfer: null;
  mobilePhone: null;
  giftCertificate: null;
  cashReceipt: null;
  cashReceipts: null;
  discount: null;
  easyPay: null;
  cancels: TossCancel[] | null;
  secret: string;
  country: 'KR';
  failure: TossErrorBody | null;
  receipt: { url: string };
  checkout: { url: string };
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function newPaymentKey(): string {
  let key = 'tsim_';
  for (let i = 0; i < 24; i++) key += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return key;
}

export function newTransactionKey(): string {
  return randomBytes(16).toString('hex');
}

export function newSecret(): string {
  return `ps_${randomBytes(15).toString('base64url')}`;
}

export function newApproveNo(): string {
  return String(randomInt(100_000_000)).padStart(8, '0');
}

/** Toss's mask keeps the first 8 and digits 13–15: 4330123412341234 → 43301234****123*. */
export function maskCardNumber(digits: string): string {
  return `${digits.slice(0, 8)}****${digits.slice(12, 15)}*`;
}

/** orderId as both the API and the SDK accept it (toss-api.md §6: `=` left out on purpose). */
export const ORDER_ID_PATTERN = /^[A-Za-z0-9_-]{6,64}$/;
