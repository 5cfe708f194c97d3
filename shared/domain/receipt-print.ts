import { z } from 'zod';

/** Thermal receipt paper, by its width in millimetres. */
export const paperWidths = [80, 58] as const;
export type PaperWidth = (typeof paperWidths)[number];
export const paperWidthSchema = z.union([z.literal(80), z.literal(58)]);

/** How receipts are printed: the manager's choices in Settings. */
export const receiptSettingsSchema = z.strictObject({
  paperWidth: paperWidthSchema.default(80),
  /** Straight to the printer, with no print dialog (the desktop app only: a browser always asks). */
  silent: z.boolean().default(false),
  /** The printer as the operating system names it; null prints to the system's default. */
  printer: z.string().trim().min(1).max(200).nullable().default(null),
});
export type ReceiptSettings = z.infer<typeof receiptSettingsSchema>;

export const defaultReceiptSettings: ReceiptSettings = { paperWidth: 80, silent: false, printer: null };

/**
 * Who prints: `shell` when the desktop app prints the page itself (to the chosen printer, to a
 * PDF file), `browser` when the page is in a browser and only the browser's print dialog can.
 */
export const printingSchema = z.enum(['shell', 'browser']);
export type Printing = z.infer<typeof printingSchema>;

/** The page as the receipt laid itself out: its paper's width and the length it needs. */
export const receiptPageSchema = z.strictObject({
  widthMm: paperWidthSchema,
  heightMm: z.number().int().min(20).max(5_000),
});
export type ReceiptPage = z.infer<typeof receiptPageSchema>;

export const printerInfoSchema = z.strictObject({ name: z.string().max(200), displayName: z.string().max(200) });
export type PrinterInfo = z.infer<typeof printerInfoSchema>;

/** How a print ended; `unavailable` when nothing here can print on its own (the browser host). */
export const printOutcomeSchema = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('printed') }),
  z.strictObject({ outcome: z.literal('cancelled') }),
  z.strictObject({ outcome: z.literal('failed'), reason: z.string().max(300) }),
  z.strictObject({ outcome: z.literal('unavailable') }),
]);
export type PrintOutcome = z.infer<typeof printOutcomeSchema>;

export const pdfOutcomeSchema = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('saved'), path: z.string().max(1_000) }),
  z.strictObject({ outcome: z.literal('cancelled') }),
  z.strictObject({ outcome: z.literal('failed'), reason: z.string().max(300) }),
  z.strictObject({ outcome: z.literal('unavailable') }),
]);
export type PdfOutcome = z.infer<typeof pdfOutcomeSchema>;

/** A file name the save dialog suggests: plain letters, digits, dot, dash and underscore, ending in .pdf. */
export const pdfFileNameSchema = z.string().regex(/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,90}\.pdf$/);
