import { z } from 'zod';
import { catalogSchema } from '../../domain/catalog';
import { defineChannels } from '../channel';

export const firstStartChannels = defineChannels({
  /** Whether the first start's catalog choice is still open (nothing sold, the catalog untouched). */
  'first-start:catalog-open': { role: 'manager', input: z.strictObject({}), output: z.boolean() },
  /** The first start's catalog: an empty one, or the demo café (training only). */
  'first-start:catalog': {
    role: 'manager',
    outlivesTraining: true,
    input: z.strictObject({ start: z.enum(['empty', 'demo']) }),
    output: catalogSchema,
  },
});
