import { z } from 'zod';
import { changeStampSchema } from '../../domain/settings';
import { defineChannels } from '../channel';

const updatesViewSchema = z.strictObject({
  /** The installed app fetches updates in the background and installs them on quit or after the day close. */
  enabled: z.boolean(),
  changed: changeStampSchema.nullable(),
});

export const updatesChannels = defineChannels({
  'updates:settings': { role: 'manager', input: z.strictObject({}), output: updatesViewSchema },
  /** Off: the app never asks for an update, and one already fetched is not installed. */
  'updates:save-settings': {
    role: 'manager',
    outlivesTraining: true,
    input: z.strictObject({ enabled: z.boolean() }),
    output: updatesViewSchema,
  },
});
