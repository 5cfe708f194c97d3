import { z } from 'zod';
import { customerViewSchema } from '../../domain/register';
import { defineChannels } from '../channel';

export const displayChannels = defineChannels({
  /**
   * The customer screen's view, answered as soon as it is newer than `since` (or after a while
   * unchanged): the screen asks again with the version it got.
   */
  'display:watch': {
    role: 'display',
    input: z.strictObject({ since: z.number().int().nonnegative() }),
    output: z.strictObject({ version: z.number().int().nonnegative(), view: customerViewSchema }),
  },
});
