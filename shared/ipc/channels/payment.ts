import { z } from 'zod';
import { wonSchema } from '../../domain/money';
import { orderIdSchema, orderSchema, paymentKeySchema, paymentPartSchema } from '../../domain/order';
import { partNumberSchema } from '../../domain/part-number';
import { settlementSchema } from '../../domain/settlements';
import { defineChannels } from '../channel';

export const paymentChannels = defineChannels({
  /**
   * Confirms what the payment window approved. `orderId` is the order's own id for an order paid
   * by one card, or a card part's `tossOrderId` (from `payment:open-part`): main finds the order
   * and the part from it, checks `amount` against what it stored for that part, and answers the
   * whole order. A declined part is FAILED and the paid parts stay as they are; the order is PAID
   * (with its 대기번호) once its PAID parts add up to its amount.
   * No sign-in asked: the customer has paid in Toss's window already, and a confirm refused now
   * would only let their payment lapse (the order was made by whoever was signed in).
   */
  'payment:confirm': {
    role: 'cashier',
    input: z.strictObject({
      orderId: orderIdSchema,
      paymentKey: paymentKeySchema,
      amount: z.number().int().nonnegative(),
    }),
    output: orderSchema,
  },
  /**
   * Opens a card part of an order paid in parts (split payment): `amount` of what is left to pay,
   * at least the card minimum. Answers the part (its `tossOrderId` is what the payment window is
   * opened with, for the part's amount) and the order. Refused, with nothing stored, above what
   * is left (PART_OVER_REST), under the card minimum (PART_BELOW_CARD_MINIMUM), while another card
   * part is open or confirming (PART_UNDER_WAY), or for an order paid, given up, paid as a whole
   * or of the other mode.
   */
  'payment:open-part': {
    role: 'cashier',
    tillSignIn: true,
    input: z.strictObject({ orderId: orderIdSchema, amount: wonSchema.min(1) }),
    output: z.strictObject({ part: paymentPartSchema, order: orderSchema }),
  },
  /**
   * Gives up an OPEN card part whose window was closed (or declined in the window): it is FAILED,
   * nothing was taken, and its amount is free to pay another way. A part being confirmed is not
   * given up (PAYMENT_IN_FLIGHT); one already ended is answered as it stands.
   */
  'payment:drop-part': {
    role: 'cashier',
    input: z.strictObject({ orderId: orderIdSchema, part: partNumberSchema }),
    output: orderSchema,
  },
  /** An order its discounts brought to 0 won: paid without a payment window, nothing sent to Toss. */
  'payment:complete-free': {
    role: 'cashier',
    tillSignIn: true,
    input: z.strictObject({ orderId: orderIdSchema }),
    output: orderSchema,
  },
  /** Payments being settled in the background, and the outcomes the cashier has not dismissed yet. */
  'payment:settlements': { role: 'cashier', input: z.strictObject({}), output: z.array(settlementSchema) },
  /** The cashier has seen this outcome: it leaves the register's notice (one still open stays). */
  'payment:dismiss-settlement': {
    role: 'cashier',
    input: z.strictObject({ orderId: orderIdSchema }),
    output: z.array(settlementSchema),
  },
});
