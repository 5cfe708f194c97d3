import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../../shared/domain/order';
import { refundedAmount, type RefundEntry, type RefundRequest } from '../../../../shared/domain/refunds';
import { applyDiscounts } from '../../../../electron/core/money/discount/discount-engine';
import { balanceOf, linesLeft, planRefund } from '../../../../electron/core/money/refund/refund-plan';
import { PosError } from '../../../../shared/domain/errors';
import { describeError } from '../../../../shared/i18n/error-messages';
import { asManager, couponRow, issueCoupons } from '../../helpers/coupons';
import { faultyIo } from '../../helpers/faulty-io';
import { changedPaths, snapshot } from '../../helpers/folder-snapshot';
import { closedPortUrl, startOwnSimulator, withCore, withLiveCore, type PosHarness } from '../../helpers/pos';
import { CARD, payWindow } from '../../helpers/toss-window';
import { anOrder } from '../../../support/an-order';

const THREE_LINES = [
  { productId: 'americano', quantity: 2 },
  { productId: 'croissant', quantity: 1 },
  { productId: 'cheesecake', quantity: 1 },
];

/** A paid order through main and the simulator's window, with a coupon when given. */
async function paidOrder(h: PosHarness, lines = THREE_LINES, couponCode?: string): Promise<Order> {
  const order = await h.ok('sale:create', { lines, couponCode });
  const paymentKey = await payWindow(h.sim, h.clientKey, order, CARD.approves);
  return h.ok('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
}

function cancels(h: PosHarness) {
  return h.sim.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/cancel'));
}

describe('working out a refund (the money rule)', () => {
  /** A random paid order: lines, and a discount shared over them the way main shares one. */
  const orderArbitrary = fc
    .record({
      lines: fc.array(
        fc.record({ unitPrice: fc.integer({ min: 100, max: 50_000 }), quantity: fc.integer({ min: 1, max: 5 }) }),
        { minLength: 1, maxLength: 6 },
      ),
      discountPart: fc.double({ min: 0, max: 0.9, noNaN: true }),
    })
    .map(({ lines, discountPart }): Order => {
      const priced = lines.map((l, i) => ({
        productId: `p${i}`,
        name: `p${i}`,
        unitPrice: l.unitPrice,
        quantity: l.quantity,
        lineTotal: l.unitPrice * l.quantity,
        discount: 0,
        options: [],
        memo: null,
        categoryId: 'c',
      }));
      const subtotal = priced.reduce((sum, l) => sum + l.lineTotal, 0);
      const applied = applyDiscounts(priced, [
        {
          amount: () => Math.floor(subtotal * discountPart),
          lineKeys: priced.map((l) => l.productId),
          record: (amount, shares) => ({
            source: 'manual',
            kind: 'fixed',
            value: Math.max(1, amount),
            reason: 'x',
            approvedBy: null,
            amount,
            shares,
          }),
        },
      ]);
      return anOrder({
        orderId: '20261201-AAAAAAAAAAAA',
        createdAt: '2026-12-01T12:00:00+09:00',
        updatedAt: '2026-12-01T12:00:00+09:00',
        lines: applied.lines.map(({ productId, name, unitPrice, quantity, lineTotal, discount, options, memo }) => ({
          productId,
          name,
          unitPrice,
          quantity,
          lineTotal,
          discount,
          options,
          memo,
        })),
        orderName: 'x',
        amount: applied.amount,
        supplyAmount: applied.supplyAmount,
        vatAmount: applied.vatAmount,
        status: 'PAID',
        callNumber: 1,
        discounts: applied.discounts,
      });
    });

  function record(order: Order, request: RefundRequest): boolean {
    let plan;
    try {
      plan = planRefund(order, request);
    } catch (error) {
      if (error instanceof PosError) return false;
      throw error;
    }
    const entry: RefundEntry = {
      refundId: `r${order.refunds.length + 1}`,
      kind: request.kind,
      amount: plan.amount,
      lines: plan.lines,
      reason: 'x',
      approvedBy: 'm',
      requestedAt: order.createdAt,
      status: 'DONE',
      transactionKey: null,
      canceledAt: null,
      tossBalance: null,
      failure: null,
      coupon: null,
    };
    order.refunds.push(entry);
    return true;
  }

  it('for random orders with discounts: partial refunds never add up above what was paid, no line goes below 0, and a full refund after them refunds exactly the rest', () => {
    fc.assert(
      fc.property(
        orderArbitrary,
        fc.array(
          fc.oneof(
            fc.record({ line: fc.nat(5), quantity: fc.integer({ min: 1, max: 5 }) }),
            fc.record({ amount: fc.integer({ min: 1, max: 300_000 }) }),
          ),
          { maxLength: 8 },
        ),
        (order, asks) => {
          for (const ask of asks) {
            const lineKey = 'line' in ask ? (order.lines[ask.line % order.lines.length]?.productId ?? 'p0') : '';
            record(
              order,
              'line' in ask
                ? { kind: 'lines', lines: [{ lineKey, quantity: ask.quantity }] }
                : { kind: 'amount', amount: ask.amount },
            );
            expect(refundedAmount(order.refunds)).toBeLessThanOrEqual(order.amount);
            for (const left of linesLeft(order)) {
              expect(left.amount).toBeGreaterThanOrEqual(0);
              expect(left.quantity).toBeGreaterThanOrEqual(0);
            }
          }
          const rest = balanceOf(order);
          if (rest > 0) {
            expect(record(order, { kind: 'full' })).toBe(true);
            expect(order.refunds.at(-1)?.amount).toBe(rest);
          }
          expect(refundedAmount(order.refunds)).toBe(order.amount);
          expect(balanceOf(order)).toBe(0);
          expect(linesLeft(order).every((left) => left.amount === 0)).toBe(true);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('refunds each unit’s share of its line’s net price, the last unit taking the rest', () => {
    const [order] = fc.sample(orderArbitrary, { seed: 7, numRuns: 1 });
    if (!order) throw new Error('no sample');
    order.lines = [
      {
        productId: 'p0',
        name: 'p0',
        unitPrice: 1_000,
        quantity: 3,
        lineTotal: 3_000,
        discount: 100,
        options: [],
        memo: null,
      },
    ];
    order.amount = 2_900;
    // 2,900 net over 3 units: 966, 966, then the remaining 968.
    expect(planRefund(order, { kind: 'lines', lines: [{ lineKey: 'p0', quantity: 1 }] }).amount).toBe(966);
    record(order, { kind: 'lines', lines: [{ lineKey: 'p0', quantity: 1 }] });
    expect(planRefund(order, { kind: 'lines', lines: [{ lineKey: 'p0', quantity: 1 }] }).amount).toBe(967);
    expect(planRefund(order, { kind: 'lines', lines: [{ lineKey: 'p0', quantity: 2 }] }).amount).toBe(1_934);
    expect(() => planRefund(order, { kind: 'lines', lines: [{ lineKey: 'p0', quantity: 3 }] })).toThrow(PosError);
    expect(() => planRefund(order, { kind: 'amount', amount: 1_935 })).toThrow(/more than/);
  });
});

describe('refunds through Toss’s cancel', () => {
  it('refunds two of three lines, then the rest: each a cancel of its own, the ledger and Toss agree, the order ends refunded', async () => {
    const h = await withCore();
    await asManager(h);
    const order = await paidOrder(h);
    expect(order.amount).toBe(4_500 * 2 + 3_900 + 6_500);

    const first = await h.ok('refund:create', {
      orderId: order.orderId,
      request: {
        kind: 'lines',
        lines: [
          { lineKey: 'americano', quantity: 2 },
          { lineKey: 'croissant', quantity: 1 },
        ],
      },
      reason: '고객 변심',
    });
    expect(first.refunds).toEqual([
      expect.objectContaining({
        refundId: 'r1',
        kind: 'lines',
        amount: 12_900,
        status: 'DONE',
        approvedBy: '김토스',
        reason: '고객 변심',
        tossBalance: 6_500,
        coupon: 'none',
        transactionKey: expect.any(String),
      }),
    ]);
    const preview = await h.ok('refund:preview', { orderId: order.orderId, request: { kind: 'full' } });
    expect(preview).toEqual({
      amount: 6_500,
      lines: [{ lineKey: 'cheesecake', quantity: 1, amount: 6_500 }],
      balanceAfter: 0,
      coupon: 'none',
    });
    const rest = await h.ok('refund:create', {
      orderId: order.orderId,
      request: { kind: 'full' },
      reason: '주문 실수',
    });
    expect(rest.refunds.map((r) => [r.amount, r.status, r.tossBalance])).toEqual([
      [12_900, 'DONE', 6_500],
      [6_500, 'DONE', 0],
    ]);
    const keys = cancels(h).map((r) => r.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(2);
    expect(
      (await h.ok('history:list', { filter: { from: order.businessDay, to: order.businessDay }, limit: 10 })).rows[0],
    ).toMatchObject({ orderId: order.orderId, status: 'refunded', refunded: 19_400 });
    expect(
      (await h.fail('refund:create', { orderId: order.orderId, request: { kind: 'full' }, reason: 'x' })).code,
    ).toBe('REFUND_NOTHING_LEFT');
  });

  it('a training sale can be refunded after the app restarted (the training Toss keeps its payments in the data folder)', async () => {
    const h = await withCore();
    const order = await paidOrder(h, [{ productId: 'americano', quantity: 1 }]);
    await h.close();
    const again = await withCore({ dataDir: h.dataDir });
    await asManager(again);
    const refunded = await again.ok('refund:create', {
      orderId: order.orderId,
      request: { kind: 'full' },
      reason: '고객 변심',
    });
    expect(refunded.refunds[0]).toMatchObject({ status: 'DONE', amount: 4_500, tossBalance: 0 });
  });

  it('refuses more than is left, in words, with nothing recorded and nothing sent to Toss', async () => {
    const h = await withCore();
    await asManager(h);
    const order = await paidOrder(h, [{ productId: 'americano', quantity: 1 }]);
    expect(
      await h.fail('refund:create', {
        orderId: order.orderId,
        request: { kind: 'amount', amount: 4_501 },
        reason: 'x',
      }),
    ).toMatchObject({ code: 'REFUND_EXCEEDS_BALANCE', details: { balance: 4_500 } });
    expect(
      (
        await h.fail('refund:create', {
          orderId: order.orderId,
          request: { kind: 'lines', lines: [{ lineKey: 'americano', quantity: 2 }] },
          reason: 'x',
        })
      ).code,
    ).toBe('REFUND_INVALID');
    expect(
      (
        await h.fail('refund:create', {
          orderId: order.orderId,
          request: { kind: 'lines', lines: [{ lineKey: 'bagel', quantity: 1 }] },
          reason: 'x',
        })
      ).code,
    ).toBe('REFUND_INVALID');
    expect((await h.ok('history:order', { orderId: order.orderId })).refunds).toEqual([]);
    expect(cancels(h)).toHaveLength(0);
  });

  it('a double-clicked refund cancels once', async () => {
    const h = await withCore();
    await asManager(h);
    const order = await paidOrder(h, [{ productId: 'americano', quantity: 1 }]);
    const [a, b] = await Promise.all([
      h.call('refund:create', { orderId: order.orderId, request: { kind: 'full' }, reason: 'x' }),
      h.call('refund:create', { orderId: order.orderId, request: { kind: 'full' }, reason: 'x' }),
    ]);
    expect([a.ok, b.ok]).toEqual([true, false]);
    expect(b).toMatchObject({ ok: false, error: { code: 'REFUND_NOTHING_LEFT' } });
    expect(cancels(h)).toHaveLength(1);
  });

  it('needs a manager session, and an unpaid order cannot be refunded', async () => {
    const h = await withCore();
    const order = await paidOrder(h, [{ productId: 'americano', quantity: 1 }]);
    expect(
      (await h.fail('refund:create', { orderId: order.orderId, request: { kind: 'full' }, reason: 'x' })).code,
    ).toBe('MANAGER_REQUIRED');
    await asManager(h);
    const open = await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
    expect(
      (await h.fail('refund:create', { orderId: open.orderId, request: { kind: 'full' }, reason: 'x' })).code,
    ).toBe('REFUND_NOT_PAID');
  });

  it('a refusal Toss gives (more than Toss can cancel) is shown in words and moves nothing: the balance stays', async () => {
    const own = await startOwnSimulator();
    const h = await withLiveCore(own);
    await asManager(h);
    const order = await paidOrder(h, [{ productId: 'americano', quantity: 2 }]);
    // Someone cancelled part of it at Toss behind the POS's back.
    await own.toss.cancel(
      order.payment?.paymentKey ?? '',
      { cancelReason: 'elsewhere', cancelAmount: 5_000 },
      'outside-1',
    );
    const refused = await h.fail('refund:create', {
      orderId: order.orderId,
      request: { kind: 'lines', lines: [{ lineKey: 'americano', quantity: 2 }] },
      reason: 'x',
    });
    expect(refused).toMatchObject({ code: 'REFUND_DECLINED', tossCode: 'NOT_CANCELABLE_AMOUNT' });
    const stored = await h.ok('history:order', { orderId: order.orderId });
    expect(stored.refunds).toEqual([
      expect.objectContaining({
        status: 'FAILED',
        failure: expect.objectContaining({ code: 'NOT_CANCELABLE_AMOUNT' }),
      }),
    ]);
    expect(refundedAmount(stored.refunds)).toBe(0);
  });

  it('Toss unreachable: the refund stays journaled, and the next start settles it with the same key — one cancel at Toss', async () => {
    const own = await startOwnSimulator();
    const shop = await withLiveCore(own);
    await asManager(shop);
    const order = await paidOrder(shop, [{ productId: 'americano', quantity: 1 }]);
    await shop.close();

    const unreachable = await withLiveCore(own, { dataDir: shop.dataDir, apiBase: await closedPortUrl() });
    await asManager(unreachable);
    expect(
      (await unreachable.fail('refund:create', { orderId: order.orderId, request: { kind: 'full' }, reason: 'x' }))
        .code,
    ).toBe('TOSS_UNREACHABLE');
    expect((await unreachable.ok('history:order', { orderId: order.orderId })).refunds).toEqual([
      expect.objectContaining({ status: 'REFUNDING', amount: 4_500 }),
    ]);
    await unreachable.close();

    const back = await withLiveCore(own, { dataDir: shop.dataDir });
    await back.core.settled;
    await asManager(back);
    const settled = await back.ok('history:order', { orderId: order.orderId });
    expect(settled.refunds).toEqual([expect.objectContaining({ status: 'DONE', tossBalance: 0 })]);
    expect((await own.toss.getPayment(order.payment?.paymentKey ?? '')).status).toBe('CANCELED');
    expect(own.sim.requests().filter((r) => r.path.endsWith('/cancel') && r.status === 200)).toHaveLength(1);
  });

  it('Toss refunded but the POS could not record it: the reconciliation reads Toss first and records the refund Toss made, without cancelling again', async () => {
    const failing = { on: false };
    const disk = faultyIo((path, text) => failing.on && path.includes('orders') && text.includes('"transactionKey":"'));
    const h = await withCore({ io: disk.io });
    await asManager(h);
    const order = await paidOrder(h, [{ productId: 'americano', quantity: 2 }]);
    failing.on = true;
    expect(
      (
        await h.fail('refund:create', {
          orderId: order.orderId,
          request: { kind: 'amount', amount: 3_000 },
          reason: 'x',
        })
      ).code,
    ).toBe('STORE_WRITE_REFUSED');
    failing.on = false;
    await h.core.settleNow();
    const settled = await h.ok('history:order', { orderId: order.orderId });
    expect(settled.refunds).toEqual([expect.objectContaining({ status: 'DONE', amount: 3_000, tossBalance: 6_000 })]);
    expect(cancels(h)).toHaveLength(1);
    expect(h.sim.requests().filter((r) => r.method === 'GET').length).toBeGreaterThan(0);
  });
});

describe('a refund and the order’s coupon', () => {
  it('a full refund gives the coupon back while it is inside its window; a partial one keeps it used', async () => {
    const h = await withCore();
    const [whole = '', part = ''] = await issueCoupons(h, {}, { count: 2 });
    const full = await paidOrder(h, [{ productId: 'americano', quantity: 2 }], whole);
    const partial = await paidOrder(h, [{ productId: 'americano', quantity: 2 }], part);
    await asManager(h);
    expect((await h.ok('refund:preview', { orderId: full.orderId, request: { kind: 'full' } })).coupon).toBe(
      'restored',
    );
    const refunded = await h.ok('refund:create', { orderId: full.orderId, request: { kind: 'full' }, reason: 'x' });
    expect(refunded.refunds[0]).toMatchObject({ amount: 8_000, coupon: 'restored' });
    expect((await couponRow(h, whole)).state).toBe('available');
    const kept = await h.ok('refund:create', {
      orderId: partial.orderId,
      request: { kind: 'lines', lines: [{ lineKey: 'americano', quantity: 1 }] },
      reason: 'x',
    });
    expect(kept.refunds[0]).toMatchObject({ amount: 4_000, coupon: 'kept' });
    expect((await couponRow(h, part)).state).toBe('used');

    // A restart does not take the given-back coupon again for its old order.
    await h.close();
    const again = await withCore({ dataDir: h.dataDir });
    expect((await couponRow(again, whole)).state).toBe('available');
    expect(
      (await again.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }], couponCode: whole })).amount,
    ).toBe(3_500);
  });

  it('keeps the coupon used when the shop says so, or when its window is over', async () => {
    const time = { at: Date.parse('2026-12-05T12:00:00+09:00') };
    const h = await withCore({ now: () => new Date(time.at) });
    const [code = '', late = ''] = await issueCoupons(
      h,
      {},
      { count: 2, validFrom: '2026-12-01', validUntil: '2026-12-05' },
    );
    const order = await paidOrder(h, [{ productId: 'americano', quantity: 1 }], code);
    const expiring = await paidOrder(h, [{ productId: 'americano', quantity: 1 }], late);
    await asManager(h);
    await h.ok('settings:save-refund-policy', { restoreCouponOnRefund: false });
    expect(
      (await h.ok('refund:create', { orderId: order.orderId, request: { kind: 'full' }, reason: 'x' })).refunds[0]
        ?.coupon,
    ).toBe('kept');
    await h.ok('settings:save-refund-policy', { restoreCouponOnRefund: true });
    time.at = Date.parse('2026-12-06T00:00:00+09:00');
    await asManager(h);
    expect(
      (await h.ok('refund:create', { orderId: expiring.orderId, request: { kind: 'full' }, reason: 'x' })).refunds[0]
        ?.coupon,
    ).toBe('expired');
    expect((await couponRow(h, late)).state).toBe('used');
  });

  it('a 0-won order (paid by its coupon) has nothing to refund: every kind is refused, nothing is written, the coupon stays used', async () => {
    const h = await withCore();
    const [code = ''] = await issueCoupons(h, { benefit: { type: 'percent', percent: 100, maxDiscount: 10_000 } });
    const order = await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 2 }], couponCode: code });
    await h.ok('payment:complete-free', { orderId: order.orderId });
    await asManager(h);
    const before = snapshot(h.dataDir);
    const requests: RefundRequest[] = [
      { kind: 'full' },
      { kind: 'full' },
      { kind: 'lines', lines: [{ lineKey: 'americano', quantity: 1 }] },
      { kind: 'amount', amount: 1 },
    ];
    for (const request of requests) {
      expect((await h.fail('refund:preview', { orderId: order.orderId, request })).code).toBe('REFUND_NOTHING_LEFT');
      expect((await h.fail('refund:create', { orderId: order.orderId, request, reason: 'x' })).code).toBe(
        'REFUND_NOTHING_LEFT',
      );
    }
    expect(changedPaths(before, snapshot(h.dataDir))).toEqual([]);
    const refused = await h.fail('refund:create', { orderId: order.orderId, request: { kind: 'full' }, reason: 'x' });
    expect(describeError(refused, 'ko')).toBe('쿠폰·할인으로 0원 결제된 주문이라 환불할 금액이 없습니다.');
    expect((await h.ok('history:order', { orderId: order.orderId })).refunds).toEqual([]);
    expect(cancels(h)).toHaveLength(0);
    expect((await couponRow(h, code)).state).toBe('used');
  });
});
