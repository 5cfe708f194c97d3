import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CARD_MINIMUM_WON, type Order, type PaymentPart } from '../../../../shared/domain/order';
import { parsePartOrderId, partOrderId } from '../../../../shared/domain/part-number';
import { leftToPay, partsPaid, splitEvenly } from '../../../../shared/domain/payment-parts';
import { describeError } from '../../../../shared/i18n/error-messages';
import { newOrderId } from '../../../../electron/core/orders/order-id';
import { checkPartOpenable } from '../../../../electron/core/orders/part-rules';
import { anOrder } from '../../../support/an-order';
import { asManager, couponRow, issueCoupons } from '../../helpers/coupons';
import { changedPaths, snapshot } from '../../helpers/folder-snapshot';
import { startOwnSimulator, withCore, withLiveCore, type PosHarness } from '../../helpers/pos';
import { CARD, apiRequests, confirmRequests, payWindow, waitFor } from '../../helpers/toss-window';

/** 12,900 won: two americanos and a croissant. */
const TWO_AMERICANOS_AND_A_CROISSANT = [
  { productId: 'americano', quantity: 2 },
  { productId: 'croissant', quantity: 1 },
];
/** What Toss accepts as an orderId, by its own rule. */
const TOSS_ORDER_ID = /^[A-Za-z0-9_-]{6,64}$/;
const QUICK = { sweepMs: 60_000, firstRetryMs: 50, maxRetryMs: 200 };

type Created = { orderId: string; orderName: string; amount: number };

function ringUp(h: PosHarness, lines = TWO_AMERICANOS_AND_A_CROISSANT, couponCode?: string): Promise<Created> {
  return h.ok('sale:create', { lines, ...(couponCode === undefined ? {} : { couponCode }) });
}

/** The buyer pays a card part in the window opened with the part's own Toss orderId and amount; the register confirms it. */
async function payPart(h: PosHarness, order: Created, part: PaymentPart, card: string) {
  const paymentKey = await payWindow(
    h.sim,
    h.clientKey,
    { orderId: part.tossOrderId ?? '', orderName: order.orderName, amount: part.amount },
    card,
  );
  const result = await h.call('payment:confirm', { orderId: part.tossOrderId ?? '', paymentKey, amount: part.amount });
  return { paymentKey, result };
}

/** Opens a card part of `amount` and pays it with `card`: the order as main answers. */
async function cardPart(h: PosHarness, order: Created, amount: number, card = CARD.approves) {
  const { part } = await h.ok('payment:open-part', { orderId: order.orderId, amount });
  return { part, ...(await payPart(h, order, part, card)) };
}

function cancelsOf(h: PosHarness) {
  return h.sim.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/cancel'));
}

describe('the parts of a split order add up to its total', () => {
  it('splitting evenly in N gives N amounts that add up exactly, the remainder on the last part', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 1, max: 20 }), (total, count) => {
        const amounts = splitEvenly(total, count);
        expect(amounts).toHaveLength(count);
        expect(amounts.reduce((a, b) => a + b, 0)).toBe(total);
        const each = Math.floor(total / count);
        expect(amounts.slice(0, -1).every((amount) => amount === each)).toBe(true);
        expect(amounts.at(-1)).toBe(total - each * (count - 1));
        expect(amounts.at(-1)! - each).toBeLessThan(count);
      }),
    );
  });

  it('whatever amounts the cashier enters, main never takes parts beyond the total, and an order whose parts it took is paid exactly', () => {
    const step = fc.record({ method: fc.constantFrom('card' as const, 'cash' as const), amount: fc.nat(60_000) });
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 50_000 }), fc.array(step, { maxLength: 30 }), (amount, steps) => {
        const order: Order = anOrder({ amount });
        for (const { method, amount: asked } of steps) {
          try {
            checkPartOpenable(order, method, asked);
          } catch {
            continue;
          }
          order.parts.push({
            part: order.parts.length + 1,
            method,
            amount: asked,
            tossOrderId: method === 'card' ? partOrderId(order.orderId, order.parts.length + 1) : null,
            status: 'PAID',
            payment: null,
            cash: null,
            openedAt: order.createdAt,
            endedAt: order.createdAt,
          });
          expect(partsPaid(order)).toBeLessThanOrEqual(amount);
          expect(leftToPay(order)).toBe(amount - partsPaid(order));
          if (partsPaid(order) === amount) order.status = 'PAID';
        }
        // Every part taken is at least 1 won, a card part at least the card minimum, and only one in cash.
        expect(order.parts.every((p) => p.amount >= (p.method === 'card' ? CARD_MINIMUM_WON : 1))).toBe(true);
        expect(order.parts.filter((p) => p.method === 'cash').length).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('through the real core: random totals split evenly or by hand, paid by card and cash, end PAID with parts that add up exactly', async () => {
    const h = await withCore();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 2, max: 4 }),
        fc.boolean(),
        fc.array(fc.integer({ min: 100, max: 9_000 }), { minLength: 1, maxLength: 3 }),
        async (americanos, count, evenly, byHand) => {
          const order = await ringUp(h, [{ productId: 'americano', quantity: americanos }]);
          const amounts = evenly ? splitEvenly(order.amount, count) : [];
          if (!evenly) {
            let left = order.amount;
            for (const asked of byHand) {
              if (left - asked < CARD_MINIMUM_WON) break;
              amounts.push(asked);
              left -= asked;
            }
            amounts.push(left);
          }
          let last: Order | null = null;
          for (const [i, amount] of amounts.entries()) {
            const byCard = amount >= CARD_MINIMUM_WON && (i < amounts.length - 1 || i % 2 === 0);
            if (byCard) {
              const { result } = await cardPart(h, order, amount);
              if (!result.ok) throw new Error(JSON.stringify(result.error));
              last = result.data;
            } else {
              last = await h.ok('cash:pay-part', { orderId: order.orderId, amount, received: amount });
            }
          }
          expect(last?.status).toBe('PAID');
          expect(last?.parts.map((p) => p.amount)).toEqual(amounts);
          expect(partsPaid(last!)).toBe(order.amount);
          expect(last?.callNumber).toEqual(expect.any(Number));
        },
      ),
      { numRuns: 8 },
    );
  });
});

describe("each card part's Toss orderId", () => {
  it('is derived from the order, valid for Toss (6–64 of A–Z a–z 0–9 - _), and names its order and part back', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (date) => {
          const orderId = newOrderId(date.toISOString().slice(0, 10));
          const ids = Array.from({ length: 20 }, (_, i) => partOrderId(orderId, i + 1));
          expect(new Set([...ids, orderId]).size).toBe(21);
          for (const [i, id] of ids.entries()) {
            expect(id).toMatch(TOSS_ORDER_ID);
            expect(parsePartOrderId(id)).toEqual({ orderId, part: i + 1 });
          }
          expect(parsePartOrderId(orderId)).toBeNull();
        },
      ),
    );
  });

  it('is unique across the parts of an order and across orders, and is the orderId Toss is asked to confirm', async () => {
    const h = await withCore();
    const orders = [await ringUp(h), await ringUp(h)];
    const ids: string[] = [];
    for (const order of orders) {
      await cardPart(h, order, 5_000, CARD.rejectedAtConfirm);
      await cardPart(h, order, 5_000);
      const { result } = await cardPart(h, order, order.amount - 5_000);
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      expect(result.data.status).toBe('PAID');
      ids.push(...result.data.parts.map((p) => p.tossOrderId ?? ''));
    }
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    for (const id of ids) expect(id).toMatch(TOSS_ORDER_ID);
    expect(confirmRequests(h.sim).map((r) => r.orderId)).toEqual(ids);
  });
});

describe('a 2-way split: the first card pays, the second is declined, the rest is paid in cash', () => {
  it('ends PAID with its 대기번호 once the parts add up, every part listed, Toss asked once per card part for its own amount', async () => {
    const h = await withCore();
    const order = await ringUp(h);
    const [first, second] = splitEvenly(order.amount, 2) as [number, number];
    expect([first, second]).toEqual([6_450, 6_450]);

    const paidFirst = await cardPart(h, order, first);
    if (!paidFirst.result.ok) throw new Error(JSON.stringify(paidFirst.result.error));
    // Half paid: money was taken, the order is not whole, and no 대기번호 is called yet.
    expect(paidFirst.result.data).toMatchObject({ status: 'PENDING', callNumber: null, payment: null, cash: null });
    expect(paidFirst.result.data.parts).toEqual([
      expect.objectContaining({
        part: 1,
        method: 'card',
        amount: first,
        tossOrderId: `${order.orderId}-p1`,
        status: 'PAID',
        payment: expect.objectContaining({ paymentKey: paidFirst.paymentKey, totalAmount: first, method: '카드' }),
      }),
    ]);

    const declined = await cardPart(h, order, second, CARD.rejectedAtConfirm);
    expect(declined.result.ok).toBe(false);
    if (declined.result.ok) return;
    expect(declined.result.error).toMatchObject({ code: 'PAYMENT_DECLINED', tossCode: 'REJECT_CARD_PAYMENT' });
    const afterDecline = await h.ok('sale:get', { orderId: order.orderId });
    expect(afterDecline).toMatchObject({ status: 'PENDING', callNumber: null });
    expect(afterDecline.parts.map((p) => [p.part, p.status])).toEqual([
      [1, 'PAID'],
      [2, 'FAILED'],
    ]);

    // "다른 방법으로 결제": the rest in cash, 10,000 handed over.
    const paid = await h.ok('cash:pay-part', { orderId: order.orderId, amount: second, received: 10_000 });
    expect(paid.status).toBe('PAID');
    expect(paid.callNumber).toBe(1);
    expect(
      paid.parts.map(({ part, method, amount, status, tossOrderId }) => ({
        part,
        method,
        amount,
        status,
        tossOrderId,
      })),
    ).toEqual([
      { part: 1, method: 'card', amount: first, status: 'PAID', tossOrderId: `${order.orderId}-p1` },
      { part: 2, method: 'card', amount: second, status: 'FAILED', tossOrderId: `${order.orderId}-p2` },
      { part: 3, method: 'cash', amount: second, status: 'PAID', tossOrderId: null },
    ]);
    expect(paid.parts[2]?.cash).toMatchObject({ received: 10_000, change: 10_000 - second, cashReceipt: null });
    // The order as a whole was paid by neither one card nor cash alone.
    expect(paid).toMatchObject({ payment: null, cash: null });
    expect(paid.attempts.map((a) => [a.part, a.outcome])).toEqual([
      [1, 'APPROVED'],
      [2, 'FAILED'],
    ]);
    expect(
      confirmRequests(h.sim).map((r) => ({ orderId: r.orderId, paymentKey: r.paymentKey, status: r.status })),
    ).toEqual([
      { orderId: `${order.orderId}-p1`, paymentKey: paidFirst.paymentKey, status: 200 },
      { orderId: `${order.orderId}-p2`, paymentKey: declined.paymentKey, status: expect.any(Number) },
    ]);
    expect(h.sim.payments().find((p) => p.paymentKey === paidFirst.paymentKey)).toMatchObject({
      orderId: `${order.orderId}-p1`,
      status: 'DONE',
      totalAmount: first,
    });

    // A double press of the cash key: the part it already took.
    expect(await h.ok('cash:pay-part', { orderId: order.orderId, amount: second, received: 10_000 })).toEqual(paid);
    // Across a restart, all of it stands.
    await h.close();
    const again = await withCore({ dataDir: h.dataDir });
    expect(await again.ok('sale:get', { orderId: order.orderId })).toEqual(paid);
  });

  it('a card part whose window closed unpaid is given up: nothing was taken, and its amount is free to pay another way', async () => {
    const h = await withCore();
    const order = await ringUp(h);
    const { part } = await h.ok('payment:open-part', { orderId: order.orderId, amount: 5_000 });
    expect((await h.fail('payment:open-part', { orderId: order.orderId, amount: 1_000 })).code).toBe('PART_UNDER_WAY');
    const dropped = await h.ok('payment:drop-part', { orderId: order.orderId, part: part.part });
    expect(dropped.parts).toEqual([
      expect.objectContaining({ part: 1, status: 'FAILED', endedAt: expect.any(String) }),
    ]);
    // A window paid after all is never confirmed: the part is closed.
    const late = await payPart(h, order, part, CARD.approves);
    expect(late.result.ok ? null : late.result.error.code).toBe('PART_NOT_OPEN');
    expect(confirmRequests(h.sim)).toEqual([]);
    const paid = await h.ok('cash:pay-part', { orderId: order.orderId, amount: order.amount, received: 20_000 });
    expect(paid).toMatchObject({ status: 'PAID', callNumber: 1 });
  });
});

describe('refused before anything is stored', () => {
  it('above what is left, under the card minimum, while another card part is open, on a paid order, or paying a split order whole: each says why, nothing changes on disk, Toss is never called', async () => {
    const h = await withCore();
    const order = await ringUp(h);
    const first = await cardPart(h, order, 10_000);
    if (!first.result.ok) throw new Error(JSON.stringify(first.result.error));
    const calls = apiRequests(h.sim).length;
    const before = snapshot(h.dataDir);
    const over = await h.fail('payment:open-part', { orderId: order.orderId, amount: 2_901 });
    // 12,900 − 10,000 paid.
    expect(over).toMatchObject({ code: 'PART_OVER_REST', details: { left: 2_900 } });
    expect(describeError(over, 'ko')).toBe('남은 결제 금액은 2,900원입니다. 그보다 많이 받을 수 없습니다.');
    expect(changedPaths(before, snapshot(h.dataDir))).toEqual([]);

    // One card part at a time: while one is open, nothing else is taken.
    await h.ok('payment:open-part', { orderId: order.orderId, amount: 2_000 });
    const underWay = snapshot(h.dataDir);
    expect((await h.fail('cash:pay-part', { orderId: order.orderId, amount: 900, received: 900 })).code).toBe(
      'PART_UNDER_WAY',
    );
    expect((await h.fail('payment:open-part', { orderId: order.orderId, amount: 900 })).code).toBe('PART_UNDER_WAY');
    expect(changedPaths(underWay, snapshot(h.dataDir))).toEqual([]);
    await h.ok('payment:drop-part', { orderId: order.orderId, part: 2 });
    const afterDrop = snapshot(h.dataDir);

    const refusals = [
      await h.fail('payment:open-part', { orderId: order.orderId, amount: 2_901 }),
      await h.fail('payment:open-part', { orderId: order.orderId, amount: 99 }),
      await h.fail('cash:pay-part', { orderId: order.orderId, amount: 2_901, received: 5_000 }),
      await h.fail('cash:pay-part', { orderId: order.orderId, amount: 2_900, received: 2_000 }),
      await h.fail('cash:sale', { orderId: order.orderId, received: 20_000 }),
      await h.fail('payment:confirm', { orderId: order.orderId, paymentKey: 'tsim_whole', amount: order.amount }),
      await h.fail('payment:confirm', { orderId: `${order.orderId}-p1`, paymentKey: 'tsim_other', amount: 1 }),
      await h.fail('payment:confirm', { orderId: `${order.orderId}-p9`, paymentKey: 'tsim_other', amount: 100 }),
    ];
    expect(refusals.map((e) => e.code)).toEqual([
      'PART_OVER_REST',
      'PART_BELOW_CARD_MINIMUM',
      'PART_OVER_REST',
      'CASH_NOT_ENOUGH',
      'ORDER_PAID_IN_PARTS',
      'ORDER_PAID_IN_PARTS',
      'AMOUNT_MISMATCH',
      'PART_NOT_OPEN',
    ]);
    expect(describeError(refusals[1]!, 'en')).toBe('A card part must be at least ₩100. Enter the amount again.');
    expect(changedPaths(afterDrop, snapshot(h.dataDir))).toEqual([]);
    expect(apiRequests(h.sim)).toHaveLength(calls);

    const paid = await h.ok('cash:pay-part', { orderId: order.orderId, amount: 2_900, received: 3_000 });
    expect(paid.status).toBe('PAID');
    const whole = snapshot(h.dataDir);
    expect((await h.fail('payment:open-part', { orderId: order.orderId, amount: 100 })).code).toBe(
      'ORDER_ALREADY_PAID',
    );
    expect((await h.fail('cash:pay-part', { orderId: order.orderId, amount: 1, received: 1 })).code).toBe(
      'ORDER_ALREADY_PAID',
    );
    expect(changedPaths(whole, snapshot(h.dataDir))).toEqual([]);
  });

  it('a second cash part is refused, and so is an order the books of the other mode do not hold', async () => {
    const own = await startOwnSimulator();
    const h = await withLiveCore(own);
    const order = await ringUp(h);
    await h.ok('cash:pay-part', { orderId: order.orderId, amount: 3_000, received: 3_000 });
    expect((await h.fail('cash:pay-part', { orderId: order.orderId, amount: 1_000, received: 1_000 })).code).toBe(
      'CASH_PART_TAKEN',
    );
    await asManager(h);
    await h.ok('settings:set-mode', { mode: 'training', confirm: true });
    expect((await h.fail('payment:open-part', { orderId: order.orderId, amount: 1_000 })).code).toBe('ORDER_NOT_FOUND');
  });
});

describe('a partly paid order', () => {
  it('is not given up by sale:abandon; refunding its paid parts ends it ABANDONED and frees its coupon', async () => {
    const h = await withCore();
    const [code] = await issueCoupons(h);
    const order = await ringUp(h, TWO_AMERICANOS_AND_A_CROISSANT, code);
    expect(order.amount).toBe(11_900);
    const card = await cardPart(h, order, 5_000);
    if (!card.result.ok) throw new Error(JSON.stringify(card.result.error));
    await h.ok('cash:pay-part', { orderId: order.orderId, amount: 2_000, received: 2_000 });

    expect(await h.ok('sale:abandon', { orderId: order.orderId })).toMatchObject({ status: 'PENDING' });
    expect((await couponRow(h, code!)).state).toBe('reserved');

    await asManager(h);
    expect(await h.ok('refund:preview', { orderId: order.orderId, request: { kind: 'full' }, part: 1 })).toMatchObject({
      amount: 5_000,
      balanceAfter: 0,
      coupon: 'kept',
    });
    const cardBack = await h.ok('refund:create', {
      orderId: order.orderId,
      request: { kind: 'full' },
      part: 1,
      reason: '고객 변심',
    });
    expect(cardBack.status).toBe('PENDING');
    expect(await h.ok('refund:preview', { orderId: order.orderId, request: { kind: 'full' }, part: 2 })).toMatchObject({
      amount: 2_000,
      balanceAfter: 0,
      coupon: 'restored',
    });
    const ended = await h.ok('refund:create', {
      orderId: order.orderId,
      request: { kind: 'full' },
      part: 2,
      reason: '고객 변심',
    });
    expect(ended.status).toBe('ABANDONED');
    expect(ended.refunds.map((r) => [r.part, r.amount, r.status, r.coupon])).toEqual([
      [1, 5_000, 'DONE', 'kept'],
      [2, 2_000, 'DONE', 'restored'],
    ]);
    expect((await couponRow(h, code!)).state).toBe('available');
    expect(h.sim.payments().find((p) => p.paymentKey === card.paymentKey)).toMatchObject({
      status: 'CANCELED',
      balanceAmount: 0,
    });
  });
});

describe('a coupon or a manual discount is the order’s', () => {
  it('a split order priced with a coupon is paid in parts of its discounted total, and its coupon is used once it is whole', async () => {
    const h = await withCore();
    const [code] = await issueCoupons(h);
    const order = await ringUp(h, TWO_AMERICANOS_AND_A_CROISSANT, code);
    expect(order.amount).toBe(11_900);
    await cardPart(h, order, 6_000);
    expect((await couponRow(h, code!)).state).toBe('reserved');
    const paid = await h.ok('cash:pay-part', { orderId: order.orderId, amount: 5_900, received: 5_900 });
    expect(paid).toMatchObject({ status: 'PAID', discounts: [expect.objectContaining({ source: 'coupon', code })] });
    expect(await couponRow(h, code!)).toMatchObject({ state: 'used', orderId: order.orderId });
    expect((await h.fail('payment:open-part', { orderId: order.orderId, amount: 1_000 })).code).toBe(
      'ORDER_ALREADY_PAID',
    );
  });
});

describe('refunds of a split order go back to the part they name', () => {
  async function cardAndCash(h: PosHarness) {
    const order = await ringUp(h);
    const card = await cardPart(h, order, 8_000);
    if (!card.result.ok) throw new Error(JSON.stringify(card.result.error));
    const paid = await h.ok('cash:pay-part', { orderId: order.orderId, amount: 4_900, received: 5_000 });
    expect(paid.status).toBe('PAID');
    await asManager(h);
    return { order, paymentKey: card.paymentKey };
  }

  it('a card part through a Toss cancel on that part’s payment for the amount asked; the cash part in cash with no Toss call; never above what the part has left', async () => {
    const h = await withCore();
    const { order, paymentKey } = await cardAndCash(h);

    const unnamed = await h.fail('refund:create', { orderId: order.orderId, request: { kind: 'full' }, reason: 'x' });
    expect(unnamed.code).toBe('REFUND_PART_REQUIRED');
    expect(describeError(unnamed, 'ko')).toContain('환불할 결제(카드 또는 현금)를 골라 주세요');
    expect(
      (await h.fail('refund:create', { orderId: order.orderId, request: { kind: 'full' }, part: 3, reason: 'x' })).code,
    ).toBe('REFUND_INVALID');
    const over = await h.fail('refund:create', {
      orderId: order.orderId,
      request: { kind: 'amount', amount: 4_901 },
      part: 2,
      reason: 'x',
    });
    expect(over).toMatchObject({ code: 'REFUND_EXCEEDS_BALANCE', details: { balance: 4_900 } });
    // Lines worth more than the cash part: refused for that part, though the order has them.
    expect(
      (
        await h.fail('refund:create', {
          orderId: order.orderId,
          request: { kind: 'lines', lines: [{ lineKey: 'americano', quantity: 2 }] },
          part: 2,
          reason: 'x',
        })
      ).code,
    ).toBe('REFUND_EXCEEDS_BALANCE');
    expect(cancelsOf(h)).toEqual([]);

    const byCash = await h.ok('refund:create', {
      orderId: order.orderId,
      request: { kind: 'lines', lines: [{ lineKey: 'croissant', quantity: 1 }] },
      part: 2,
      reason: '상품 불량',
    });
    expect(cancelsOf(h)).toEqual([]);
    expect(byCash.refunds.at(-1)).toMatchObject({ part: 2, amount: 3_900, status: 'DONE', transactionKey: null });

    const byCard = await h.ok('refund:create', {
      orderId: order.orderId,
      request: { kind: 'amount', amount: 3_000 },
      part: 1,
      reason: '고객 변심',
    });
    expect(cancelsOf(h).map((r) => r.paymentKey)).toEqual([paymentKey]);
    const atToss = h.sim.payments().find((p) => p.paymentKey === paymentKey);
    expect(atToss).toMatchObject({ orderId: `${order.orderId}-p1`, balanceAmount: 5_000 });
    expect(atToss?.cancels?.map((c) => c.cancelAmount)).toEqual([3_000]);
    expect(byCard.refunds.at(-1)).toMatchObject({
      part: 1,
      amount: 3_000,
      status: 'DONE',
      transactionKey: atToss?.cancels?.[0]?.transactionKey,
      tossBalance: 5_000,
    });

    // What is left of the card part, and no more.
    expect(await h.ok('refund:preview', { orderId: order.orderId, request: { kind: 'full' }, part: 1 })).toMatchObject({
      amount: 5_000,
      balanceAfter: 0,
    });
    const rest = await h.ok('refund:create', {
      orderId: order.orderId,
      request: { kind: 'full' },
      part: 1,
      reason: '고객 변심',
    });
    expect(rest.refunds.at(-1)).toMatchObject({ part: 1, amount: 5_000, tossBalance: 0 });
    expect(h.sim.payments().find((p) => p.paymentKey === paymentKey)?.status).toBe('CANCELED');
    expect(
      (await h.fail('refund:create', { orderId: order.orderId, request: { kind: 'full' }, part: 1, reason: 'x' })).code,
    ).toBe('REFUND_NOTHING_LEFT');
    // The order stays PAID, 1,000 of its cash part still paid.
    expect(rest.status).toBe('PAID');
    expect(await h.ok('refund:preview', { orderId: order.orderId, request: { kind: 'full' }, part: 2 })).toMatchObject({
      amount: 1_000,
      balanceAfter: 0,
    });
  });

  it('a single-tender order takes no part', async () => {
    const h = await withCore();
    const order = await ringUp(h);
    await h.ok('cash:sale', { orderId: order.orderId, received: order.amount });
    await asManager(h);
    expect(
      (await h.fail('refund:create', { orderId: order.orderId, request: { kind: 'full' }, part: 1, reason: 'x' })).code,
    ).toBe('REFUND_INVALID');
  });

  it('a 현금영수증 asked with the cash part covers that part only, and a refund of the card part leaves it whole', async () => {
    const h = await withCore();
    const order = await ringUp(h);
    const card = await cardPart(h, order, 8_000);
    if (!card.result.ok) throw new Error(JSON.stringify(card.result.error));
    const paid = await h.ok('cash:pay-part', {
      orderId: order.orderId,
      amount: 4_900,
      received: 5_000,
      cashReceipt: { type: '소득공제', identity: '010-1234-5678' },
    });
    expect(paid.status).toBe('PAID');
    expect(paid.parts[1]?.cash?.cashReceipt).toMatchObject({ status: 'ISSUED', amount: 4_900, canceledAmount: 0 });
    await asManager(h);
    const refunded = await h.ok('refund:create', {
      orderId: order.orderId,
      request: { kind: 'amount', amount: 8_000 },
      part: 1,
      reason: '고객 변심',
    });
    expect(refunded.parts[1]?.cash?.cashReceipt).toMatchObject({ status: 'ISSUED', canceledAmount: 0 });
    // Asked again for the same part: it has its receipt already.
    expect(
      (await h.fail('cash:receipt', { orderId: order.orderId, request: { type: '소득공제', identity: '01012345678' } }))
        .code,
    ).toBe('CASH_RECEIPT_ALREADY_ISSUED');
  });
});

describe('a crash in the middle of the second part', () => {
  it('leaves the second card part CONFIRMING; the next start settles it with Toss and the order is PAID with its 대기번호', async () => {
    const own = await startOwnSimulator();
    const h = await withLiveCore(own, { tossTimeoutMs: 200, settleTiming: QUICK });
    const order = await ringUp(h);
    const first = await cardPart(h, order, 6_000);
    if (!first.result.ok) throw new Error(JSON.stringify(first.result.error));
    const { part } = await h.ok('payment:open-part', { orderId: order.orderId, amount: 6_900 });
    const paymentKey = await payWindow(
      own.sim,
      own.clientKey,
      { orderId: part.tossOrderId ?? '', orderName: order.orderName, amount: part.amount },
      CARD.approves,
    );
    // Toss approves; its answer and every lookup are lost: the app is shut down with the part CONFIRMING.
    own.sim.faults.add({ route: 'confirm', fault: { kind: 'latency', ms: 600 } });
    own.sim.faults.add({ route: 'lookup', times: 'always', fault: { kind: 'reset', processed: false } });
    const lost = await h.fail('payment:confirm', { orderId: part.tossOrderId ?? '', paymentKey, amount: part.amount });
    expect(lost).toMatchObject({ code: 'TOSS_UNREACHABLE', retryable: true });
    await waitFor(() => confirmRequests(own.sim).every((r) => r.status !== 0), 'Toss to finish the confirm');
    const mid = await h.ok('sale:get', { orderId: order.orderId });
    expect(mid.status).toBe('CONFIRMING');
    expect(mid.parts.map((p) => p.status)).toEqual(['PAID', 'CONFIRMING']);
    // Nothing else can be taken meanwhile.
    expect((await h.fail('cash:pay-part', { orderId: order.orderId, amount: 100, received: 100 })).code).toBe(
      'PAYMENT_IN_FLIGHT',
    );
    expect(await h.ok('sale:abandon', { orderId: order.orderId })).toMatchObject({ status: 'CONFIRMING' });
    await h.close();
    own.sim.faults.clear();

    const restarted = await withLiveCore(own, { dataDir: h.dataDir, settleTiming: QUICK });
    await restarted.core.settled;
    const settled = await restarted.ok('sale:get', { orderId: order.orderId });
    expect(settled).toMatchObject({ status: 'PAID', callNumber: 1 });
    // The register's notice names the part it settled, for the part's amount.
    expect(await restarted.ok('payment:settlements', {})).toEqual([
      expect.objectContaining({ orderId: order.orderId, part: 2, amount: 6_900, state: 'PAID', problem: null }),
    ]);
    expect(settled.parts.map((p) => [p.status, p.payment?.paymentKey])).toEqual([
      ['PAID', first.paymentKey],
      ['PAID', paymentKey],
    ]);
    // Toss charged each part once, for its own amount.
    expect(
      own.sim
        .payments()
        .filter((p) => p.orderId.startsWith(order.orderId))
        .map((p) => [p.orderId, p.totalAmount, p.status]),
    ).toEqual([
      [`${order.orderId}-p1`, 6_000, 'DONE'],
      [`${order.orderId}-p2`, 6_900, 'DONE'],
    ]);
  });
});
