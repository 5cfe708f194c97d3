import { describe, expect, it } from 'vitest';
import type { Order, PaymentPart } from '../../../shared/domain/order';
import type { RefundEntry } from '../../../shared/domain/refunds';
import { historyTexts } from '../../../renderer/src/features/history/history-strings';
import { balanceOf, refundableParts, whyNotRefundable } from '../../../renderer/src/features/history/order-standing';
import { emptyRefundDraft, readRefund } from '../../../renderer/src/features/history/refund-draft';
import { formatMethods } from '../../../renderer/src/i18n/format';
import { anOrder } from '../../support/an-order';

const STAMP = '2026-12-01T10:00:00+09:00';

function part(
  number: number,
  method: PaymentPart['method'],
  amount: number,
  status: PaymentPart['status'],
): PaymentPart {
  return {
    part: number,
    method,
    amount,
    tossOrderId: method === 'card' ? `20261201-ABCDEFGHJKLM-p${number}` : null,
    status,
    payment: null,
    cash: method === 'cash' ? { received: amount, change: 0, paidAt: STAMP, cashReceipt: null } : null,
    openedAt: STAMP,
    endedAt: STAMP,
  };
}

function refundOf(partNumber: number, amount: number, status: RefundEntry['status'] = 'DONE'): RefundEntry {
  return {
    refundId: `r${partNumber}-${amount}`,
    kind: 'amount',
    amount,
    lines: [],
    reason: '고객 변심',
    approvedBy: '김토스',
    requestedAt: STAMP,
    status,
    transactionKey: null,
    canceledAt: STAMP,
    tossBalance: null,
    failure: null,
    coupon: 'none',
    part: partNumber,
  };
}

/** Two 아메리카노 (9,000원): card 1 paid 4,000원, card 2 declined, cash 5,000원. */
const paidInParts = (changes: Partial<Order> = {}): Order =>
  anOrder({
    status: 'PAID',
    callNumber: 4,
    parts: [part(1, 'card', 4_000, 'PAID'), part(2, 'card', 5_000, 'FAILED'), part(3, 'cash', 5_000, 'PAID')],
    ...changes,
  });

describe('an order paid in parts in Sales history', () => {
  it('can be refunded part by part: each paid part with what it has left; the declined one is no choice', () => {
    const order = paidInParts({ refunds: [refundOf(1, 1_500), refundOf(3, 500, 'FAILED')] });
    expect(refundableParts(order).map(({ part: p, balance }) => [p.part, balance])).toEqual([
      [1, 2_500],
      [3, 5_000],
    ]);
    expect(balanceOf(order)).toBe(7_500);
    expect(whyNotRefundable(order)).toBeNull();
  });

  it('partly paid (the customer left halfway) its paid part can still be refunded; once it is, nothing can', () => {
    const partly = paidInParts({ status: 'PENDING', callNumber: null, parts: [part(1, 'card', 4_000, 'PAID')] });
    expect(whyNotRefundable(partly)).toBeNull();
    expect(balanceOf(partly)).toBe(4_000);
    const given = { ...partly, status: 'ABANDONED' as const, refunds: [refundOf(1, 4_000)] };
    expect(whyNotRefundable(given)).toBe('refunded');
  });

  it('with only declined parts nothing was paid, so nothing can be refunded', () => {
    expect(whyNotRefundable(paidInParts({ status: 'PENDING', parts: [part(1, 'card', 9_000, 'FAILED')] }))).toBe(
      'unpaid',
    );
  });

  it('a refund of it names its part, or is not sent', () => {
    const draft = { ...emptyRefundDraft, preset: 0 };
    expect(readRefund(draft, historyTexts.ko, true)).toEqual({ problems: { part: historyTexts.ko.pickPart } });
    expect(readRefund({ ...draft, part: 3 }, historyTexts.ko, true)).toEqual({
      request: { kind: 'full' },
      reason: '고객 변심',
      part: 3,
    });
    // An order paid by one tender names none.
    expect(readRefund({ ...draft, part: 3 }, historyTexts.ko)).toMatchObject({ part: null });
  });

  it('its method in the list reads 카드+현금, Card+Cash in English', () => {
    expect(formatMethods('카드+현금', 'ko')).toBe('카드+현금');
    expect(formatMethods('카드+현금', 'en')).toBe('Card+Cash');
    expect(formatMethods('간편결제', 'en')).toBe('Easy pay');
  });
});
