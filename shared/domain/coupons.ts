import { z } from 'zod';
import { lineKeySchema, readLegacyLineKey } from './cart-line';
import { catalogIdSchema } from './catalog';
import { CODE_LENGTH } from './coupon-code';
import { wonSchema } from './money';
import { orderIdSchema } from './order';
import { SEOUL_LOCAL } from './time';

const instant = z.iso.datetime({ offset: true });
const staffName = z.string().max(40);

/** The most codes one issue makes, and the most a shop's book holds. */
export const MAX_ISSUE_COUNT = 10_000;
export const MAX_ISSUED_COUPONS = 1_000_000;

/** What a coupon takes off: a fixed amount, or a percent with a cap in won. */
export const couponBenefitSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('fixed'), amount: wonSchema.min(1).max(10_000_000) }),
  z.strictObject({
    type: z.literal('percent'),
    percent: z.number().int().min(1).max(100),
    maxDiscount: wonSchema.min(1).max(10_000_000),
  }),
]);
export type CouponBenefit = z.infer<typeof couponBenefitSchema>;

/** Which lines a coupon applies to; both lists empty: the whole order. */
export const couponScopeSchema = z.strictObject({
  categoryIds: z.array(catalogIdSchema).max(100),
  productIds: z.array(catalogIdSchema).max(500),
});
export type CouponScope = z.infer<typeof couponScopeSchema>;

export const couponDefinitionDraftSchema = z.strictObject({
  /** Printed on the receipt. */
  name: z.string().trim().min(1).max(40),
  benefit: couponBenefitSchema,
  minOrderAmount: wonSchema.max(100_000_000),
  scope: couponScopeSchema,
});
export type CouponDefinitionDraft = z.infer<typeof couponDefinitionDraftSchema>;

export const couponDefinitionIdSchema = z.string().regex(/^cdef-[a-f0-9]{12}$/);

export const couponDefinitionSchema = couponDefinitionDraftSchema.extend({
  id: couponDefinitionIdSchema,
  createdAt: instant,
  createdBy: staffName,
});
export type CouponDefinition = z.infer<typeof couponDefinitionSchema>;

/** One issue of codes for a definition: they share its validity window (`validUntil` exclusive). */
export const couponBatchSchema = z.strictObject({
  id: z.string().regex(/^cbat-[a-f0-9]{12}$/),
  definitionId: couponDefinitionIdSchema,
  count: z.number().int().min(1).max(MAX_ISSUE_COUNT),
  validFrom: instant,
  validUntil: instant,
  issuedAt: instant,
  issuedBy: staffName,
});
export type CouponBatch = z.infer<typeof couponBatchSchema>;

/** `coupons.json` (lowdb): what is small and changes rarely. */
export const couponsFileSchema = z.strictObject({
  definitions: z.array(couponDefinitionSchema),
  batches: z.array(couponBatchSchema),
});
export type CouponsFile = z.infer<typeof couponsFileSchema>;

export const couponCodeSchema = z.string().length(CODE_LENGTH);

const stamp = z.strictObject({ orderId: orderIdSchema, at: instant });

/** An open order holding a coupon, since when. */
export interface Reservation {
  orderId: string;
  at: string;
}

/**
 * One issued coupon as the journal keeps it (`coupons/issued.jsonl`, a line per change): a
 * fresh code is just its code and batch; a use or a void adds one line. A reservation is not
 * here: the open order's own journal line holds it.
 */
export const couponRecordSchema = z.strictObject({
  code: couponCodeSchema,
  batchId: couponBatchSchema.shape.id,
  used: stamp.optional(),
  voided: z.strictObject({ by: staffName, at: instant }).optional(),
});
export type CouponRecord = z.infer<typeof couponRecordSchema>;

export const couponStates = ['available', 'not-yet-valid', 'reserved', 'used', 'expired', 'voided'] as const;
export const couponStateSchema = z.enum(couponStates);
export type CouponState = z.infer<typeof couponStateSchema>;

/**
 * An issued coupon as everyone else sees it (after the classic `IssuedCoupon`): its code, its
 * window, `isValid` (false once voided or used), `isUsed` with `usedAt` and the order that used
 * it, and the open order holding it, if any.
 */
export const issuedCouponSchema = z.strictObject({
  code: couponCodeSchema,
  definitionId: couponDefinitionIdSchema,
  name: z.string(),
  batchId: couponBatchSchema.shape.id,
  validFrom: instant,
  validUntil: instant,
  isValid: z.boolean(),
  isUsed: z.boolean(),
  usedAt: instant.nullable(),
  orderId: orderIdSchema.nullable(),
  reservedBy: orderIdSchema.nullable(),
  voidedAt: instant.nullable(),
  state: couponStateSchema,
});
export type IssuedCoupon = z.infer<typeof issuedCouponSchema>;

/** Where a coupon stands at `now`: voided and used first, then its window, then a reservation. */
export function couponState(
  record: CouponRecord,
  batch: Pick<CouponBatch, 'validFrom' | 'validUntil'>,
  reservation: Reservation | undefined,
  now: Date,
): CouponState {
  if (record.voided) return 'voided';
  if (record.used) return 'used';
  if (now.getTime() < Date.parse(batch.validFrom)) return 'not-yet-valid';
  if (now.getTime() >= Date.parse(batch.validUntil)) return 'expired';
  return reservation === undefined ? 'available' : 'reserved';
}

const seoulLocal = z.string().regex(SEOUL_LOCAL, 'a date (YYYY-MM-DD) or date and time (YYYY-MM-DDTHH:mm)');

export const couponIssueRequestSchema = z.strictObject({
  definitionId: couponDefinitionIdSchema,
  count: z.number().int().min(1).max(MAX_ISSUE_COUNT),
  /** Seoul wall-clock: a bare date starts at 00:00. */
  validFrom: seoulLocal,
  /** Seoul wall-clock: a bare date runs to the end of that day. */
  validUntil: seoulLocal,
});
export type CouponIssueRequest = z.infer<typeof couponIssueRequestSchema>;

export const couponFilterSchema = z.strictObject({
  definitionId: couponDefinitionIdSchema.optional(),
  state: couponStateSchema.optional(),
  /** Part of a code, as typed (case, spaces and dashes ignored). */
  search: z.string().max(20).optional(),
});
export type CouponFilter = z.infer<typeof couponFilterSchema>;

export const couponPageSchema = z.strictObject({
  rows: z.array(issuedCouponSchema),
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
});
export type CouponPage = z.infer<typeof couponPageSchema>;

/** A manual discount the cashier types: an amount or a percent, off one line or the whole order, with a reason. */
const manualDiscountFields = z.strictObject({
  kind: z.enum(['fixed', 'percent']),
  value: z.number().int().min(1).max(100_000_000),
  /** The line (lineKeyOf) to take it off; null: the whole order. */
  lineKey: lineKeySchema.nullable(),
  reason: z.string().trim().min(1).max(100),
  /** A manager's approval (discount:approve) for a discount above the shop's limit. */
  approvalId: z.string().max(40).optional(),
});
/** Drafts kept before options named the discounted line by `productId`: read as the line key it was. */
export const manualDiscountSchema = z.preprocess(readLegacyLineKey, manualDiscountFields);
/** What a manager approves: the discount without an approval. */
export const discountToApproveSchema = manualDiscountFields.omit({ approvalId: true });
export type ManualDiscount = z.infer<typeof manualDiscountSchema>;

/** Above these a manual discount needs a manager's PIN. */
export const discountLimitsSchema = z.strictObject({
  percent: z.number().int().min(0).max(100),
  won: wonSchema.max(100_000_000),
});
export type DiscountLimits = z.infer<typeof discountLimitsSchema>;
export const defaultDiscountLimits: DiscountLimits = { percent: 10, won: 5000 };
