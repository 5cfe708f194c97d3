import { createHash } from 'node:crypto';

/**
 * Toss matches idempotency keys without looking at the body, so a key must name one operation
 * on one payment: retries of that payment replay, a new payment window gets a new key.
 */
export function idempotencyKey(operation: 'confirm' | 'compensate', orderId: string, paymentKey: string): string {
  const digest = createHash('sha256').update(paymentKey).digest('hex').slice(0, 24);
  return `${operation}-${orderId}-${digest}`;
}
