import { z } from 'zod';
import { manualDiscountSchema } from '../../domain/coupons';
import { wonSchema } from '../../domain/money';
import { MAX_LINE_QUANTITY, orderIdSchema, orderSchema, saleQuoteSchema } from '../../domain/order';
import { defineChannels } from '../channel';

/** The cart as the register sends it: ids and quantities only, and any coupon or manual discount. */
const saleRequestSchema = z.strictObject({
  // Lines are plain objects: anything besides product and quantity (a price, say) is dropped.
  lines: z
    .array(
      z.object({
        productId: z.string().min(1).max(40),
        quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
      }),
    )
    .max(200),
  /** As typed or scanned: case, spaces and dashes are ignored. */
  couponCode: z.string().max(40).optional(),
  manualDiscount: manualDiscountSchema.optional(),
});

export const saleChannels = defineChannels({
  /** What main would charge for this cart and its discounts; nothing is stored or reserved. */
  'sale:quote': {
    role: 'cashier',
    input: saleRequestSchema.extend({ heldBy: orderIdSchema.optional() }),
    output: saleQuoteSchema,
  },
  'sale:create': {
    role: 'cashier',
    input: saleRequestSchema,
    output: z.strictObject({
      orderId: orderIdSchema,
      orderName: z.string().min(1).max(100),
      amount: wonSchema,
    }),
  },
  /** Gives up an open order (the cart changed, the sale was cleared): its coupon is free again. */
  'sale:abandon': {
    role: 'cashier',
    input: z.strictObject({ orderId: orderIdSchema }),
    output: orderSchema.nullable(),
  },
  'sale:get': { role: 'cashier', input: z.strictObject({ orderId: orderIdSchema }), output: orderSchema },
  /** Today's last paid order (the regular's "same again"), or null. */
  'sale:last-paid': { role: 'cashier', input: z.strictObject({}), output: orderSchema.nullable() },
});
