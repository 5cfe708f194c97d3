import { z } from 'zod';
import { formatBusinessNumber, isBusinessNumber } from './business-number';
import { assertWon, wonSchema, type Won } from './money';

/** 현금영수증 kinds: 소득공제 (income deduction, a person) and 지출증빙 (expense proof, a business). */
export const cashReceiptTypes = ['소득공제', '지출증빙'] as const;
export type CashReceiptType = (typeof cashReceiptTypes)[number];

/** What a customer may give to be identified on a 현금영수증. */
export type CashReceiptIdentityKind = 'phone' | 'business' | 'card';

/** The method word history, reports and exports use for a cash sale, beside Toss's own (카드, 간편결제 …). */
export const CASH_METHOD = '현금';

/** Notes and coins a customer hands over most; the cash keys offer these. */
export const QUICK_NOTES: readonly Won[] = [1_000, 5_000, 10_000, 50_000];

/** The most cash one sale takes (a typo guard): 100 million won. */
export const MAX_CASH_RECEIVED: Won = 100_000_000;

function digitsOf(text: string): string {
  return text.replace(/[\s-]/g, '');
}

/**
 * Which kind of identity number this is, by form: a mobile number (01x, 10–11 digits), a
 * 사업자등록번호 (10 digits with its check digit) or a card number (13–19 digits, a 현금영수증
 * card has 18); null when it is none of them.
 */
export function cashReceiptIdentityKind(text: string): CashReceiptIdentityKind | null {
  const digits = digitsOf(text);
  if (!/^\d+$/.test(digits)) return null;
  if (/^01[016789]\d{7,8}$/.test(digits)) return 'phone';
  if (digits.length === 10 && isBusinessNumber(digits)) return 'business';
  if (digits.length >= 13 && digits.length <= 19) return 'card';
  return null;
}

/** The number as shown and logged: never more than the last four digits of it (the business number keeps its office and type part). */
export function maskCashReceiptIdentity(text: string): string {
  const digits = digitsOf(text);
  switch (cashReceiptIdentityKind(text)) {
    case 'phone':
      return `${digits.slice(0, 3)}-****-${digits.slice(-4)}`;
    case 'business':
      return `${formatBusinessNumber(digits).slice(0, 7)}*****`;
    case 'card':
      return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`.replace(/(.{4})(?=.)/g, '$1-');
    case null:
      return '*'.repeat(Math.min(digits.length, 30));
  }
}

/** The identity number as the cashier typed it: checked by form, sent to Toss once, never kept. */
export const cashReceiptIdentitySchema = z
  .string()
  .max(30)
  .refine(
    (text) => cashReceiptIdentityKind(text) !== null,
    'enter a mobile number, a business number or a card number',
  );

export const cashReceiptRequestSchema = z.strictObject({
  type: z.enum(cashReceiptTypes),
  identity: cashReceiptIdentitySchema,
});
export type CashReceiptRequest = z.infer<typeof cashReceiptRequestSchema>;

/** Toss's `issueStatus`: the tax office's registration of an issued receipt. */
export const cashReceiptIssueStatuses = ['IN_PROGRESS', 'COMPLETED', 'FAILED'] as const;
export type CashReceiptIssueStatus = (typeof cashReceiptIssueStatuses)[number];

/**
 * The tax office's own number for a receipt the shop issues without the customer's (자진발급).
 * 국세청 publishes it as 010-000-1234 (ten digits); it is sent as these digits.
 */
export const SELF_ISSUE_IDENTITY = '0100001234';

/** Shops in a 의무발행업종 must issue a 현금영수증 for cash of this much or more, asked for or not. */
export const MANDATORY_CASH_RECEIPT_FROM: Won = 100_000;

/** A 현금영수증 as kept on the order: the identity number masked, the rest as Toss answered. */
export const cashReceiptSchema = z.strictObject({
  type: z.enum(cashReceiptTypes),
  identityMasked: z.string(),
  /** ISSUING: asked of Toss, answer not yet recorded (settled later). FAILED: Toss refused; it can be asked again. */
  status: z.enum(['ISSUING', 'ISSUED', 'FAILED', 'CANCELED']),
  receiptKey: z.string().nullable(),
  issueNumber: z.string().nullable(),
  receiptUrl: z.string().nullable(),
  /** What has been cancelled of it (refunds), in won. */
  canceledAmount: wonSchema.default(0),
  failure: z.strictObject({ code: z.string(), message: z.string() }).nullable(),
  requestedAt: z.string(),
  /** Names this request to Toss (its Idempotency-Key): a retry of a lost answer repeats it, a new request after a refusal gets a new one. */
  requestId: z.string().min(1).max(64),
  /** What it was asked (then issued) for: what the customer still had paid. Null on receipts kept before this was: they asked for the whole sale. */
  amount: wonSchema.nullable().default(null),
  /**
   * While ISSUING only: a salted scrypt hash of the identity number asked with, so a retry can be
   * told to be the same request without the number being kept. Dropped once Toss has answered.
   */
  identityDigest: z.strictObject({ salt: z.base64(), hash: z.base64() }).nullable().default(null),
  /**
   * Where the tax office stands with an issued receipt, as Toss last said: registered provisionally
   * (IN_PROGRESS), then COMPLETED or FAILED a day or more later. Null before Toss answered, and on
   * receipts kept before this was tracked.
   */
  issueStatus: z.enum(cashReceiptIssueStatuses).nullable().default(null),
  /** When Toss was last asked (or answered) about `issueStatus`. */
  statusCheckedAt: z.string().nullable().default(null),
  /** How many times the status has been looked up since the issue: the next look-up waits longer each time. */
  statusChecks: z.number().int().nonnegative().default(0),
  /** Issued by the shop itself to the tax office's number (자진발급, 의무발행업종): no customer number was given. */
  selfIssued: z.boolean().default(false),
});
export type CashReceipt = z.infer<typeof cashReceiptSchema>;

/** A 현금영수증 the tax office refused, as the day close lists it. */
export const failedCashReceiptSchema = z.strictObject({
  orderId: z.string(),
  orderName: z.string(),
  /** What the receipt was for: what the customer still has paid in cash. */
  amount: wonSchema,
  paidAt: z.string(),
  type: z.enum(cashReceiptTypes),
  identityMasked: z.string(),
  selfIssued: z.boolean(),
  failure: z.strictObject({ code: z.string(), message: z.string() }).nullable(),
  checkedAt: z.string().nullable(),
});
export type FailedCashReceipt = z.infer<typeof failedCashReceiptSchema>;

/** A sale paid in cash: what the customer handed over and got back. */
export const cashTenderSchema = z.strictObject({
  received: wonSchema,
  change: wonSchema,
  paidAt: z.string(),
  cashReceipt: cashReceiptSchema.nullable(),
});
export type CashTender = z.infer<typeof cashTenderSchema>;

/** Change for a cash sale; null when what was handed over does not cover it. */
export function changeFor(amount: Won, received: Won): Won | null {
  return assertWon(received) < assertWon(amount) ? null : received - amount;
}
