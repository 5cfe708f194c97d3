import { z } from 'zod';
import {
  cashierSchema,
  pinSchema,
  roles,
  staffMemberSchema,
  staffNameSchema,
  staffStatusSchema,
} from '../../domain/staff';
import { defineChannels } from '../channel';

export const staffChannels = defineChannels({
  /** Whether setup is needed, whether a manager session is open, and any PIN lockout. */
  'staff:status': { role: 'cashier', input: z.strictObject({}), output: staffStatusSchema },
  /** First start only: the owner becomes the first manager. Refused once a manager exists. */
  'staff:setup-owner': {
    role: 'cashier',
    input: z.strictObject({ name: staffNameSchema, pin: pinSchema }),
    output: staffStatusSchema,
  },
  /** First start in training mode only: the documented training manager (README). */
  'staff:use-training-manager': { role: 'cashier', input: z.strictObject({}), output: staffStatusSchema },
  'staff:unlock': { role: 'cashier', input: z.strictObject({ pin: z.string().max(32) }), output: staffStatusSchema },
  'staff:lock': { role: 'cashier', input: z.strictObject({}), output: staffStatusSchema },
  /** Signs in at the till (who is at the register): with a PIN, or by picking a name where the owner allows it. */
  'staff:sign-in': {
    role: 'cashier',
    input: z.union([
      z.strictObject({ pin: z.string().max(32) }),
      z.strictObject({ staffId: z.string().min(1).max(40) }),
    ]),
    output: staffStatusSchema,
  },
  /** Nobody at the till (also ends any manager session): the register shows the sign-in screen. */
  'staff:sign-out': { role: 'cashier', input: z.strictObject({}), output: staffStatusSchema },
  /** The names the sign-in screen offers to pick: none while the owner has not allowed it. */
  'staff:sign-in-names': { role: 'cashier', input: z.strictObject({}), output: z.array(cashierSchema) },
  /** Whether staff may sign in by picking their name instead of a PIN (off by default). */
  'staff:set-name-sign-in': {
    role: 'manager',
    outlivesTraining: true,
    input: z.strictObject({ on: z.boolean() }),
    output: staffStatusSchema,
  },
  'staff:list': { role: 'manager', input: z.strictObject({}), output: z.array(staffMemberSchema) },
  'staff:add': {
    role: 'manager',
    outlivesTraining: true,
    input: z.strictObject({ name: staffNameSchema, role: z.enum(roles), pin: pinSchema.nullable() }),
    output: staffMemberSchema,
  },
  'staff:set-active': {
    role: 'manager',
    outlivesTraining: true,
    input: z.strictObject({ staffId: z.string().min(1).max(40), active: z.boolean() }),
    output: staffMemberSchema,
  },
});
