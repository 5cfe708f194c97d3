import { z } from 'zod';
import { paperWidthSchema } from './receipt-print';

/**
 * The order ticket for the bar or kitchen, printed when an order is paid: off until a manager
 * turns it on, to its own printer (the desktop app; a browser prints through its dialog).
 */
export const ticketSettingsSchema = z.strictObject({
  enabled: z.boolean().default(false),
  paperWidth: paperWidthSchema.default(80),
  /** The printer as the operating system names it; null prints to the system's default (with its dialog). */
  printer: z.string().trim().min(1).max(200).nullable().default(null),
});
export type TicketSettings = z.infer<typeof ticketSettingsSchema>;

export const defaultTicketSettings: TicketSettings = { enabled: false, paperWidth: 80, printer: null };
