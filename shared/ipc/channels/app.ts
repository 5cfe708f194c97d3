import { z } from 'zod';
import { noticeSchema } from '../../domain/notices';
import { defineChannels } from '../channel';

export const appChannels = defineChannels({
  /** What the renderer needs to open the payment window: public values only. */
  'app:info': {
    role: 'cashier',
    input: z.strictObject({}),
    output: z.strictObject({
      mode: z.enum(['training', 'live']),
      clientKey: z.string().min(1),
      sdkSrc: z.string().url(),
      notices: z.array(noticeSchema),
      /** The shop's name (상호) once the owner has entered it: shown in the header. */
      shopName: z.string().nullable(),
    }),
  },
});
