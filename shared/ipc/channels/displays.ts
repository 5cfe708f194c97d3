import { z } from 'zod';
import { customerScreenChoiceSchema, customerScreenPickSchema, displayInfoSchema } from '../../domain/customer-screen';
import { changeStampSchema } from '../../domain/settings';
import { defineChannels } from '../channel';

/** The customer-screen setting with the displays this computer has now. */
export const customerScreenViewSchema = z.strictObject({
  /** `shell`: the desktop app places the customer window; `browser`: no monitors here, the page is /customer.html. */
  placing: z.enum(['shell', 'browser']),
  displays: z.array(displayInfoSchema).max(99),
  choice: customerScreenChoiceSchema,
  changed: changeStampSchema.nullable(),
  /** The display the customer window is on by this choice now; null when none is. */
  showingOn: z.number().int().nullable(),
  /** The chosen display is unplugged: 자동 is used until it returns. */
  chosenMissing: z.boolean(),
});
export type CustomerScreenView = z.infer<typeof customerScreenViewSchema>;

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
