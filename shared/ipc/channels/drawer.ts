import { z } from 'zod';
import { drawerCountSchema, drawerReasonSchema, drawerViewSchema, MAX_DRAWER_MOVE } from '../../domain/drawer';
import { wonSchema } from '../../domain/money';
import { defineChannels } from '../channel';

/** The cash drawer (시재): a cashier's, like taking cash. Each action records who is signed in at the till. */
export const drawerChannels = defineChannels({
  /** The open shift (if any) with its figures so far, and the shifts of the business day. */
  'drawer:view': { role: 'cashier', input: z.strictObject({}), output: drawerViewSchema },
  /** Opens a shift with the float counted by denomination; refused while one is open. */
  'drawer:open': {
    role: 'cashier',
    tillSignIn: true,
    input: z.strictObject({ float: drawerCountSchema }),
    output: drawerViewSchema,
  },
  /** Cash paid in or out of the open shift, with a reason; a paid-out above what the drawer should hold is refused. */
  'drawer:move': {
    role: 'cashier',
    tillSignIn: true,
    input: z.strictObject({
      kind: z.enum(['in', 'out']),
      amount: wonSchema.min(1).max(MAX_DRAWER_MOVE),
      reason: drawerReasonSchema,
    }),
    output: drawerViewSchema,
  },
  /** Closes the open shift with the count by denomination: expected, counted and over/short are kept. */
  'drawer:close': {
    role: 'cashier',
    tillSignIn: true,
    input: z.strictObject({ counted: drawerCountSchema }),
    output: drawerViewSchema,
  },
});
