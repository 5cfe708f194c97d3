import { describe, expect, it } from 'vitest';
import { idempotencyKey } from '../../../electron/core/toss/idempotency-key';

describe('idempotency keys sent to Toss', () => {
  it('are the keys earlier versions sent: a refund or confirm retried after an upgrade replays at Toss, never runs twice', () => {
    // Pinned values: changing how a key is made would turn a retried refund into a second refund.
    expect(idempotencyKey('confirm', '20261201-0001', 'tgen_20261201abc')).toBe(
      'confirm-20261201-0001-643d9bb576242cb98a78e831',
    );
    expect(idempotencyKey('refund', '20261201-0001', 'tgen_20261201abc/rf-1')).toBe(
      'refund-20261201-0001-4b5b803a8c93fce6ea58a730',
    );
  });

  it('stay within Toss’s 300 characters whatever the paymentKey, and differ per payment and per operation', () => {
    const longest = idempotencyKey('cash-receipt-cancel', 'o'.repeat(64), 'p'.repeat(200));
    expect(longest.length).toBeLessThanOrEqual(300);
    const keys = new Set([
      idempotencyKey('confirm', 'order-1', 'pay-a'),
      idempotencyKey('confirm', 'order-1', 'pay-b'),
      idempotencyKey('compensate', 'order-1', 'pay-a'),
      idempotencyKey('confirm', 'order-2', 'pay-a'),
    ]);
    expect(keys.size).toBe(4);
  });
});
