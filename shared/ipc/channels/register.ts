import { z } from 'zod';
import { registerDraftSchema } from '../../domain/register';
import { defineChannels } from '../channel';

export const registerChannels = defineChannels({
  /** The register as it was left (empty on a fresh start). */
  'register:draft': { role: 'cashier', input: z.strictObject({}), output: registerDraftSchema },
  'register:save-draft': { role: 'cashier', input: registerDraftSchema, output: registerDraftSchema },
});
