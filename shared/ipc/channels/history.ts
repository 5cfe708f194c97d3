import { z } from 'zod';
import { historyCursorSchema, historyFilterSchema, historyPageSchema, historyTotalsSchema } from '../../domain/history';
import { orderIdSchema, orderSchema } from '../../domain/order';
import { refundReasonSchema, refundRequestSchema, refundLineSchema } from '../../domain/refunds';
import { wonSchema } from '../../domain/money';
import { defineChannels } from '../channel';

export const historyChannels = defineChannels({
  /** A page of orders, newest first, within the filter; `cursor` from the previous page goes on from there. */
  'history:list': {
    role: 'manager',
    input: z.strictObject({ filter: historyFilterSchema, cursor: historyCursorSchema.optional(), limit: z.number().int().min(1).max(200) }),
    output: historyPageSchema,
  },
  /** Real sales of the range in figures (training never counts), from each day's summary. */
  'history:totals': { role: 'manager', input: z.strictObject({ from: historyFilterSchema.shape.from, to: historyFilterSchema.shape.to }), output: historyTotalsSchema },
  /** One order, whole: lines with their discount shares, the payment, attempts and refunds. */
  'history:order': { role: 'manager', input: z.strictObject({ orderId: orderIdSchema }), output: orderSchema },
  'history:export': { role: 'manager', input: z.strictObject({ filter: historyFilterSchema }), output: z.strictObject({ fileName: z.string(), csv: z.string().max(500_000_000) }) },
  /** What a refund would give back, line by line, checked as `refund:create` will check it; nothing is sent or stored. */
  'refund:preview': {
    role: 'manager',
    input: z.strictObject({ orderId: orderIdSchema, request: refundRequestSchema }),
    output: z.strictObject({ amount: wonSchema, lines: z.array(refundLineSchema), balanceAfter: wonSchema, coupon: z.enum(['restored', 'kept', 'expired', 'none']) }),
  },
  /** Refunds through Toss's cancel, journaled first; the order as it stands after. */
  'refund:create': { role: 'manager', input: z.strictObject({ orderId: orderIdSchema, request: refundRequestSchema, reason: refundReasonSchema }), output: orderSchema },
});
