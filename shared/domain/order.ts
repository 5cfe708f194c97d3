import { z } from 'zod';
import { wonSchema } from './money';

/** Toss allows 6–64 of [A-Za-z0-9_-=]; we keep to the subset both of its specs accept. */
export const orderIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'order id must be 6–64 of A–Z a–z 0–9 _ -');

export const paymentKeySchema = z.string().min(1).max(200);

/** The largest quantity of one product on one order; beyond it is a typo, not a sale. */
export const MAX_LINE_QUANTITY = 999;

export const orderStatuses = ['PENDING', 'CONFIRMING', 'PAID'] as const;
/**
 * PENDING: priced, waiting for (another) payment attempt. CONFIRMING: journaled before asking
 * Toss to confirm, so a crash mid-confirm is settled on the next start. PAID: Toss approved and
 * we recorded it.
 */
export const orderStatusSchema = z.enum(orderStatuses);
export type OrderStatus = z.infer<typeof orderStatusSchema>;

export const orderLineSchema = z.strictObject({
  productId: z.string(),
  name: z.string(),
  unitPrice: wonSchema,
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
  lineTotal: wonSchema,
});
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
});
export type PaymentRecord = z.infer<typeof paymentRecordSchema>;

/**
 * One try at paying an order: the journal that survives a crash mid-confirm. COMPENSATED: Toss
 * approved but we could not record the sale, so the payment was cancelled at Toss.
 */
export const paymentAttemptSchema = z.strictObject({
  paymentKey: paymentKeySchema,
  startedAt: z.string(),
  outcome: z.enum(['CONFIRMING', 'APPROVED', 'FAILED', 'COMPENSATED']),
  endedAt: z.string().optional(),
  code: z.string().optional(),
  message: z.string().optional(),
});
export type PaymentAttempt = z.infer<typeof paymentAttemptSchema>;

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
  supplyAmount: wonSchema,
  vatAmount: wonSchema,
  status: orderStatusSchema,
  attempts: z.array(paymentAttemptSchema),
  payment: paymentRecordSchema.nullable(),
  /** 대기번호: the number called out to the customer, 1, 2, 3 … per business day, given when paid. */
  callNumber: z.number().int().positive().nullable().default(null),
});
export type Order = z.infer<typeof orderSchema>;
