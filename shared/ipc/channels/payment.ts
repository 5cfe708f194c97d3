import { z } from 'zod';
import { orderIdSchema, orderSchema, paymentKeySchema } from '../../domain/order';
import { MAX_CASH_RECEIVED, cashReceiptRequestSchema } from '../../domain/cash';
import { wonSchema } from '../../domain/money';
import { settlementSchema } from '../../domain/settlements';
import { defineChannels } from '../channel';

export const paymentChannels = defineChannels({
  'payment:confirm': {
    role: 'cashier',
    input: z.strictObject({
      orderId: orderIdSchema,
      paymentKey: paymentKeySchema,
      amount: z.number().int().nonnegative(),
    }),
    output: orderSchema,
  },
  /** An order its discounts brought to 0 won: paid without a payment window, nothing sent to Toss. */
  'payment:complete-free': { role: 'cashier', input: z.strictObject({ orderId: orderIdSchema }), output: orderSchema },
  /**
   * Paid in cash at the counter: recorded with nothing sent to Toss, and its 현금영수증 issued
   * through Toss when asked (the order says if Toss refused it; the sale stands either way).
   */
  'payment:cash': {
    role: 'cashier',
    input: z.strictObject({ orderId: orderIdSchema, received: wonSchema.max(MAX_CASH_RECEIVED), cashReceipt: cashReceiptRequestSchema.optional() }),
    output: orderSchema,
  },
  /** A cash sale's 현금영수증, asked for again (Toss refused it, or its answer was lost) or later. */
  'payment:cash-receipt': { role: 'cashier', input: z.strictObject({ orderId: orderIdSchema, request: cashReceiptRequestSchema }), output: orderSchema },
  /** Payments being settled in the background, and the outcomes the cashier has not dismissed yet. */
  'payment:settlements': { role: 'cashier', input: z.strictObject({}), output: z.array(settlementSchema) },
  /** The cashier has seen this outcome: it leaves the register's notice (one still open stays). */
  'payment:dismiss-settlement': { role: 'cashier', input: z.strictObject({ orderId: orderIdSchema }), output: z.array(settlementSchema) },
});
