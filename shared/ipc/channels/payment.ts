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
});
