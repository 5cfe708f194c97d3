import { createHash } from 'node:crypto';

/**
 * Toss matches idempotency keys without looking at the body, so a key must name one operation
 * on one payment: retries of that payment replay, a new payment window gets a new key. A refund
 * names its own refund too (`paymentKey/refundId`): each refund of one payment is a new cancel.
 */
export function idempotencyKey(
  operation: 'confirm' | 'compensate' | 'refund' | 'cash-receipt' | 'cash-receipt-cancel',
  orderId: string,
  subject: string,
): string {
  const digest = createHash('sha256').update(subject).digest('hex').slice(0, 24);
  return `${operation}-${orderId}-${digest}`;
}
