import { z } from 'zod';
import { barTicketSchema } from '../../domain/call-board';
import { orderIdSchema } from '../../domain/order';
import { ticketSettingsSchema } from '../../domain/order-ticket';
import { paperWidthSchema, printingSchema, printOutcomeSchema, receiptPageSchema } from '../../domain/receipt-print';
import { changeStampSchema } from '../../domain/settings';
import { defineChannels } from '../channel';

const ticketSettingsViewSchema = z.strictObject({
  settings: ticketSettingsSchema,
  changed: changeStampSchema.nullable(),
  printing: printingSchema,
});

export const ticketChannels = defineChannels({
  /** Whether a paid order prints its ticket, on what paper, and who prints (the shell or the browser's dialog). */
  'ticket:setup': {
    role: 'cashier',
    input: z.strictObject({}),
    output: z.strictObject({ enabled: z.boolean(), paperWidth: paperWidthSchema, printing: printingSchema }),
  },
  /** A paid order's ticket for the bar or kitchen: its number, time, lines with options and memos, its memo. */
  'ticket:order': { role: 'cashier', input: z.strictObject({ orderId: orderIdSchema }), output: barTicketSchema },
  /** Prints the ticket the page shows to the ticket printer Settings name. */
  'ticket:print': { role: 'cashier', input: z.strictObject({ page: receiptPageSchema }), output: printOutcomeSchema },
  'ticket:settings': { role: 'manager', input: z.strictObject({}), output: ticketSettingsViewSchema },
  'ticket:save-settings': {
    role: 'manager',
    outlivesTraining: true,
    input: ticketSettingsSchema,
    output: ticketSettingsViewSchema,
  },
});
