import { z } from 'zod';
import { callBoardSchema, emptyCallBoard } from './call-board';
import { localizedTextSchema } from './catalog';
import { manualDiscountSchema } from './coupons';
import { wonSchema } from './money';
import { cartLineSchema, memoSchema } from './cart-line';
import { orderIdSchema, paymentKeySchema } from './order';

/**
 * The register as the cashier left it, kept by main so a reload or a crash of the window gives
 * it back: the cart, the order priced for it, a window approval whose outcome is still unknown,
 * and how far the customer has got (the customer screen follows it).
 */
export const registerDraftSchema = z.strictObject({
  lines: z.array(cartLineSchema.strict()).max(200),
  /** The cashier's note on the whole order. */
  memo: memoSchema.nullable().default(null),
  /** The coupon applied to the cart, as main read it; main checks it again for every quote and order. */
  couponCode: z.string().max(40).nullable().default(null),
  manualDiscount: manualDiscountSchema.nullable().default(null),
  pending: z
    .strictObject({
      orderId: orderIdSchema,
      orderName: z.string().min(1).max(100),
      amount: wonSchema,
      /** The 면세 part the payment window is told (absent in drafts from before 면세). */
      taxFreeAmount: wonSchema.optional(),
      cartKey: z.string().max(10_000),
    })
    .nullable(),
  approval: z.strictObject({ orderId: orderIdSchema, paymentKey: paymentKeySchema, amount: wonSchema }).nullable(),
  stage: z.enum(['ringing', 'paying', 'paid']),
  paidOrderId: orderIdSchema.nullable(),
});
export type RegisterDraft = z.infer<typeof registerDraftSchema>;

export const emptyDraft: RegisterDraft = {
  lines: [],
  memo: null,
  couponCode: null,
  manualDiscount: null,
  pending: null,
  approval: null,
  stage: 'ringing',
  paidOrderId: null,
};

/** What the customer's screen shows: built by main from the draft and its own catalog, never sent by the page. */
export const customerViewSchema = z.strictObject({
  stage: z.enum(['idle', 'ringing', 'paying', 'paid']),
  lines: z.array(
    z.strictObject({
      name: localizedTextSchema,
      /** The options rung up with it, in the product's order ("ICE", "샷 추가" ×2). */
      options: z.array(z.strictObject({ name: localizedTextSchema, count: z.number().int().positive() })),
      memo: memoSchema.nullable(),
      quantity: z.number().int().positive(),
      lineTotal: wonSchema,
    }),
  ),
  /** The cashier's note on the whole order ("5번 테이블"). */
  memo: memoSchema.nullable(),
  /** Taken off by coupons and discounts (main's own pricing). */
  discount: wonSchema.default(0),
  total: wonSchema,
  callNumber: z.number().int().positive().nullable(),
  training: z.boolean(),
  /** The number board: the day's orders being made and those called out as ready. */
  board: callBoardSchema.default(emptyCallBoard),
  /** The register's language and whether it chimes: the customer's screen follows both. */
  locale: z.enum(['ko', 'en']).default('ko'),
  sounds: z.boolean().default(true),
});
export type CustomerView = z.infer<typeof customerViewSchema>;
