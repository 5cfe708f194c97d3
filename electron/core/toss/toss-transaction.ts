import { z } from 'zod';

/**
 * One entry of Toss's `GET /v1/transactions`: an approval (status DONE) or a cancel
 * (PARTIAL_CANCELED or CANCELED, the payment's status after it). Unknown fields are allowed.
 */
export const tossTransactionSchema = z.looseObject({
  transactionKey: z.string(),
  paymentKey: z.string(),
  orderId: z.string(),
  method: z.string().nullable().optional(),
  status: z.string(),
  amount: z.number().int().nonnegative(),
  transactionAt: z.string(),
  receiptUrl: z.string().nullable().optional(),
});
export type TossTransaction = z.infer<typeof tossTransactionSchema>;

export const tossTransactionPageSchema = z.array(tossTransactionSchema);

/** Whether a transaction is a cancel (else it is the approval). */
export function isCancel(transaction: Pick<TossTransaction, 'status'>): boolean {
  return transaction.status === 'CANCELED' || transaction.status === 'PARTIAL_CANCELED';
}

/** The most Toss hands out in one page. */
export const TRANSACTIONS_PAGE_LIMIT = 5000;
