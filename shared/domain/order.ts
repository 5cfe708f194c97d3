import { z } from 'zod';
import { cashTenderSchema } from './cash';
import { MAX_LINE_QUANTITY, MAX_OPTION_COUNT, lineKeySchema, memoSchema, readLegacyLineKey } from './cart-line';
import { wonSchema } from './money';
import { MAX_PAYMENT_PARTS, partNumberSchema } from './part-number';
import { refundEntrySchema } from './refunds';
import { cashierSchema } from './staff';

/** Toss allows 6–64 of [A-Za-z0-9_-=]; we keep to the subset both of its specs accept. */
export const orderIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'order id must be 6–64 of A–Z a–z 0–9 _ -');

export const paymentKeySchema = z.string().min(1).max(200);

/** Toss takes no card payment under 100 won: a discounted total must be 0 (paid by discount) or at least this. */
export const CARD_MINIMUM_WON = 100;

export const orderStatuses = ['PENDING', 'CONFIRMING', 'PAID', 'ABANDONED'] as const;
/**
 * PENDING: priced, waiting for (another) payment attempt; an order paid in parts stays PENDING
 * while its paid parts fall short of its amount. CONFIRMING: journaled before asking Toss to
 * confirm (the order's payment, or one of its card parts), so a crash mid-confirm is settled on
 * the next start. PAID: Toss approved and we recorded it, the cash is in the drawer, its paid
 * parts add up to its amount, or it cost nothing after discounts. ABANDONED: given up (the cart
 * changed, a coupon order was declined, its window expired, or every part it was paid in was
 * refunded); its coupon is free again.
 */
export const orderStatusSchema = z.enum(orderStatuses);
export type OrderStatus = z.infer<typeof orderStatusSchema>;

/** One option as sold on a line: its group, its name then, how many per unit and its price per one. */
export const soldOptionSchema = z.strictObject({
  groupId: z.string(),
  optionId: z.string(),
  name: z.string(),
  count: z.number().int().min(1).max(MAX_OPTION_COUNT),
  unitPrice: wonSchema,
});
export type SoldOption = z.infer<typeof soldOptionSchema>;

export const orderLineSchema = z.strictObject({
  productId: z.string(),
  name: z.string(),
  unitPrice: wonSchema,
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
  lineTotal: wonSchema,
  /** The line's share of every discount, in whole won: its net price is lineTotal − discount. */
  discount: wonSchema.default(0),
  /** The options sold with each unit, at their prices then; unitPrice is the product's price plus them. */
  options: z.array(soldOptionSchema).max(30).default([]),
  memo: memoSchema.nullable().default(null),
  /** Sold 면세 (its product was then); absent on lines stored before 면세 existed, which were all taxable. */
  taxFree: z.boolean().optional(),
});

/** One line's share of one discount. */
export const discountShareSchema = z.preprocess(
  readLegacyLineKey,
  z.strictObject({ lineKey: lineKeySchema, amount: wonSchema }),
);

/** A discount on an order, with its shares of the lines (largest remainder, whole won). */
export const orderDiscountSchema = z.discriminatedUnion('source', [
  z.strictObject({
    source: z.literal('coupon'),
    code: z.string(),
    name: z.string(),
    definitionId: z.string(),
    amount: wonSchema,
    shares: z.array(discountShareSchema),
  }),
  z.strictObject({
    source: z.literal('manual'),
    kind: z.enum(['fixed', 'percent']),
    /** Won, or percent, as the cashier typed it. */
    value: z.number().int().positive(),
    reason: z.string(),
    /** The manager who approved a discount above the shop's limit; null within it. */
    approvedBy: z.string().nullable(),
    amount: wonSchema,
    shares: z.array(discountShareSchema),
  }),
]);
export type OrderDiscount = z.infer<typeof orderDiscountSchema>;
export type OrderLine = z.infer<typeof orderLineSchema>;

/** What we keep of Toss's Payment object once a payment is approved. */
export const paymentRecordSchema = z.strictObject({
  paymentKey: paymentKeySchema,
  method: z.string().nullable(),
  totalAmount: wonSchema,
  approvedAt: z.string(),
  cardNumber: z.string().nullable(),
  approveNo: z.string().nullable(),
  cardType: z.string().nullable(),
  installmentPlanMonths: z.number().int().nullable(),
  receiptUrl: z.string().nullable(),
  /** Toss's code of the card company that issued the card (shared/domain/card-companies). */
  issuerCode: z.string().nullable().default(null),
});
export type PaymentRecord = z.infer<typeof paymentRecordSchema>;

/**
 * One try at paying an order: the journal that survives a crash mid-confirm. COMPENSATED: Toss
 * approved but we could not record the sale, so the payment was cancelled at Toss.
 */
export const paymentAttemptSchema = z.strictObject({
  /** The card part this try pays, for an order paid in parts; absent when it pays the whole order. */
  part: partNumberSchema.optional(),
  paymentKey: paymentKeySchema,
  startedAt: z.string(),
  outcome: z.enum(['CONFIRMING', 'APPROVED', 'FAILED', 'COMPENSATED']),
  endedAt: z.string().optional(),
  code: z.string().optional(),
  message: z.string().optional(),
});
export type PaymentAttempt = z.infer<typeof paymentAttemptSchema>;

export const paymentPartMethods = ['card', 'cash'] as const;
export const paymentPartStatuses = ['OPEN', 'CONFIRMING', 'PAID', 'FAILED'] as const;

/**
 * One tender of an order paid in parts (split payment): a card part is a Toss payment of its own,
 * under its own Toss orderId (`tossOrderId`, derived from the order's), confirmed with
 * `payment:confirm` like a whole order; a cash part is paid at the counter when it is opened.
 * OPEN: a card part whose payment window may be open, nothing confirmed. CONFIRMING: its confirm
 * is journaled before Toss is asked (a crash leaves it to settle). PAID: Toss approved it, or the
 * cash is in the drawer. FAILED: declined, given up or cancelled before it was recorded: nothing
 * was taken, and it stays listed. Its amount is checked by main when it is opened: never above
 * what is left to pay, a card part never under the card minimum.
 */
export const paymentPartSchema = z.strictObject({
  part: partNumberSchema,
  method: z.enum(paymentPartMethods),
  amount: wonSchema.min(1),
  /** The orderId Toss knows this card part by (`<orderId>-p<part>`); null for cash. */
  tossOrderId: orderIdSchema.nullable(),
  status: z.enum(paymentPartStatuses),
  /** The card payment Toss approved for this part (PAID card parts only). */
  payment: paymentRecordSchema.nullable(),
  /** What the customer handed over for a cash part, and its 현금영수증 (which covers this part only). */
  cash: cashTenderSchema.nullable(),
  openedAt: z.string(),
  /** When it was paid, or failed; null while OPEN or CONFIRMING. */
  endedAt: z.string().nullable(),
});
export type PaymentPart = z.infer<typeof paymentPartSchema>;
export type PaymentPartMethod = PaymentPart['method'];
export type PaymentPartStatus = PaymentPart['status'];

/** A cart priced by main with its discounts: what the register shows before Pay. */
export const saleQuoteSchema = z.strictObject({
  lines: z.array(orderLineSchema).min(1),
  /** Before discounts. */
  subtotal: wonSchema,
  discounts: z.array(orderDiscountSchema),
  amount: wonSchema,
  /** 과세 공급가액: amount = supplyAmount + vatAmount + taxFreeAmount. */
  supplyAmount: wonSchema,
  vatAmount: wonSchema,
  /** 면세 물품가액 after discounts (0 when absent). */
  taxFreeAmount: wonSchema.optional(),
});
export type SaleQuote = z.infer<typeof saleQuoteSchema>;

export const orderSchema = z.strictObject({
  orderId: orderIdSchema,
  /** The business day (Asia/Seoul) the order belongs to, YYYY-MM-DD. */
  businessDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Rung up in training mode: never counted as a sale. */
  training: z.boolean(),
  lines: z.array(orderLineSchema).min(1),
  orderName: z.string().min(1).max(100),
  amount: wonSchema,
  /** 과세 공급가액: amount = supplyAmount + vatAmount + taxFreeAmount. */
  supplyAmount: wonSchema,
  vatAmount: wonSchema,
  /** 면세 물품가액 after discounts: what Toss is told as taxFreeAmount. Absent on orders stored before 면세 existed (all taxable). */
  taxFreeAmount: wonSchema.optional(),
  status: orderStatusSchema,
  attempts: z.array(paymentAttemptSchema),
  /** The card payment Toss approved; null for cash, for an order paid in parts, and for an order its discounts made free. */
  payment: paymentRecordSchema.nullable(),
  /** Paid in cash at the counter (nothing through Toss but its 현금영수증); null for an order paid in parts. */
  cash: cashTenderSchema.nullable().default(null),
  /**
   * The tenders of an order paid in parts (split payment), in the order they were opened; empty
   * for an order paid by one tender (`payment` or `cash`). The order is PAID when its PAID parts
   * add up to its amount; a coupon or a manual discount is the order's, never a part's.
   */
  parts: z.array(paymentPartSchema).max(MAX_PAYMENT_PARTS).default([]),
  /** 대기번호: the number called out to the customer, 1, 2, 3 … per business day, given when paid. */
  callNumber: z.number().int().positive().nullable().default(null),
  discounts: z.array(orderDiscountSchema).default([]),
  /** The cashier's note on the whole order (a table, a pickup time); on the receipt, never sent to Toss. */
  memo: memoSchema.nullable().default(null),
  /** The refund ledger: append-only, one entry per refund asked for. */
  refunds: z.array(refundEntrySchema).default([]),
  /** Who rang it up: the person signed in at the till, stamped by main; none on orders from before sign-in. */
  cashier: cashierSchema.nullable().optional(),
});
export type Order = z.infer<typeof orderSchema>;

/** The coupon codes an order holds (reserved while open, used once paid). */
export function couponCodesOf(order: Pick<Order, 'discounts'>): string[] {
  return order.discounts.flatMap((discount) => (discount.source === 'coupon' ? [discount.code] : []));
}
