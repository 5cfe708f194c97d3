import { z } from 'zod';
import { MAX_CASH_RECEIVED, cashReceiptRequestSchema, failedCashReceiptSchema } from '../../domain/cash';
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
    tillSignIn: true,
    input: z.strictObject({
      orderId: orderIdSchema,
      received: wonSchema.max(MAX_CASH_RECEIVED),
      cashReceipt: cashReceiptRequestSchema.optional(),
    }),
    output: orderSchema,
  },
  /**
   * A cash part of an order paid in parts, opened and paid at once: `amount` of what is left to
   * pay (never above it), `received` what the customer handed over (change = received − amount).
   * A 현금영수증 asked for here covers this part's amount only. An order takes one cash part;
   * the order is PAID (with its 대기번호) once its PAID parts add up to its amount. `cash:receipt`
   * issues the cash part's 현금영수증 later, as for a cash sale.
   */
  'cash:pay-part': {
    role: 'cashier',
    tillSignIn: true,
    input: z.strictObject({
      orderId: orderIdSchema,
      amount: wonSchema.min(1).max(MAX_CASH_RECEIVED),
      received: wonSchema.max(MAX_CASH_RECEIVED),
      cashReceipt: cashReceiptRequestSchema.optional(),
    }),
    output: orderSchema,
  },
  /**
   * The 현금영수증 the tax office refused (Toss's issueStatus FAILED) and that were not issued again,
   * whatever their day: the day close lists them with what to do (issue again from the order's detail).
   */
  'cash:receipt-failures': {
    role: 'manager',
    input: z.strictObject({}),
    output: z.array(failedCashReceiptSchema),
  },
  /** A cash sale's 현금영수증, asked for again (Toss refused it, or its answer was lost) or later. */
  'cash:receipt': {
    role: 'cashier',
    tillSignIn: true,
    input: z.strictObject({ orderId: orderIdSchema, request: cashReceiptRequestSchema }),
    output: orderSchema,
  },
});
