import { z } from 'zod';
import { wonSchema } from './money';

const signedWon = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);

export const taxSplitSchema = z.strictObject({ taxable: wonSchema, vat: wonSchema, taxFree: wonSchema });

/**
 * A business day as the shop's 세무사 reads it for the 부가세 신고: what was taken by card (Toss)
 * and in cash with and without a 현금영수증, what refunds gave back, and the 과세 공급가액, 부가세
 * and 면세 of the sales, of the refunds and net. Same orders and refunds as the day's other figures.
 */
export const dayTaxFiguresSchema = z.strictObject({
  card: wonSchema,
  cashWithReceipt: wonSchema,
  cashWithoutReceipt: wonSchema,
  refunds: wonSchema,
  sales: taxSplitSchema,
  refunded: taxSplitSchema,
  /** Sales less refunds: negative on a day that gave back more than it sold. */
  net: z.strictObject({ taxable: signedWon, vat: signedWon, taxFree: signedWon }),
});
export type DayTaxFigures = z.infer<typeof dayTaxFiguresSchema>;
