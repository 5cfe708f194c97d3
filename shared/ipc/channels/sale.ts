import { z } from 'zod';
import { manualDiscountSchema } from '../../domain/coupons';
import { wonSchema } from '../../domain/money';
import { cartLineSchema, memoSchema } from '../../domain/cart-line';
import { orderIdSchema, orderSchema, saleQuoteSchema } from '../../domain/order';
import { defineChannels } from '../channel';

/** The cart as the register sends it: ids, quantities, options and memos only, and any coupon or manual discount. */
const saleRequestSchema = z.strictObject({
  // Lines are plain objects: anything else (a price, say) is dropped.
  lines: z.array(cartLineSchema).max(200),
  memo: memoSchema.nullable().optional(),
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
    tillSignIn: true,
    input: saleRequestSchema,
    output: z.strictObject({
      orderId: orderIdSchema,
      orderName: z.string().min(1).max(100),
      amount: wonSchema,
      /** The 면세 part, for the payment window's taxFreeAmount. */
      taxFreeAmount: wonSchema.optional(),
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
