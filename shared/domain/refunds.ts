import { z } from 'zod';
import { lineKeySchema, readLegacyLineKey } from './cart-line';
import { wonSchema } from './money';
import { partNumberSchema } from './part-number';
import { cashierSchema } from './staff';

const instant = z.iso.datetime({ offset: true });

/** What a manager asks to refund: everything left, some lines (and how many of each), or an amount. */
export const refundRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('full') }),
  z.strictObject({
    kind: z.literal('lines'),
    lines: z
      // How many is checked against the order's own lines (never more than are left).
      .array(
        z.preprocess(
          readLegacyLineKey,
          z.strictObject({ lineKey: lineKeySchema, quantity: z.number().int().min(1).max(100_000) }),
        ),
      )
      .min(1)
      .max(200),
  }),
  z.strictObject({ kind: z.literal('amount'), amount: wonSchema.min(1).max(100_000_000) }),
]);
export type RefundRequest = z.infer<typeof refundRequestSchema>;

/** Preset reasons the refund dialog offers (free text is taken too). */
export const REFUND_REASONS = ['고객 변심', '상품 불량', '주문 실수', '결제 오류'] as const;

export const refundReasonSchema = z.string().trim().min(1).max(200);

/** One line's part of a refund: how many units went back (0 for a refund by amount) and how many won. */
export const refundLineSchema = z.preprocess(
  readLegacyLineKey,
  z.strictObject({ lineKey: lineKeySchema, quantity: z.number().int().min(0), amount: wonSchema }),
);
export type RefundLine = z.infer<typeof refundLineSchema>;

/**
 * One refund in the order's append-only ledger. REFUNDING is journaled before Toss is asked (a
 * crash mid-refund is settled by asking Toss later, never by cancelling again under a new key);
 * DONE carries Toss's cancel entry; FAILED is a refusal Toss gave, which moved no money.
 */
export const refundEntrySchema = z.strictObject({
  refundId: z.string().regex(/^r\d{1,4}$/),
  kind: z.enum(['full', 'lines', 'amount']),
  amount: wonSchema,
  lines: z.array(refundLineSchema),
  reason: refundReasonSchema,
  approvedBy: z.string().max(40),
  /** Who was signed in at the till and asked for it (the approving manager is `approvedBy`); none on refunds from before sign-in. */
  requestedBy: cashierSchema.nullable().optional(),
  requestedAt: instant,
  status: z.enum(['REFUNDING', 'DONE', 'FAILED']),
  transactionKey: z.string().max(200).nullable(),
  canceledAt: z.string().max(40).nullable(),
  /** Toss's balance after this refund, as Toss reported it. */
  tossBalance: wonSchema.nullable(),
  failure: z.strictObject({ code: z.string().max(80), message: z.string().max(600) }).nullable(),
  /** What happened to the order's coupon: given back (full refund, still in its window), kept used, or none. */
  coupon: z.enum(['restored', 'kept', 'expired', 'none']).nullable(),
  /**
   * The part of an order paid in parts this refund goes back to (a card part through Toss's
   * cancel of that part's payment, the cash part in cash); absent for an order paid by one tender.
   */
  part: partNumberSchema.optional(),
});
export type RefundEntry = z.infer<typeof refundEntrySchema>;

export type RefundState = 'none' | 'partial' | 'full';

/** What the order's refunds took back so far: refunds Toss carried out, and any still being settled. */
export function refundedAmount(refunds: readonly RefundEntry[]): number {
  return refunds.filter((refund) => refund.status !== 'FAILED').reduce((sum, refund) => sum + refund.amount, 0);
}

/** Whether a paid order of `amount` is untouched, partly or fully refunded. */
export function refundState(amount: number, refunds: readonly RefundEntry[]): RefundState {
  const refunded = refundedAmount(refunds);
  if (refunded === 0 && !refunds.some((refund) => refund.kind === 'full' && refund.status !== 'FAILED')) return 'none';
  return refunded >= amount ? 'full' : 'partial';
}
