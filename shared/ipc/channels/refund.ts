import { z } from 'zod';
import { wonSchema } from '../../domain/money';
import { orderIdSchema, orderSchema } from '../../domain/order';
import { partNumberSchema } from '../../domain/part-number';
import { refundLineSchema, refundReasonSchema, refundRequestSchema } from '../../domain/refunds';
import { defineChannels } from '../channel';

/**
 * Which part of an order paid in parts the refund goes back to: required for such an order
 * (REFUND_PART_REQUIRED without it), refused for an order paid by one tender. The refund is never
 * above what that part has left (its amount less its earlier refunds); a card part is cancelled
 * at Toss on that part's payment, a cash part is given back in cash. With a part, `full` means
 * everything left of that part.
 */
const partInput = partNumberSchema.optional();

const openWorkElsewhereSchema = z.strictObject({
  orderId: orderIdSchema,
  registerId: z.string(),
  /** The register that started it, by the name the shop gave it. */
  registerName: z.string(),
  /**
   * A card confirm whose outcome that register never learned, a refund, a 현금영수증 issue whose
   * answer it never had, or a 현금영수증 cancel a refund of a cash sale owes.
   */
  kind: z.enum(['confirm', 'refund', 'cash-receipt-issue', 'cash-receipt-cancel']),
  refundId: z.string().nullable(),
  /** The payment, the refund, the receipt asked for, or what is still to be cancelled of the receipt. */
  amount: wonSchema,
  startedAt: z.string(),
});

export const refundChannels = defineChannels({
  /** What a refund would give back, line by line, checked as `refund:create` will check it; nothing is sent or stored. */
  'refund:preview': {
    role: 'manager',
    input: z.strictObject({ orderId: orderIdSchema, request: refundRequestSchema, part: partInput }),
    output: z.strictObject({
      amount: wonSchema,
      lines: z.array(refundLineSchema),
      /** What is left to refund after it: of the order, or of the part for an order paid in parts. */
      balanceAfter: wonSchema,
      coupon: z.enum(['restored', 'kept', 'expired', 'none']),
    }),
  },
  /** Refunds through Toss's cancel (or in cash), journaled first; the order as it stands after. Partly paid orders' paid parts too. */
  'refund:create': {
    role: 'manager',
    tillSignIn: true,
    input: z.strictObject({
      orderId: orderIdSchema,
      request: refundRequestSchema,
      part: partInput,
      reason: refundReasonSchema,
    }),
    output: orderSchema,
  },
  /**
   * On a shared store: card confirms, refunds and 현금영수증 work other registers left under way (a
   * register gone for good never settles them), for a manager to settle here. Empty without a store;
   * REFUND_STORE_OFFLINE while it is down.
   */
  'refund:open-elsewhere': {
    role: 'manager',
    input: z.strictObject({}),
    output: z.array(openWorkElsewhereSchema),
  },
  /**
   * Settles another register's confirm, refund or 현금영수증 under way: Toss asked by its keys, the
   * outcome recorded here and in the store. 현금영수증 work Toss cannot settle yet is TOSS_UNREACHABLE,
   * with nothing changed in the store.
   */
  'refund:settle-elsewhere': {
    role: 'manager',
    input: z.strictObject({ orderId: orderIdSchema }),
    output: orderSchema,
  },
});
