import { describe, expect, it } from 'vitest';
import { orderSchema, type Order } from '../../../shared/domain/order';
import { orderTimeline } from '../../../shared/domain/order-timeline';
import type { RefundEntry } from '../../../shared/domain/refunds';
import { describeEvent } from '../../../renderer/src/features/history/describe-event';
import { historyTexts } from '../../../renderer/src/features/history/history-strings';
import { historyStatusOf } from '../../../shared/domain/history';
import { whyNotRefundable } from '../../../renderer/src/features/history/order-standing';
import { anOrder } from '../../support/an-order';

/** A cash sale as main keeps it: two 아메리카노 for 9,000원, 10,000원 handed over, a 현금영수증 issued to a phone number. */
function cashSale(overrides: Partial<Order> = {}): Order {
  return orderSchema.parse({
    ...anOrder({
      orderId: '20261201-K7Q2M9XPLA4B',
      createdAt: '2026-12-01T15:09:40+09:00',
      updatedAt: '2026-12-01T15:10:00+09:00',
      training: false,
      status: 'PAID',
    }),
    cash: {
      received: 10_000,
      change: 1_000,
      paidAt: '2026-12-01T15:10:00+09:00',
      cashReceipt: {
        type: '소득공제',
        identityMasked: '010-****-5678',
        status: 'ISSUED',
        receiptKey: 'cr_key_1',
        issueNumber: '158934721',
        receiptUrl: null,
        canceledAmount: 0,
        failure: null,
        requestedAt: '2026-12-01T15:10:01+09:00',
        requestId: 'cr-20261201-K7Q2M9XPLA4B-1',
      },
    },
    callNumber: 3,
    ...overrides,
  });
}

/** The same order paid 0 won: a 100% coupon covered it, nothing went through Toss or the drawer. */
function freeSale(): Order {
  return cashSale({
    amount: 0,
    supplyAmount: 0,
    vatAmount: 0,
    cash: null,
    lines: [
      {
        productId: 'americano',
        name: '아메리카노',
        unitPrice: 4_500,
        quantity: 2,
        lineTotal: 9_000,
        discount: 9_000,
        options: [],
        memo: null,
      },
    ],
    discounts: [
      {
        source: 'coupon',
        code: 'FREE-AAAA-AAAA',
        name: '무료 쿠폰',
        definitionId: 'd1',
        amount: 9_000,
        shares: [{ lineKey: 'americano', amount: 9_000 }],
      },
    ],
  });
}

function refund(amount: number, at: string, refundId = 'r1'): RefundEntry {
  return {
    refundId,
    kind: 'amount',
    amount,
    lines: [{ lineKey: 'americano', quantity: 0, amount }],
    reason: '고객 변심',
    approvedBy: '김토스',
    requestedAt: at,
    status: 'DONE',
    transactionKey: null,
    canceledAt: at,
    tossBalance: null,
    failure: null,
    coupon: 'none',
  };
}

describe('a cash sale in Sales history', () => {
  it('can be refunded, and stands as cash until it is refunded in full', () => {
    const sale = cashSale();
    expect(whyNotRefundable(sale)).toBeNull();
    const partly = cashSale({ refunds: [refund(4_000, '2026-12-01T16:00:00+09:00')] });
    expect([historyStatusOf(partly), whyNotRefundable(partly)]).toEqual(['partially-refunded', null]);
    const whole = cashSale({
      refunds: [refund(4_000, '2026-12-01T16:00:00+09:00'), refund(5_000, '2026-12-01T16:05:00+09:00', 'r2')],
    });
    expect([historyStatusOf(whole), whyNotRefundable(whole)]).toEqual(['refunded', 'refunded']);
  });

  it('a 0-won order keeps its own reason: nothing was paid, so nothing can be refunded', () => {
    expect(whyNotRefundable(freeSale())).toBe('free');
  });

  it('its record says it was paid in cash, when the cash was taken (a later refund does not move it), and that refunds went back in cash', () => {
    const refunded = cashSale({
      updatedAt: '2026-12-01T16:00:00+09:00',
      refunds: [refund(4_000, '2026-12-01T16:00:00+09:00')],
    });
    const events = orderTimeline(refunded);
    expect(events.find((event) => event.kind === 'paid')).toEqual({
      kind: 'paid',
      at: '2026-12-01T15:10:00+09:00',
      amount: 9_000,
      by: 'cash',
    });
    const ko = events.map((event) => describeEvent(event, historyTexts.ko, 'ko'));
    expect(ko.map((event) => event.title)).toEqual([
      '주문 생성',
      '현금 결제 완료 9,000원',
      '환불 요청 4,000원',
      '환불 완료 4,000원',
    ]);
    expect(ko[3]?.details).toEqual(['현금으로 돌려드렸습니다.']);
    const en = events.map((event) => describeEvent(event, historyTexts.en, 'en'));
    expect(en[1]?.title).toBe('Paid ₩9,000 in cash');
    expect(en[3]?.details).toEqual(['Given back in cash.']);
  });

  it('a 0-won order is still said to be paid by its discounts, and a card sale by card', () => {
    expect(
      describeEvent({ kind: 'paid', at: '2026-12-01T15:10:00+09:00', amount: 0, by: 'discount' }, historyTexts.ko, 'ko')
        .title,
    ).toBe('쿠폰·할인으로 전액 결제 (카드 결제 없음)');
    expect(
      describeEvent({ kind: 'paid', at: '2026-12-01T15:10:00+09:00', amount: 9_000, by: 'toss' }, historyTexts.ko, 'ko')
        .title,
    ).toBe('결제 완료 9,000원');
    expect(orderTimeline(freeSale()).find((event) => event.kind === 'paid')).toMatchObject({ by: 'discount' });
  });
});
