import { z } from 'zod';
import { MAX_CASH_RECEIVED, cashReceiptRequestSchema } from '../../domain/cash';
import { wonSchema } from '../../domain/money';
import { orderIdSchema, orderSchema } from '../../domain/order';
import { defineChannels } from '../channel';

export const cashChannels = defineChannels({
  /**
   * Paid in cash at the counter: recorded with nothing sent to Toss, and its 현금영수증 issued
   * through Toss when asked (the order says if Toss refused it; the sale stands either way).
   */
  'cash:sale': {
    role: 'cashier',
    input: z.strictObject({
      orderId: orderIdSchema,
      received: wonSchema.max(MAX_CASH_RECEIVED),
      cashReceipt: cashReceiptRequestSchema.optional(),
    }),
    output: orderSchema,
  },
  /** A cash sale's 현금영수증, asked for again (Toss refused it, or its answer was lost) or later. */
  'cash:receipt': {
    role: 'cashier',
    input: z.strictObject({ orderId: orderIdSchema, request: cashReceiptRequestSchema }),
    output: orderSchema,
  },
});
