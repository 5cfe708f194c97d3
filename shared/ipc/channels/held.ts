import { z } from 'zod';
import { heldIdSchema, heldLabelSchema, heldResumeSchema, heldSummarySchema } from '../../domain/held';
import { defineChannels } from '../channel';

/** Held carts (보류): main moves the register's own draft aside and back, never a cart the page sends. */
export const heldChannels = defineChannels({
  /** Holds the register's cart as main keeps it, with an optional name or table; the register is left empty. */
  'held:hold': {
    role: 'cashier',
    input: z.strictObject({ label: heldLabelSchema.optional() }),
    output: heldSummarySchema,
  },
  /** The carts waiting, newest first. */
  'held:list': { role: 'cashier', input: z.strictObject({}), output: z.array(heldSummarySchema) },
  /** Puts a held cart back on the (empty) register, priced again, and says what changed. */
  'held:resume': { role: 'cashier', input: z.strictObject({ id: heldIdSchema }), output: heldResumeSchema },
  /** Throws a held cart away (the register asks first); answers the carts still waiting. */
  'held:discard': {
    role: 'cashier',
    input: z.strictObject({ id: heldIdSchema }),
    output: z.array(heldSummarySchema),
  },
});
