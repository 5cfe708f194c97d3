import { z } from 'zod';
import { catalogSchema } from '../../domain/catalog';
import { defineChannels } from '../channel';

export const setupChannels = defineChannels({
  /** Whether the first start's catalog choice is still open (nothing sold, the catalog untouched). */
  'setup:catalog-open': { role: 'manager', input: z.strictObject({}), output: z.boolean() },
  /** The first start's catalog: an empty one, or the demo café (training only). */
  'setup:catalog': {
    role: 'manager',
    outlivesTraining: true,
    input: z.strictObject({ start: z.enum(['empty', 'demo']) }),
    output: catalogSchema,
  },
});
