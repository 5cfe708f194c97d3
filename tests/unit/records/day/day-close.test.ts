import { describe, expect, it } from 'vitest';
import type { DayFigures, Mismatch } from '../../../../shared/domain/day-close';
import type { Order } from '../../../../shared/domain/order';
import type { CartLineRequest } from '../../../../electron/core/shop/catalog/pricing';
import { businessDayAt, dayWindow } from '../../../../electron/core/orders/days/business-day';
import { TossClient } from '../../../../electron/core/toss/toss-client';
import { asManager, issueCoupons } from '../../helpers/coupons';
import { startOwnSimulator, withCore, withLiveCore, type OwnSimulator, type PosHarness } from '../../helpers/pos';
import { tempDir } from '../../helpers/temp-dir';
import { CARD, payWindow } from '../../helpers/toss-window';

/** A clock the test moves, shared by the shop and its Toss. */
function clock(start: string) {
  let at = Date.parse(start);
  return {
    now: () => new Date(at),
    set(iso: string) {
      at = Date.parse(iso);
    },
  };
}

async function paid(
  h: PosHarness,
  lines: Array<CartLineRequest>,
  extra: {
    couponCode?: string;
    manualDiscount?: { kind: 'fixed' | 'percent'; value: number; lineKey: null; reason: string };
  } = {},
): Promise<Order> {
  const order = await h.ok('sale:create', { lines, ...extra });
  const paymentKey = await payWindow(h.sim, h.clientKey, order, CARD.approves);
  return h.ok('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
}

/** A cash sale at the counter: paid in notes, nothing at Toss. */
async function paidInCash(h: PosHarness, lines: Array<{ productId: string; quantity: number }>): Promise<Order> {
  const order = await h.ok('sale:create', { lines });
  return h.ok('cash:sale', { orderId: order.orderId, received: 10_000 });
}

interface Shop {
  h: PosHarness;
  own: OwnSimulator;
  /** Moves the clock, and unlocks again. */
  at(iso: string): Promise<void>;
  now: () => Date;
  orders: Record<'yesterday' | 'coupon' | 'manual' | 'cash' | 'tumbler', Order>;
}

/**
 * 2026-12-03 at a café: a training sale first, then live: a coupon sale, a manual discount,
 * a cash sale, a tumbler partly refunded in the afternoon, a line refunded from the coupon sale,
 * yesterday's sale refunded today, and 1,000 won of the cash sale given back from the drawer.
 */
async function dayAtTheCafe(): Promise<Shop> {
  const time = clock('2026-12-03T08:00:00+09:00');
  const dataDir = await tempDir('day-close');
  const training = await withCore({ dataDir, now: time.now });
  await asManager(training);
  await paid(training, [{ productId: 'sandwich', quantity: 1 }]);
  await training.close();

  const own = await startOwnSimulator({ now: time.now });
  const h = await withLiveCore(own, { dataDir, now: time.now });
  // The manager's session locks itself when idle: the PIN again after each move of the clock.
  const at = async (iso: string) => {
    time.set(iso);
    await asManager(h);
  };
  await at('2026-12-02T18:00:00+09:00');
  const yesterday = await paid(h, [{ productId: 'americano', quantity: 1 }]);
  await at('2026-12-03T09:15:00+09:00');
  const [code] = await issueCoupons(h);
  const coupon = await paid(
    h,
    [
      { productId: 'americano', quantity: 2 },
      { productId: 'cheesecake', quantity: 1 },
    ],
    { couponCode: code ?? '' },
  );
  const manual = await paid(h, [{ productId: 'cafe-latte', quantity: 2 }], {
    manualDiscount: { kind: 'fixed', value: 500, lineKey: null, reason: '단골' },
  });
  const cash = await paidInCash(h, [{ productId: 'croissant', quantity: 1 }]);
  await at('2026-12-03T13:40:00+09:00');
  const tumbler = await paid(h, [{ productId: 'tumbler', quantity: 1 }]);
  await at('2026-12-03T14:05:00+09:00');
  await h.ok('refund:create', {
    orderId: tumbler.orderId,
    request: { kind: 'amount', amount: 5_000 },
    reason: '상품 불량',
  });
  const couponAfter = await h.ok('refund:create', {
    orderId: coupon.orderId,
    request: { kind: 'lines', lines: [{ lineKey: 'americano', quantity: 1 }] },
    reason: '고객 변심',
  });
  await h.ok('refund:create', { orderId: yesterday.orderId, request: { kind: 'full' }, reason: '주문 실수' });
  await h.ok('refund:create', {
    orderId: cash.orderId,
    request: { kind: 'amount', amount: 1_000 },
    reason: '고객 변심',
  });
  await at('2026-12-03T18:00:00+09:00');
  return { h, own, at, now: time.now, orders: { yesterday, coupon: couponAfter, manual, cash, tumbler } };
}

function line(figures: DayFigures, method: string) {
  return figures.byMethod.find((l) => l.method === method);
}

describe('a business day in figures', () => {
  it('counts the day’s real sales with their coupons and manual discounts, cash beside card, and the refunds made that day of any day’s sales; training is left out', async () => {
    const { h, orders } = await dayAtTheCafe();
    const couponRefund = orders.coupon.refunds[0]?.amount ?? 0;
    expect(couponRefund).toBeGreaterThan(0);
    const { figures, close, closable, currentDay } = await h.ok('day:view', { day: '2026-12-03' });
    expect({ close, closable, currentDay }).toEqual({ close: null, closable: null, currentDay: '2026-12-03' });
    expect(figures).toMatchObject({
      day: '2026-12-03',
      orders: 4,
      gross: 15_500 + 10_000 + 3_900 + 25_000,
      couponDiscounts: 1_000,
      manualDiscounts: 500,
      sales: 14_500 + 9_500 + 3_900 + 25_000,
      refunds: { count: 4, amount: 5_000 + couponRefund + 4_500 + 1_000 },
      net: 52_900 - (10_500 + couponRefund),
      // The training sale is in the training books: the live day never sees it.
      trainingOrders: 0,
      unsettled: { payments: 0, refunds: 0 },
    });
    expect(line(figures, '카드')).toEqual({
      method: '카드',
      orders: 3,
      sales: 49_000,
      refunds: 9_500 + couponRefund,
      net: 49_000 - 9_500 - couponRefund,
    });
    expect(line(figures, '현금')).toEqual({ method: '현금', orders: 1, sales: 3_900, refunds: 1_000, net: 2_900 });
    expect(figures.byCardCompany).toEqual([
      { issuerCode: '4V', orders: 3, sales: 49_000, refunds: 9_500 + couponRefund, net: 49_000 - 9_500 - couponRefund },
    ]);
    expect(figures.byHour.filter((hour) => hour.orders > 0)).toEqual([
      { hour: 9, orders: 3, sales: 27_900 },
      { hour: 13, orders: 1, sales: 25_000 },
    ]);
    expect(figures.topProducts[0]).toEqual({
      productId: 'tumbler',
      name: '텀블러',
      quantity: 1,
      amount: 25_000,
      options: [],
    });
    expect(figures.topProducts.find((p) => p.productId === 'americano')?.quantity).toBe(2);

    // Yesterday keeps its sale; its refund is today's.
    const yesterday = (await h.ok('day:view', { day: '2026-12-02' })).figures;
    expect(yesterday).toMatchObject({ orders: 1, sales: 4_500, refunds: { count: 0, amount: 0 }, net: 4_500 });
  });

  it('exports the day as CSV with a BOM: the totals, each method, card company, hour and product, one row each', async () => {
    const { h } = await dayAtTheCafe();
    const { fileName, csv } = await h.ok('day:export', { day: '2026-12-03' });
    expect(fileName).toBe('day-close-2026-12-03.csv');
    expect(csv.startsWith('\uFEFFsection,item,orders,quantity,amount,refunds,net,options\r\n')).toBe(true);
    const rows = csv.slice(1).trimEnd().split('\r\n');
    expect(rows).toContain('total,sales,4,,52900,,,');
    expect(rows).toContain('total,coupon_discounts,,,1000,,,');
    expect(rows).toContain('total,manual_discounts,,,500,,,');
    expect(rows).toContain('method,현금,1,,3900,1000,2900,');
    expect(rows.filter((r) => r.startsWith('card_company,'))).toEqual([
      expect.stringMatching(/^card_company,비자 \(4V\),3,,49000,\d+,\d+,$/),
    ]);
    expect(rows).toContain('hour,13,1,,25000,,,');
    expect(rows).toContain('product,텀블러,,1,25000,,,');
    // A plain americano is the usual one: the CSV says what its units were sold with.
    expect(rows).toContainEqual(expect.stringMatching(/^product,아메리카노,,2,\d+,,,HOT ×2 · 레귤러 ×2$/));
    expect(rows.filter((r) => r.startsWith('hour,'))).toHaveLength(24);
  });
});

describe('a day of drinks with options', () => {
  it('counts a latte as a latte whatever its options, and says beside it what its cups were sold with, group by group', async () => {
    const time = clock('2026-12-03T10:00:00+09:00');
    const h = await withLiveCore(await startOwnSimulator({ now: time.now }), { now: time.now });
    const hot = [
      { optionId: 'hot', count: 1 },
      { optionId: 'size-r', count: 1 },
    ];
    const icedLarge = [
      { optionId: 'ice', count: 1 },
      { optionId: 'size-l', count: 1 },
      { optionId: 'shot', count: 2 },
    ];
    await paid(h, [{ productId: 'cafe-latte', quantity: 1, options: icedLarge, memo: '얼음 적게' }]);
    await paid(h, [{ productId: 'cafe-latte', quantity: 2, options: hot, memo: null }]);
    await asManager(h);
    const { figures } = await h.ok('day:view', { day: '2026-12-03' });
    expect(figures.topProducts).toEqual([
      {
        productId: 'cafe-latte',
        name: '카페라테',
        quantity: 3,
        amount: 6_500 + 10_000,
        options: [
          { name: 'HOT', count: 2 },
          { name: 'ICE', count: 1 },
          { name: '레귤러', count: 2 },
          { name: '라지', count: 1 },
          { name: '샷 추가', count: 2 },
        ],
      },
    ]);
    const { csv } = await h.ok('day:export', { day: '2026-12-03' });
    expect(csv.split('\r\n')).toContain(
      'product,카페라테,,3,16500,,,HOT ×2 · ICE ×1 · 레귤러 ×2 · 라지 ×1 · 샷 추가 ×2',
    );
  });
});

describe('reconciling the day with Toss', () => {
  it('a day whose books and Toss agree has no mismatch; cash sales and cash refunds are not looked for at Toss', async () => {
    const { h } = await dayAtTheCafe();
    const checked = await h.ok('day:match', { day: '2026-12-03' });
    // Approvals: coupon, manual, tumbler; cancels: tumbler's, the coupon sale's line, yesterday's.
    expect(checked).toMatchObject({
      status: 'checked',
      transactions: 6,
      tossApproved: 14_500 + 9_500 + 25_000,
      mismatches: [],
    });
  });

  it('finds each kind of difference and changes nothing: an orphan charge, a paid order Toss does not know, amounts that differ, a refund Toss made alone', async () => {
    const { h, own, orders } = await dayAtTheCafe();
    // A charge made at Toss with no order here (someone used the shop's key elsewhere).
    const orphanKey = await payWindow(
      own.sim,
      own.clientKey,
      { orderId: 'ELSEWHERE-0001', orderName: '외부 결제', amount: 7_700 },
      CARD.approves,
    );
    await own.toss.confirm({ paymentKey: orphanKey, orderId: 'ELSEWHERE-0001', amount: 7_700 }, 'orphan-1');
    // A refund Toss made behind the POS's back.
    await own.toss.cancel(
      orders.tumbler.payment?.paymentKey ?? '',
      { cancelReason: 'elsewhere', cancelAmount: 1_000 },
      'outside-1',
    );
    // The books drift: a card sale Toss never saw, a sale's amount and a refund's amount that differ from Toss's.
    const card = orders.manual.payment;
    if (card === null) throw new Error('the manual-discount sale was paid by card');
    const ghost = await h.ok('sale:create', { lines: [{ productId: 'scone', quantity: 1 }] });
    await h.core.orders('live').update(ghost.orderId, (o) => {
      o.status = 'PAID';
      o.payment = { ...card, paymentKey: 'not-at-toss-0001', totalAmount: o.amount };
    });
    await h.core.orders('live').update(orders.coupon.orderId, (o) => {
      o.amount += 100;
      const refund = o.refunds[0];
      if (refund) refund.amount += 10;
    });
    const before = await h.ok('history:order', { orderId: orders.coupon.orderId });

    const checked = await h.ok('day:match', { day: '2026-12-03' });
    if (checked.status !== 'checked') throw new Error(`not checked: ${JSON.stringify(checked)}`);
    const kinds = (m: Mismatch) => `${m.kind}${'what' in m ? `/${m.what}` : ''}`;
    expect(checked.mismatches.map(kinds).sort()).toEqual([
      'amount-differs/payment',
      'amount-differs/refund',
      'orphan-charge',
      'orphan-refund',
      'unknown-to-toss/payment',
    ]);
    expect(checked.mismatches).toContainEqual(
      expect.objectContaining({
        kind: 'orphan-charge',
        orderId: 'ELSEWHERE-0001',
        orderKnown: false,
        amount: 7_700,
        paymentKey: orphanKey,
      }),
    );
    expect(checked.mismatches).toContainEqual(
      expect.objectContaining({ kind: 'unknown-to-toss', orderId: ghost.orderId, amount: 3_300 }),
    );
    expect(checked.mismatches).toContainEqual(
      expect.objectContaining({
        kind: 'amount-differs',
        what: 'payment',
        orderId: orders.coupon.orderId,
        ours: 14_600,
        toss: 14_500,
      }),
    );
    expect(checked.mismatches).toContainEqual(
      expect.objectContaining({ kind: 'orphan-refund', orderId: orders.tumbler.orderId, amount: 1_000 }),
    );
    expect(await h.ok('history:order', { orderId: orders.coupon.orderId })).toEqual(before);
  });

  it('in training there is no real Toss to ask: the check says so instead of listing every training payment', async () => {
    const h = await withCore();
    await asManager(h);
    await paid(h, [{ productId: 'americano', quantity: 1 }]);
    const today = (await h.ok('day:view', { day: '2026-12-01' })).currentDay;
    expect(await h.ok('day:match', { day: today })).toMatchObject({ status: 'unavailable', reason: 'training' });
    expect((await h.fail('day:close', { day: today })).code).toBe('DAY_CLOSE_IN_TRAINING');
  });
});

describe('closing the day (Z)', () => {
  it('freezes the figures, keeps them across a restart, and puts later sales and refunds in the next business day', async () => {
    const { h, own, at, now, orders } = await dayAtTheCafe();
    await at('2026-12-03T21:00:00+09:00');
    // A cart left waiting for payment at the close is given up.
    const waiting = await h.ok('sale:create', { lines: [{ productId: 'scone', quantity: 1 }] });
    const z = await h.ok('day:close', { day: '2026-12-03' });
    expect(z).toMatchObject({
      kind: 'Z',
      day: '2026-12-03',
      at: '2026-12-03T21:00:00+09:00',
      by: '김토스',
      reconciliation: { status: 'checked', mismatches: [] },
    });
    expect((await h.ok('history:order', { orderId: waiting.orderId })).status).toBe('ABANDONED');
    expect((await h.fail('day:close', { day: '2026-12-03' })).code).toBe('DAY_ALREADY_CLOSED');

    await at('2026-12-03T21:30:00+09:00');
    const late = await paid(h, [{ productId: 'mug', quantity: 1 }]);
    expect(late.businessDay).toBe('2026-12-04');
    expect(late.createdAt).toBe('2026-12-03T21:30:00+09:00');
    await h.ok('refund:create', {
      orderId: orders.tumbler.orderId,
      request: { kind: 'amount', amount: 2_000 },
      reason: '고객 변심',
    });

    const closed = await h.ok('day:view', { day: '2026-12-03' });
    expect(closed.close?.figures).toEqual(z.figures);
    expect(closed.figures).toEqual(z.figures);
    expect(closed).toMatchObject({ closable: 'closed', currentDay: '2026-12-04' });
    const next = (await h.ok('day:view', { day: '2026-12-04' })).figures;
    expect(next).toMatchObject({
      orders: 1,
      sales: 12_000,
      refunds: { count: 1, amount: 2_000 },
      net: 10_000,
      window: { from: '2026-12-03T21:00:00+09:00', until: '2026-12-05T00:00:00+09:00' },
    });
    // The late sale is found by id, listed under its business day, and reconciles with Toss there.
    expect((await h.ok('history:order', { orderId: late.orderId })).businessDay).toBe('2026-12-04');
    const listed = await h.ok('history:list', { filter: { from: '2026-12-04', to: '2026-12-04' }, limit: 10 });
    expect(listed.rows.map((r) => r.orderId)).toEqual([late.orderId]);
    expect(await h.ok('day:match', { day: '2026-12-04' })).toMatchObject({ status: 'checked', mismatches: [] });
    expect((await h.ok('day:match', { day: '2026-12-03' })).status).toBe('checked');
    expect(await h.ok('day:closes', {})).toEqual([
      { day: '2026-12-03', closedAt: z.at, by: '김토스', net: z.figures.net, mismatches: 0 },
    ]);

    await h.close();
    const again = await withLiveCore(own, { dataDir: h.dataDir, now });
    await asManager(again);
    expect((await again.ok('day:view', { day: '2026-12-03' })).close).toEqual(z);
    const after = await again.ok('sale:create', { lines: [{ productId: 'scone', quantity: 1 }] });
    expect(after.orderId.startsWith('20261204-')).toBe(true);
  });

  it('a day that has not begun cannot be closed, nor can an X report be made of a closed one', async () => {
    const { h } = await dayAtTheCafe();
    expect((await h.fail('day:close', { day: '2026-12-04' })).code).toBe('DAY_NOT_STARTED');
    expect((await h.ok('day:x-report', { day: '2026-12-03' })).kind).toBe('X');
    expect(await h.ok('day:closes', {})).toEqual([]);
    await h.ok('day:close', { day: '2026-12-03' });
    expect((await h.fail('day:x-report', { day: '2026-12-03' })).code).toBe('DAY_ALREADY_CLOSED');
  });
});

describe('the business day rule', () => {
  it('is the Seoul date, or the next day once that date is closed; a close before midnight starts the next day early', () => {
    expect(businessDayAt(new Date('2026-12-03T14:59:59Z'), null)).toBe('2026-12-03');
    expect(businessDayAt(new Date('2026-12-03T15:00:00Z'), null)).toBe('2026-12-04');
    expect(businessDayAt(new Date('2026-12-03T12:00:00Z'), '2026-12-03T21:00:00+09:00')).toBe('2026-12-04');
    expect(businessDayAt(new Date('2026-12-03T11:59:59Z'), '2026-12-03T21:00:00+09:00')).toBe('2026-12-03');
    expect(dayWindow('2026-12-04', null, '2026-12-03T21:00:00+09:00')).toEqual({
      from: '2026-12-03T21:00:00+09:00',
      until: '2026-12-05T00:00:00+09:00',
    });
    // A day closed after midnight: what came after midnight was already the next day's.
    expect(dayWindow('2026-12-03', '2026-12-04T01:00:00+09:00', null)).toEqual({
      from: '2026-12-03T00:00:00+09:00',
      until: '2026-12-04T00:00:00+09:00',
    });
  });
});

describe('GET /v1/transactions in the simulator', () => {
  it('lists each approval and cancel of the range oldest first, in pages through startingAfter, and refuses a limit over 5000', async () => {
    const time = clock('2026-12-03T10:00:00+09:00');
    const own = await startOwnSimulator({ now: time.now });
    const keys: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      time.set(`2026-12-03T10:0${i}:00+09:00`);
      const paymentKey = await payWindow(
        own.sim,
        own.clientKey,
        { orderId: `ORDER-000${i}`, orderName: 'x', amount: 1_000 * (i + 1) },
        CARD.approves,
      );
      await own.toss.confirm({ paymentKey, orderId: `ORDER-000${i}`, amount: 1_000 * (i + 1) }, `confirm-${i}`);
      keys.push(paymentKey);
    }
    time.set('2026-12-03T11:00:00+09:00');
    await own.toss.cancel(keys[0] ?? '', { cancelReason: 'x', cancelAmount: 400 }, 'cancel-1');
    await own.toss.cancel(keys[0] ?? '', { cancelReason: 'x' }, 'cancel-2');
    time.set('2026-12-04T09:00:00+09:00');
    await own.toss.cancel(keys[1] ?? '', { cancelReason: 'x' }, 'cancel-3');

    const range = { startDate: '2026-12-03T00:00:00+09:00', endDate: '2026-12-03T23:59:59+09:00' };
    const all = await own.toss.listTransactions(range, 2);
    expect(all.map((t) => [t.orderId, t.status, t.amount])).toEqual([
      ['ORDER-0000', 'DONE', 1_000],
      ['ORDER-0001', 'DONE', 2_000],
      ['ORDER-0002', 'DONE', 3_000],
      ['ORDER-0003', 'DONE', 4_000],
      ['ORDER-0004', 'DONE', 5_000],
      ['ORDER-0000', 'PARTIAL_CANCELED', 400],
      ['ORDER-0000', 'CANCELED', 600],
    ]);
    expect(new Set(all.map((t) => t.transactionKey)).size).toBe(7);
    expect(all[0]).toMatchObject({
      paymentKey: keys[0],
      method: '카드',
      transactionAt: '2026-12-03T10:00:00+09:00',
      receiptUrl: expect.stringContaining(keys[0] ?? ''),
    });
    // Four pages of two: the last is short, and nothing repeats.
    expect(own.sim.requests().filter((r) => r.path === '/v1/transactions')).toHaveLength(4);

    const raw = async (query: string) => {
      const response = await fetch(`${own.sim.apiBase}/v1/transactions?${query}`, {
        headers: { Authorization: `Basic ${Buffer.from(`${own.secretKey}:`).toString('base64')}` },
      });
      return { status: response.status, body: (await response.json()) as unknown };
    };
    const page = await raw(
      `startDate=${encodeURIComponent(range.startDate)}&endDate=${encodeURIComponent(range.endDate)}&limit=3&startingAfter=${all[2]?.transactionKey ?? ''}`,
    );
    expect((page.body as Array<{ orderId: string }>).map((t) => t.orderId)).toEqual([
      'ORDER-0003',
      'ORDER-0004',
      'ORDER-0000',
    ]);
    expect(
      (
        await raw(
          `startDate=${encodeURIComponent(range.startDate)}&endDate=${encodeURIComponent(range.endDate)}&limit=5001`,
        )
      ).status,
    ).toBe(400);
    expect((await raw('endDate=2026-12-03T23:59:59%2B09:00')).status).toBe(400);
    const wrongKey = new TossClient({ endpoint: () => ({ apiBase: own.sim.apiBase, secretKey: 'test_sk_wrong' }) });
    await expect(wrongKey.listTransactions(range)).rejects.toMatchObject({ status: 401 });
  });
});
