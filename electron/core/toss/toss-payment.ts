import { z } from 'zod';

/**
 * The parts of Toss's Payment object (API 2022-11-16) we rely on. Toss adds fields without a
 * version bump, so unknown fields are allowed and ignored.
 */
export const tossPaymentSchema = z.looseObject({
  paymentKey: z.string(),
  orderId: z.string(),
  orderName: z.string().nullable().optional(),
  status: z.enum([
    'READY',
    'IN_PROGRESS',
    'WAITING_FOR_DEPOSIT',
    'DONE',
    'CANCELED',
    'PARTIAL_CANCELED',
    'ABORTED',
    'EXPIRED',
  ]),
  method: z.string().nullable().optional(),
  totalAmount: z.number().int(),
  balanceAmount: z.number().int(),
  approvedAt: z.string().nullable().optional(),
  card: z
    .looseObject({
      number: z.string().nullable().optional(),
      approveNo: z.string().nullable().optional(),
      cardType: z.string().nullable().optional(),
      installmentPlanMonths: z.number().int().nullable().optional(),
      issuerCode: z.string().nullable().optional(),
    })
    .nullable()
    .optional(),
  receipt: z.looseObject({ url: z.string().nullable().optional() }).nullable().optional(),
  failure: z.looseObject({ code: z.string(), message: z.string() }).nullable().optional(),
  /** Every cancel (whole or partial) Toss carried out, oldest first. */
  cancels: z
    .array(
      z.looseObject({
        cancelAmount: z.number().int(),
        transactionKey: z.string(),
        canceledAt: z.string(),
        cancelReason: z.string().nullable().optional(),
      }),
    )
    .nullable()
    .optional(),
});

export type TossPayment = z.infer<typeof tossPaymentSchema>;

export const tossErrorBodySchema = z.looseObject({ code: z.string(), message: z.string() });
