import { z } from 'zod';
import { wonSchema } from '../../domain/money';
import { orderIdSchema, orderSchema } from '../../domain/order';
import { refundLineSchema, refundReasonSchema, refundRequestSchema } from '../../domain/refunds';
import { defineChannels } from '../channel';

export const refundChannels = defineChannels({
  /** What a refund would give back, line by line, checked as `refund:create` will check it; nothing is sent or stored. */
  'refund:preview': {
    role: 'manager',
    input: z.strictObject({ orderId: orderIdSchema, request: refundRequestSchema }),
    output: z.strictObject({
      amount: wonSchema,
      lines: z.array(refundLineSchema),
      balanceAfter: wonSchema,
      coupon: z.enum(['restored', 'kept', 'expired', 'none']),
    }),
  },
  /** Refunds through Toss's cancel, journaled first; the order as it stands after. */
  'refund:create': {
    role: 'manager',
    input: z.strictObject({ orderId: orderIdSchema, request: refundRequestSchema, reason: refundReasonSchema }),
    output: orderSchema,
  },
});
