import { z } from 'zod';
import { defineChannels } from '../channel';

export const logChannels = defineChannels({
  /**
   * A `securitypolicyviolation` our page (or a same-origin frame of it) saw, for main's log: the
   * first run with Toss's test keys shows what the policy blocked. Nothing is shown; main keeps
   * origin and path of each URL only, and at most a few a minute.
   */
  'log:csp-violation': {
    role: 'page',
    input: z.strictObject({
      /** Which of our pages saw it. */
      page: z.enum(['register', 'customer', 'bar']),
      directive: z.string().max(200),
      blockedUri: z.string().max(4000),
      sourceFile: z.string().max(4000),
      line: z.number().int().nonnegative(),
      column: z.number().int().nonnegative(),
    }),
    output: z.strictObject({ logged: z.boolean() }),
  },
});
