import { z } from 'zod';
import {
  paperWidthSchema,
  pdfFileNameSchema,
  pdfOutcomeSchema,
  printerInfoSchema,
  printingSchema,
  printOutcomeSchema,
  receiptPageSchema,
} from '../../domain/receipt-print';
import { storeInfoSchema } from '../../domain/settings';
import { defineChannels } from '../channel';

export const receiptChannels = defineChannels({
  /** What a receipt needs to be laid out at the register: the shop's details, the paper, and who prints. */
  'receipt:setup': {
    role: 'cashier',
    input: z.strictObject({}),
    output: z.strictObject({
      store: storeInfoSchema.nullable(),
      paperWidth: paperWidthSchema,
      printing: printingSchema,
      silent: z.boolean(),
    }),
  },
  /** Prints the receipt the page shows, as Settings say (printer, silent). */
  'receipt:print': { role: 'cashier', input: z.strictObject({ page: receiptPageSchema }), output: printOutcomeSchema },
  /** Saves the receipt the page shows as a PDF, where the person at the register chooses. */
  'receipt:save-pdf': {
    role: 'cashier',
    input: z.strictObject({ page: receiptPageSchema, fileName: pdfFileNameSchema }),
    output: pdfOutcomeSchema,
  },
  /** The printers this computer has, for the choice in Settings (none in a browser). */
  'receipt:printers': {
    role: 'manager',
    input: z.strictObject({}),
    output: z.strictObject({ printing: printingSchema, printers: z.array(printerInfoSchema).max(100) }),
  },
});
