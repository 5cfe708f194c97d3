import { z } from 'zod';
import { orderIdSchema, orderSchema, paymentKeySchema } from '../../domain/order';
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
  /** Payments being settled in the background, and the outcomes the cashier has not dismissed yet. */
  'payment:settlements': { role: 'cashier', input: z.strictObject({}), output: z.array(settlementSchema) },
  /** The cashier has seen this outcome: it leaves the register's notice (one still open stays). */
  'payment:dismiss-settlement': {
    role: 'cashier',
    input: z.strictObject({ orderId: orderIdSchema }),
    output: z.array(settlementSchema),
  },
});
