import { z } from 'zod';
import { customerScreenChoiceSchema, displayInfoSchema } from './customer-screen';
import { changeStampSchema } from './settings';

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
