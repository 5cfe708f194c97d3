import { z } from 'zod';
import { cartLineSchema, lineKeySchema, memoSchema } from './cart-line';
import { localizedTextSchema } from './catalog';
import { manualDiscountSchema } from './coupons';
import { posErrorSchema } from './errors';
import { wonSchema } from './money';
import { registerDraftSchema } from './register';

/** How many carts may wait at once; a café never needs more, and the file stays small. */
export const MAX_HELD_CARTS = 50;

/** A held cart's name or table number ("5번", "창가 김 고객"): one short line, or nothing. */
export const heldLabelSchema = z
  .string()
  .trim()
  .max(20)
  .regex(/^[^\p{Cc}\p{Cf}]*$/u, 'a label is one line of plain text');

export const heldIdSchema = z.uuid();

/**
 * What a held cart keeps of the register: its lines, memo, coupon code and manual discount. No
 * order, no payment, no coupon reservation, and no manager's approval (approvals are single-use
 * and short-lived): a discount above the limit is approved again after resuming.
 */
export const heldContentSchema = z.strictObject({
  lines: z.array(cartLineSchema.strict()).max(200),
  memo: memoSchema.nullable(),
  couponCode: z.string().max(40).nullable(),
  manualDiscount: manualDiscountSchema.nullable(),
});
export type HeldContent = z.infer<typeof heldContentSchema>;

/**
 * One held cart in `held.json`. `holding` and `resuming` mark a move between the register's draft
 * and this file that had not finished when the app stopped; the next start settles it by looking
 * at the draft (see HeldCarts.open).
 */
export const heldCartSchema = z.strictObject({
  id: heldIdSchema,
  label: heldLabelSchema.min(1).nullable(),
  heldAt: z.iso.datetime({ offset: true }),
  cart: heldContentSchema.extend({ lines: heldContentSchema.shape.lines.min(1) }),
  /** Main's unit price of each line when it was held; null for a line it could not price then. */
  unitPrices: z.array(z.strictObject({ lineKey: lineKeySchema, unitPrice: wonSchema.nullable() })).max(200),
  /** The lines' total when held, from main's catalog, before any coupon or discount. */
  total: wonSchema,
  state: z.enum(['held', 'holding', 'resuming']),
  /** While resuming: the cart as it goes back to the register (re-priced, lines no longer sold left out). */
  resumedAs: heldContentSchema.nullable(),
});
export type HeldCart = z.infer<typeof heldCartSchema>;

export const heldFileSchema = z.strictObject({ carts: z.array(heldCartSchema).max(MAX_HELD_CARTS) });
export type HeldFile = z.infer<typeof heldFileSchema>;

/** A held cart as the list shows it. */
export const heldSummarySchema = z.strictObject({
  id: heldIdSchema,
  label: z.string().nullable(),
  heldAt: z.string(),
  /** The first line's product, to tell carts apart ("크루아상 외 2건"). */
  firstName: localizedTextSchema.nullable(),
  lineCount: z.number().int().nonnegative(),
  itemCount: z.number().int().nonnegative(),
  total: wonSchema,
});
export type HeldSummary = z.infer<typeof heldSummarySchema>;

/** A line named in a resume's report: which one, and what the screen calls it. */
const reportedLineSchema = z.strictObject({ lineKey: lineKeySchema, productId: z.string(), name: localizedTextSchema });

/** What changed while a cart was held, found by pricing it again from the catalog on resume. */
export const resumeChangesSchema = z.strictObject({
  /** Lines whose unit price is not what it was (a manager changed a product's or an option's price). */
  repriced: z.array(reportedLineSchema.extend({ before: wonSchema, after: wonSchema })),
  /** Lines left out because they can no longer be sold as they were. */
  dropped: z.array(reportedLineSchema.extend({ reason: z.enum(['gone', 'sold-out', 'option']) })),
  /** The coupon main would no longer take for this cart, and why; it is taken off. */
  coupon: z.strictObject({ code: z.string(), problem: posErrorSchema }).nullable(),
  /** The manual discount needs a manager's approval again, or no longer applies and is taken off. */
  discount: z.enum(['needs-approval', 'dropped']).nullable(),
  totalBefore: wonSchema,
  totalAfter: wonSchema,
});
export type ResumeChanges = z.infer<typeof resumeChangesSchema>;

export const heldResumeSchema = z.strictObject({ draft: registerDraftSchema, changes: resumeChangesSchema });
export type HeldResume = z.infer<typeof heldResumeSchema>;
