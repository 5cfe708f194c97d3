import { z } from 'zod';

/** What we read of Toss's CashReceipt object; unknown fields pass, as Toss adds them. */
export const tossCashReceiptSchema = z.looseObject({
  receiptKey: z.string().min(1),
  issueNumber: z.string().nullable().optional(),
  issueStatus: z.enum(['IN_PROGRESS', 'COMPLETED', 'FAILED']),
  orderId: z.string(),
  amount: z.number().int(),
  receiptUrl: z.string().nullable().optional(),
  /** What Toss issued, which is what the order records: never what a later request asked for. */
  type: z.enum(['소득공제', '지출증빙']).optional(),
  customerIdentityNumber: z.string().max(40).nullable().optional(),
  /** CONFIRM for an issue, CANCEL for a cancel of one (the look-up lists both). */
  transactionType: z.enum(['CONFIRM', 'CANCEL']).optional(),
  failure: z.looseObject({ code: z.string(), message: z.string() }).nullable().optional(),
});
export type TossCashReceipt = z.infer<typeof tossCashReceiptSchema>;

/**
 * One page of `GET /v1/cash-receipts?requestDate=…`: the receipts asked for on that day (Korean
 * time). Toss has no look-up by receiptKey or orderId; this list, filtered by orderId, is the way
 * to learn what it did with a request whose answer was lost. Shape from Toss's reference as the
 * community clients read it (`hasNext`, `lastCursor` for the next page's `cursor`, `data`).
 */
export const tossCashReceiptPageSchema = z.looseObject({
  hasNext: z.boolean(),
  lastCursor: z.union([z.number(), z.string()]).nullable().optional(),
  data: z.array(tossCashReceiptSchema),
});

/** The most the look-up is asked for per page (Toss takes up to 10,000). */
export const CASH_RECEIPTS_PAGE_LIMIT = 1000;
