import { describe, expect, it } from 'vitest';
import { callFactsOf, onCallBoard } from '../../../../shared/domain/call-board';
import { orderStatusSchema, type Order, type PaymentPart } from '../../../../shared/domain/order';
import type { RefundEntry } from '../../../../shared/domain/refunds';
import { digestOf } from '../../../../electron/core/orders/index/order-digest';
import { anOrder } from '../../../support/an-order';

function refund(kind: RefundEntry['kind'], amount: number, status: RefundEntry['status'], part?: number): RefundEntry {
  return {
    refundId: 'r1',
    kind,
    amount,
    lines: [],
    reason: '고객 변심',
    approvedBy: 'manager',
    requestedAt: '2026-12-01T11:00:00+09:00',
    status,
    transactionKey: null,
    canceledAt: null,
    tossBalance: null,
    failure: null,
    coupon: null,
    ...(part === undefined ? {} : { part }),
  };
}

function cashPart(part: number, amount: number): PaymentPart {
  return {
    part,
    method: 'cash',
    amount,
    tossOrderId: null,
    status: 'PAID',
    payment: null,
    cash: { received: amount, change: 0, paidAt: '2026-12-01T10:00:00+09:00', cashReceipt: null },
    openedAt: '2026-12-01T10:00:00+09:00',
    endedAt: '2026-12-01T10:00:00+09:00',
  };
}

/** Each way an order's refunds can stand, for an order of `amount` paid whole or in two parts. */
function refundsOf(amount: number, split: boolean): Array<[string, RefundEntry[]]> {
  const part = split ? 1 : undefined;
  const half = Math.floor(amount / 2);
  return [
    ['none', []],
    ['failed whole refund', [refund('full', amount, 'FAILED', part)]],
    ['whole refund under way', [refund('full', amount, 'REFUNDING', part)]],
    ['whole refund done', [refund('full', amount, 'DONE', part)]],
    ['part by amount', half > 0 ? [refund('amount', half, 'DONE', part)] : []],
    ['the rest by amount', [refund('amount', half, 'DONE', part), refund('amount', amount - half, 'DONE', part)]],
    ['whole refund of nothing failed', amount === 0 ? [refund('full', 0, 'FAILED')] : []],
  ];
}

describe('one rule for what the number board shows, from an order or from its digest', () => {
  it('the order and the index’s digest agree for every status, tender and refund, and match what a customer sees', () => {
    let cases = 0;
    for (const status of orderStatusSchema.options)
      for (const callNumber of [null, 7])
        for (const amount of [0, 4_500])
          for (const split of amount > 0 ? [false, true] : [false])
            for (const [how, refunds] of refundsOf(amount, split)) {
              const order: Order = anOrder({
                training: false,
                status,
                callNumber,
                amount,
                refunds,
                parts: split ? [cashPart(1, 2_000), cashPart(2, amount - 2_000)] : [],
              });
              const fromOrder = onCallBoard(callFactsOf(order));
              const digest = digestOf(order);
              const fromDigest = onCallBoard({ ...digest, status: digest.orderStatus, wholeRefund: null }) ?? fromOrder;
              const given = refunds.filter((r) => r.status !== 'FAILED');
              const refundedInFull =
                given.length > 0 &&
                given.reduce((sum, r) => sum + r.amount, 0) >= amount &&
                (amount > 0 || given.some((r) => r.kind === 'full'));
              const label = `${status} #${callNumber} ${amount}${split ? ' split' : ''} ${how}`;
              expect(fromOrder, label).toBe(status === 'PAID' && callNumber !== null && !refundedInFull);
              expect(fromDigest, label).toBe(fromOrder);
              cases += 1;
            }
    expect(cases).toBeGreaterThan(100);
  });

  it('a digest cannot tell a free order’s whole refund: the order is asked, and only then', () => {
    const free = { status: 'PAID' as const, callNumber: 3, amount: 0, refunded: 0 };
    expect(onCallBoard({ ...free, wholeRefund: null })).toBeNull();
    expect(onCallBoard({ ...free, wholeRefund: true })).toBe(false);
    expect(onCallBoard({ ...free, wholeRefund: false })).toBe(true);
    expect(onCallBoard({ ...free, amount: 4_500, wholeRefund: null })).toBe(true);
  });
});
