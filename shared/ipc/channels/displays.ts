import { z } from 'zod';
import { customerScreenPickSchema } from '../../domain/customer-screen';
import { customerScreenViewSchema } from '../../domain/customer-screen-view';
import { defineChannels } from '../channel';

export const displaysChannels = defineChannels({
  /** The connected displays (none in a browser) and which one faces the customer. */
  'displays:list': { role: 'manager', input: z.strictObject({}), output: customerScreenViewSchema },
  /** Which display faces the customer: 자동, a connected display, or none. */
  'displays:save-customer-screen': {
    role: 'manager',
    outlivesTraining: true,
    input: customerScreenPickSchema,
    output: customerScreenViewSchema,
  },
});
