import { z } from 'zod';
import { pinSchema, roles, staffMemberSchema, staffNameSchema, staffStatusSchema } from '../../domain/staff';
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
