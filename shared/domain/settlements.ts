import { z } from 'zod';
import { posErrorCodes } from './errors';
import { wonSchema } from './money';
import { orderIdSchema } from './order';
import { partNumberSchema } from './part-number';

/**
 * A payment main is settling in the background (its confirm's outcome was never learned: a
 * crash, a silent Toss), and how it ended. The register shows each until the cashier has seen it.
 */
export const settlementSchema = z.strictObject({
  orderId: orderIdSchema,
  orderName: z.string(),
  /** The card part being settled, for an order paid in parts (its amount is the part's; PAID means the part was paid); absent for a whole order. */
  part: partNumberSchema.optional(),
  amount: wonSchema,
  /** When the confirm whose outcome is being settled began. */
  startedAt: z.string(),
  state: z.enum(['SETTLING', 'PAID', 'NOT_PAID']),
  /** Why it is still open (Toss unreachable …), or why it was not paid (expired, cancelled at Toss …). */
  problem: z.enum(posErrorCodes).nullable(),
  /** How many times Toss was asked so far. */
  tries: z.number().int().nonnegative(),
  /** When Toss is asked next, while it is still open. */
  nextTryAt: z.string().nullable(),
});
export type Settlement = z.infer<typeof settlementSchema>;
