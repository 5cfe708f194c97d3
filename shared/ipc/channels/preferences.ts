import { z } from 'zod';
import { preferencesSchema, preferencesUpdateSchema } from '../../domain/settings';
import { defineChannels } from '../channel';

export const preferenceChannels = defineChannels({
  'preferences:get': { role: 'cashier', input: z.strictObject({}), output: preferencesSchema },
  'preferences:update': { role: 'cashier', input: preferencesUpdateSchema, output: preferencesSchema },
});
