import { z } from 'zod';

/** What we read of Toss's CashReceipt object; unknown fields pass, as Toss adds them. */
export const tossCashReceiptSchema = z.looseObject({
  receiptKey: z.string().min(1),
  issueNumber: z.string().nullable().optional(),
  issueStatus: z.enum(['IN_PROGRESS', 'COMPLETED', 'FAILED']),
  orderId: z.string(),
  amount: z.number().int(),
  receiptUrl: z.string().nullable().optional(),
});
export type TossCashReceipt = z.infer<typeof tossCashReceiptSchema>;
