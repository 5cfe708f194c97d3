import { z } from 'zod';
import { callNumbersFromSchema, changeStampSchema } from '../../domain/settings';
import { registerIdentitySchema, sharedStoreStatusSchema } from '../../domain/shared-store';
import { defineChannels } from '../channel';

/** The shared-store settings as the screen sees them: the connection string only ever masked. */
const storeSettingsViewSchema = z.strictObject({
  /** This register's id and name; null until it is named or a store is saved (only then is an id made). */
  register: registerIdentitySchema.nullable(),
  registerChanged: changeStampSchema.nullable(),
  /** The first 대기번호 this register gives each day. */
  callNumbersFrom: callNumbersFromSchema,
  /** The store in use, its password shown as ****; null when none is set up. */
  url: z.string().nullable(),
  /** POS_STORE_URL is set: it wins over the saved setting. */
  fromEnvironment: z.boolean(),
  changed: changeStampSchema.nullable(),
  status: sharedStoreStatusSchema,
});

export const storeChannels = defineChannels({
  /** Whether this register's sales are reaching the shared store, and how many lines wait: the register polls it. */
  'store:status': { role: 'cashier', input: z.strictObject({}), output: sharedStoreStatusSchema },
  'store:settings': { role: 'manager', input: z.strictObject({}), output: storeSettingsViewSchema },
  /** Renames this register (its id never changes), and sets where its 대기번호 start each day (from the next number it gives). */
  'store:save-register-name': {
    role: 'manager',
    outlivesTraining: true,
    input: z.strictObject({
      name: registerIdentitySchema.shape.name,
      callNumbersFrom: callNumbersFromSchema.optional(),
    }),
    output: storeSettingsViewSchema,
  },
  /**
   * Switches the shared store on (a postgres:// connection string) or off (null). A new one is
   * checked first (connected, migrated, this register's row written): refused, nothing is saved.
   */
  'store:save-url': {
    role: 'manager',
    outlivesTraining: true,
    input: z.strictObject({ url: z.string().trim().min(1).max(500).nullable() }),
    output: storeSettingsViewSchema,
  },
});
