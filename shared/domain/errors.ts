import { z } from 'zod';

/**
 * What went wrong, as a code a cashier (or the renderer) can act on. Messages for people live
 * in `messages.ts`; `message` here is a plain English detail for logs and developers.
 */
export const posErrorCodes = [
  'INVALID_INPUT',
  'EMPTY_CART',
  'UNKNOWN_PRODUCT',
  'ORDER_NOT_FOUND',
  'ORDER_ALREADY_PAID',
  'ORDER_WRONG_MODE',
  'PRODUCT_SOLD_OUT',
  'STOCK_SHORT',
  'OPTION_INVALID',
  'AMOUNT_MISMATCH',
  'PAYMENT_MISMATCH',
  'PAYMENT_DECLINED',
  'PAYMENT_EXPIRED',
  'PAYMENT_TEMPORARY_FAILURE',
  'PAYMENT_CANCELED_BY_CUSTOMER',
  'TOSS_UNREACHABLE',
  'TOSS_CONFIGURATION',
  'PAYMENT_COMPENSATED',
  'MANAGER_REQUIRED',
  'PIN_WRONG',
  'PIN_LOCKED',
  'SETUP_DONE',
  'CATALOG_START_CLOSED',
  'PIN_TAKEN',
  'LAST_MANAGER',
  'TRAINING_MANAGER_LIMITED',
  'SIGN_IN_NEEDED',
  'NAME_SIGN_IN_OFF',
  'TOSS_KEY_REJECTED',
  'LIVE_KEYS_MISSING',
  'LIVE_NEEDS_MANAGER',
  'PAYMENT_IN_FLIGHT',
  'CATALOG_CONFLICT',
  'ORDER_ABANDONED',
  'HELD_CART_NOT_FOUND',
  'HELD_CARTS_FULL',
  'REGISTER_NOT_EMPTY',
  'COUPON_UNKNOWN',
  'COUPON_MISTYPED',
  'COUPON_NOT_YET_VALID',
  'COUPON_EXPIRED',
  'COUPON_USED',
  'COUPON_RESERVED',
  'COUPON_VOIDED',
  'COUPON_BELOW_MINIMUM',
  'COUPON_NOT_APPLICABLE',
  'COUPON_WINDOW_INVALID',
  'COUPON_ELSEWHERE',
  'COUPON_STORE_OFFLINE',
  'DISCOUNT_INVALID',
  'DISCOUNT_NEEDS_MANAGER',
  'DISCOUNT_APPROVAL_INVALID',
  'DISCOUNT_APPROVAL_USED',
  'DISCOUNT_APPROVAL_EXPIRED',
  'DISCOUNT_APPROVAL_OTHER_CART',
  'DISCOUNT_APPROVAL_OTHER_MODE',
  'BELOW_CARD_MINIMUM',
  'PART_OVER_REST',
  'PART_BELOW_CARD_MINIMUM',
  'PART_UNDER_WAY',
  'PART_NOT_OPEN',
  'ORDER_PAID_IN_PARTS',
  'CASH_PART_TAKEN',
  'CASH_NOT_ENOUGH',
  'CASH_RECEIPT_REFUSED',
  'CASH_RECEIPT_NOT_ALLOWED',
  'CASH_RECEIPT_FULLY_REFUNDED',
  'CASH_RECEIPT_PENDING',
  'CASH_RECEIPT_ALREADY_ISSUED',
  'REFUND_NOT_PAID',
  'REFUND_INVALID',
  'REFUND_EXCEEDS_BALANCE',
  'REFUND_NOTHING_LEFT',
  'REFUND_IN_FLIGHT',
  'REFUND_STORE_OFFLINE',
  'REFUND_DECLINED',
  'REFUND_PART_REQUIRED',
  'DAY_ALREADY_CLOSED',
  'DAY_NOT_STARTED',
  'DAY_HAS_OPEN_WORK',
  'DAY_CLOSE_IN_TRAINING',
  'DAY_PRACTICE_OUTSIDE_TRAINING',
  'DRAWER_NOT_OPEN',
  'DRAWER_ALREADY_OPEN',
  'DRAWER_SHORT_FOR_PAID_OUT',
  'DISPLAY_NOT_CONNECTED',
  'KEY_STORAGE_UNAVAILABLE',
  'KEY_STORAGE_UNENCRYPTED',
  'KEYRING_LOCKED',
  'APP_CLOSING',
  'STORE_FILE_CORRUPT',
  'STORE_WRITE_REFUSED',
  'SHARED_STORE_UNREACHABLE',
  'SHARED_STORE_SCHEMA_NEWER',
  'FORBIDDEN',
  'INTERNAL',
] as const;

export type PosErrorCode = (typeof posErrorCodes)[number];

export const posErrorSchema = z.strictObject({
  code: z.enum(posErrorCodes),
  message: z.string().max(600),
  /** Toss's own code (REST or SDK) when Toss said no, e.g. REJECT_CARD_COMPANY. */
  tossCode: z.string().max(80).optional(),
  /** True when trying the same thing again may succeed. */
  retryable: z.boolean(),
  /** What the person needs to act on it: since when a coupon expired, how many won are missing. */
  details: z.record(z.string().max(40), z.union([z.string().max(200), z.number()])).optional(),
});

export type PosErrorData = z.infer<typeof posErrorSchema>;
export type PosErrorDetails = NonNullable<PosErrorData['details']>;

/** Thrown by main-process services; crosses IPC as `PosErrorData`. */
export class PosError extends Error {
  readonly code: PosErrorCode;
  readonly tossCode: string | undefined;
  readonly retryable: boolean;
  readonly details: PosErrorDetails | undefined;

  constructor(
    code: PosErrorCode,
    message: string,
    options: { tossCode?: string; retryable?: boolean; details?: PosErrorDetails } = {},
  ) {
    super(message);
    this.name = 'PosError';
    this.code = code;
    this.tossCode = options.tossCode;
    this.retryable = options.retryable ?? false;
    this.details = options.details;
  }

  toData(): PosErrorData {
    return {
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      ...(this.tossCode === undefined ? {} : { tossCode: this.tossCode }),
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}
