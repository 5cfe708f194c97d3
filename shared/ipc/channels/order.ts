import { z } from 'zod';
import { wonSchema } from '../../domain/money';
import { MAX_LINE_QUANTITY, orderIdSchema, orderSchema } from '../../domain/order';
import { defineChannels } from '../channel';

export const orderChannels = defineChannels({
  'order:create': {
    role: 'cashier',
    input: z.strictObject({
      // Lines are plain objects: anything besides product and quantity (a price, say) is dropped.
      lines: z
        .array(
          z.object({
            productId: z.string().min(1).max(40),
            quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
          }),
        )
        .max(200),
    }),
    output: z.strictObject({
      orderId: orderIdSchema,
      orderName: z.string().min(1).max(100),
      amount: wonSchema,
    }),
  },
  'order:get': { role: 'cashier', input: z.strictObject({ orderId: orderIdSchema }), output: orderSchema },
  /** Today's last paid order (the regular's "same again"), or null. */
  'order:last-paid': { role: 'cashier', input: z.strictObject({}), output: orderSchema.nullable() },
});
