import { z } from 'zod';
import { orderIdSchema, orderSchema, paymentKeySchema } from '../../domain/order';
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
});
