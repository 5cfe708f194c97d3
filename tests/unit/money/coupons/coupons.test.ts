import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCharacter, formatCode } from '../../../../shared/domain/coupon-code';
import type { Order } from '../../../../shared/domain/order';
import { emptyDraft } from '../../../../shared/domain/register';
import { asManager, couponRow, issueCoupons, WHOLE_ORDER } from '../../helpers/coupons';
import { faultyIo } from '../../helpers/faulty-io';
import { closedPortUrl, startOwnSimulator, withCore, withLiveCore, type PosHarness } from '../../helpers/pos';
import { apiRequests, CARD, payWindow } from '../../helpers/toss-window';

const AMERICANO = [{ productId: 'americano', quantity: 1 }];
const TWO_AMERICANOS = [{ productId: 'americano', quantity: 2 }];

/** A clock the test sets: all of main's "now" comes from it. */
function clock(iso: string) {
  let at = Date.parse(iso);
  return {
    now: () => new Date(at),
    set: (next: string) => void (at = Date.parse(next)),
    advance: (ms: number) => void (at += ms),
  };
}

async function pay(
  h: PosHarness,
  order: { orderId: string; orderName: string; amount: number },
  card: string = CARD.approves,
): Promise<Order> {
  const paymentKey = await payWindow(h.sim, h.clientKey, order, card);
  return h.ok('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
}

describe('a coupon’s validity window, in Asia/Seoul, at its boundaries', () => {
  it('is refused one second before validFrom (saying from when), taken at validFrom and one second before validUntil, refused at validUntil (saying since when)', async () => {
    const time = clock('2026-12-04T23:59:59+09:00');
    const h = await withCore({ now: time.now });
    // Dates are Seoul days: from 12-05 00:00 until the end of 12-06.
    const [code = ''] = await issueCoupons(h, {}, { validFrom: '2026-12-05', validUntil: '2026-12-06' });
    const quote = (couponCode: string) => h.call('sale:quote', { lines: AMERICANO, couponCode });

    expect(await quote(code)).toMatchObject({
      ok: false,
      error: { code: 'COUPON_NOT_YET_VALID', details: { validFrom: '2026-12-05T00:00:00+09:00' } },
    });
    time.set('2026-12-05T00:00:00+09:00');
    expect(await quote(code)).toMatchObject({ ok: true, data: { amount: 3_500 } });
    time.set('2026-12-06T23:59:59+09:00');
    expect(await quote(code)).toMatchObject({ ok: true, data: { amount: 3_500 } });
    time.set('2026-12-07T00:00:00+09:00');
    expect(await quote(code)).toMatchObject({
      ok: false,
      error: { code: 'COUPON_EXPIRED', details: { validUntil: '2026-12-07T00:00:00+09:00' } },
    });
    time.set('2026-12-07T00:00:01+09:00');
    expect(await quote(code)).toMatchObject({ ok: false, error: { code: 'COUPON_EXPIRED' } });
  });

  it('takes a date and time as Seoul wall-clock, the end exclusive', async () => {
    const time = clock('2026-12-05T13:59:59+09:00');
    const h = await withCore({ now: time.now });
    const [code = ''] = await issueCoupons(h, {}, { validFrom: '2026-12-05T14:00', validUntil: '2026-12-05T15:30' });
    expect((await h.fail('sale:quote', { lines: AMERICANO, couponCode: code })).code).toBe('COUPON_NOT_YET_VALID');
    time.set('2026-12-05T05:00:00Z');
    expect((await h.ok('sale:quote', { lines: AMERICANO, couponCode: code })).amount).toBe(3_500);
    time.set('2026-12-05T06:29:59Z');
    expect((await h.ok('sale:quote', { lines: AMERICANO, couponCode: code })).amount).toBe(3_500);
    time.set('2026-12-05T06:30:00Z');
    expect((await h.fail('sale:quote', { lines: AMERICANO, couponCode: code })).code).toBe('COUPON_EXPIRED');
  });

  it('refuses a window that ends first, is over already, or names a day that does not exist, and issues nothing', async () => {
    const h = await withCore({ now: () => new Date('2026-12-05T12:00:00+09:00') });
    await asManager(h);
    const definition = await h.ok('coupons:define', {
      name: '테스트',
      benefit: { type: 'fixed', amount: 500 },
      minOrderAmount: 0,
      scope: WHOLE_ORDER,
    });
    const issue = (validFrom: string, validUntil: string) =>
      h.fail('coupons:issue', { definitionId: definition.id, count: 5, validFrom, validUntil });
    expect(await issue('2026-12-10', '2026-12-09')).toMatchObject({
      code: 'COUPON_WINDOW_INVALID',
      details: { reason: 'ends-first' },
    });
    expect(await issue('2026-12-01', '2026-12-04')).toMatchObject({
      code: 'COUPON_WINDOW_INVALID',
      details: { reason: 'over' },
    });
    expect(await issue('2026-02-30', '2026-12-31')).toMatchObject({
      code: 'COUPON_WINDOW_INVALID',
      details: { reason: 'not-a-date' },
    });
    expect(
      (
        await h.fail('coupons:issue', {
          definitionId: definition.id,
          count: 10_001,
          validFrom: '2026-12-05',
          validUntil: '2026-12-31',
        })
      ).code,
    ).toBe('INVALID_INPUT');
    expect(
      (
        await h.fail('coupons:issue', {
          definitionId: definition.id,
          count: 0,
          validFrom: '2026-12-05',
          validUntil: '2026-12-31',
        })
      ).code,
    ).toBe('INVALID_INPUT');
    expect((await h.ok('coupons:list', { offset: 0, limit: 10 })).total).toBe(0);
  });
});

describe('the rules a coupon must pass at the register', () => {
  it('tells a mistyped code (check character) from an unknown one, and reads codes ignoring case, spaces and dashes', async () => {
    const h = await withCore();
    const [code = ''] = await issueCoupons(h);
    const typed = ` ${formatCode(code).toLowerCase()} `;
    expect((await h.ok('sale:quote', { lines: AMERICANO, couponCode: typed })).amount).toBe(3_500);

    const last = code.at(-1) === '2' ? '3' : '2';
    expect((await h.fail('sale:quote', { lines: AMERICANO, couponCode: code.slice(0, -1) + last })).code).toBe(
      'COUPON_MISTYPED',
    );
    expect((await h.fail('sale:quote', { lines: AMERICANO, couponCode: code.slice(0, -1) })).code).toBe(
      'COUPON_MISTYPED',
    );
    // A well-formed code (right check character) that was never issued.
    const neverIssued = `AAAAAAAAAAA${checkCharacter('AAAAAAAAAAA')}`;
    expect((await h.fail('sale:quote', { lines: AMERICANO, couponCode: neverIssued })).code).toBe('COUPON_UNKNOWN');
    expect((await h.fail('sale:quote', { lines: AMERICANO, couponCode: 'O0I1-AAAA-AAAA' })).code).toBe(
      'COUPON_MISTYPED',
    );
  });

  it('says how many won more are needed below the minimum, and takes it at exactly the minimum', async () => {
    const h = await withCore();
    const [code = ''] = await issueCoupons(h, { minOrderAmount: 9_000 });
    expect(await h.fail('sale:quote', { lines: AMERICANO, couponCode: code })).toMatchObject({
      code: 'COUPON_BELOW_MINIMUM',
      details: { minimum: 9_000, shortBy: 4_500 },
    });
    expect((await h.ok('sale:quote', { lines: TWO_AMERICANOS, couponCode: code })).amount).toBe(8_000);
  });

  it('applies to its scope only, and is refused when nothing in the cart is in it', async () => {
    const h = await withCore();
    const [bakery = ''] = await issueCoupons(h, {
      benefit: { type: 'percent', percent: 50, maxDiscount: 100_000 },
      scope: { categoryIds: ['bakery'], productIds: [] },
    });
    expect((await h.fail('sale:quote', { lines: AMERICANO, couponCode: bakery })).code).toBe('COUPON_NOT_APPLICABLE');
    const quote = await h.ok('sale:quote', {
      lines: [...AMERICANO, { productId: 'croissant', quantity: 1 }],
      couponCode: bakery,
    });
    // Half of the croissant (3,900 → 1,950 off); the americano keeps its price.
    expect(quote.lines.map((line) => [line.productId, line.discount])).toEqual([
      ['americano', 0],
      ['croissant', 1_950],
    ]);
    expect(quote.amount).toBe(4_500 + 1_950);

    const [latteOnly = ''] = await issueCoupons(h, {
      benefit: { type: 'fixed', amount: 10_000 },
      scope: { categoryIds: [], productIds: ['cafe-latte'] },
    });
    const latte = await h.ok('sale:quote', {
      lines: [...AMERICANO, { productId: 'cafe-latte', quantity: 1 }],
      couponCode: latteOnly,
    });
    // A fixed coupon never takes more than the lines it covers are worth.
    expect(latte.discounts[0]?.amount).toBe(5_000);
    expect(latte.amount).toBe(4_500);
  });

  it('floors a percent to whole won and stops at its cap; VAT is split from the discounted total', async () => {
    const h = await withCore();
    const [tenPercent = ''] = await issueCoupons(h, { benefit: { type: 'percent', percent: 15, maxDiscount: 1_000 } });
    // 15% of 4,500 is 675 exactly; of 3,900 is 585; of 8,400 is 1,260, capped at 1,000.
    expect((await h.ok('sale:quote', { lines: AMERICANO, couponCode: tenPercent })).discounts[0]?.amount).toBe(675);
    const capped = await h.ok('sale:quote', {
      lines: [...AMERICANO, { productId: 'croissant', quantity: 1 }],
      couponCode: tenPercent,
    });
    expect(capped.discounts[0]?.amount).toBe(1_000);
    expect(capped.amount).toBe(7_400);
    expect(capped.vatAmount).toBe(Math.round(7_400 / 11));
    expect(capped.supplyAmount + capped.vatAmount).toBe(7_400);

    const [odd = ''] = await issueCoupons(h, { benefit: { type: 'percent', percent: 7, maxDiscount: 100_000 } });
    // 7% of 3,900 = 273; of 4,500 = 315: floors, never rounds up.
    expect(
      (await h.ok('sale:quote', { lines: [{ productId: 'croissant', quantity: 1 }], couponCode: odd })).discounts[0]
        ?.amount,
    ).toBe(273);
  });

  it('shares the discount over the lines in whole won and stores the shares on the order', async () => {
    const h = await withCore();
    const [code = ''] = await issueCoupons(h, { benefit: { type: 'fixed', amount: 1_000 } });
    const lines = [
      { productId: 'americano', quantity: 1 },
      { productId: 'croissant', quantity: 1 },
      { productId: 'cafe-latte', quantity: 1 },
    ];
    const created = await h.ok('sale:create', { lines, couponCode: code });
    const order = await h.ok('sale:get', { orderId: created.orderId });
    const shares = order.lines.map((line) => line.discount);
    // 4,500 : 3,900 : 5,000 of 13,400 → 335.8, 291.0, 373.1 → 336, 291, 373.
    expect(shares).toEqual([336, 291, 373]);
    expect(order.discounts).toEqual([
      expect.objectContaining({
        source: 'coupon',
        code,
        amount: 1_000,
        shares: [
          { lineKey: expect.stringMatching(/^americano~[0-9a-f]{8}$/), amount: 336 },
          { lineKey: 'croissant', amount: 291 },
          { lineKey: expect.stringMatching(/^cafe-latte~[0-9a-f]{8}$/), amount: 373 },
        ],
      }),
    ]);
    expect(order.amount).toBe(12_400);
  });
});

describe('one coupon, one order: reserve, consume, release', () => {
  it('approved: the coupon is used by that order (isUsed, not valid, usedAt, the order) and the next sale is refused saying when and which order', async () => {
    const h = await withCore();
    const [code = ''] = await issueCoupons(h);
    const order = await h.ok('sale:create', { lines: AMERICANO, couponCode: code });
    expect(order.amount).toBe(3_500);
    expect(await couponRow(h, code)).toMatchObject({ state: 'reserved', reservedBy: order.orderId, isUsed: false });

    const paid = await pay(h, order);
    expect(paid).toMatchObject({ status: 'PAID', amount: 3_500, payment: { totalAmount: 3_500 } });
    const used = await couponRow(h, code);
    expect(used).toMatchObject({
      state: 'used',
      isUsed: true,
      isValid: false,
      orderId: order.orderId,
      reservedBy: null,
    });
    expect(used.usedAt).not.toBeNull();

    expect(await h.fail('sale:create', { lines: AMERICANO, couponCode: code })).toMatchObject({
      code: 'COUPON_USED',
      details: { orderId: order.orderId, usedAt: used.usedAt },
    });
  });

  it('declined: the order is given up and the coupon is free for the next try', async () => {
    const h = await withCore();
    const [code = ''] = await issueCoupons(h);
    const order = await h.ok('sale:create', { lines: AMERICANO, couponCode: code });
    const paymentKey = await payWindow(h.sim, h.clientKey, order, CARD.rejectedAtConfirm);
    expect((await h.fail('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount })).code).toBe(
      'PAYMENT_DECLINED',
    );
    expect((await h.ok('sale:get', { orderId: order.orderId })).status).toBe('ABANDONED');
    expect((await couponRow(h, code)).state).toBe('available');
    // The given-up order cannot be paid any more; a new order takes the coupon.
    const late = await payWindow(h.sim, h.clientKey, order, CARD.approves);
    expect(
      (await h.fail('payment:confirm', { orderId: order.orderId, paymentKey: late, amount: order.amount })).code,
    ).toBe('ORDER_ABANDONED');
    const again = await h.ok('sale:create', { lines: AMERICANO, couponCode: code });
    expect((await pay(h, again)).status).toBe('PAID');
    expect(await couponRow(h, code)).toMatchObject({ state: 'used', orderId: again.orderId });
  });

  it('abandoned by the register (the cart changed): released at once', async () => {
    const h = await withCore();
    const [code = ''] = await issueCoupons(h);
    const order = await h.ok('sale:create', { lines: AMERICANO, couponCode: code });
    expect((await h.fail('sale:create', { lines: TWO_AMERICANOS, couponCode: code })).code).toBe('COUPON_RESERVED');
    expect((await h.ok('sale:abandon', { orderId: order.orderId }))?.status).toBe('ABANDONED');
    expect((await couponRow(h, code)).state).toBe('available');
    expect((await h.ok('sale:create', { lines: TWO_AMERICANOS, couponCode: code })).amount).toBe(8_000);
  });

  it('a quote for the register’s own open order is not refused by that order’s hold', async () => {
    const h = await withCore();
    const [code = ''] = await issueCoupons(h);
    const order = await h.ok('sale:create', { lines: AMERICANO, couponCode: code });
    expect((await h.fail('sale:quote', { lines: AMERICANO, couponCode: code })).code).toBe('COUPON_RESERVED');
    expect((await h.ok('sale:quote', { lines: AMERICANO, couponCode: code, heldBy: order.orderId })).amount).toBe(
      3_500,
    );
  });

  it('expired: an open order past its 30-minute payment window is given up by the background reconciliation', async () => {
    const time = clock('2026-12-05T12:00:00+09:00');
    const h = await withCore({ now: time.now });
    const [code = ''] = await issueCoupons(h);
    const order = await h.ok('sale:create', { lines: AMERICANO, couponCode: code });
    time.advance(29 * 60 * 1000);
    await h.core.settleNow();
    expect((await couponRow(h, code)).state).toBe('reserved');
    time.advance(60 * 1000);
    await h.core.settleNow();
    expect((await h.ok('sale:get', { orderId: order.orderId })).status).toBe('ABANDONED');
    expect((await couponRow(h, code)).state).toBe('available');
  });

  it('50 registers racing for one code: one order gets it, 49 are told it is already in use, and the book agrees', async () => {
    const h = await withCore();
    const [code = ''] = await issueCoupons(h);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => h.call('sale:create', { lines: AMERICANO, couponCode: code })),
    );
    const won = results.filter((r) => r.ok);
    const refused = results.filter((r) => !r.ok);
    expect(won).toHaveLength(1);
    expect(refused).toHaveLength(49);
    for (const r of refused) expect(r).toMatchObject({ ok: false, error: { code: 'COUPON_RESERVED' } });
    const winner = won[0];
    if (!winner?.ok) throw new Error('no winner');
    expect((await couponRow(h, code)).reservedBy).toBe(winner.data.orderId);
    const holders = await h.core.orders(h.core.mode()).recent(1, (digest) => digest.couponCodes.includes(code));
    expect(holders.map((o) => o.orderId)).toEqual([winner.data.orderId]);
  });

  it('a 100% coupon: 0 won, paid without a payment window and nothing sent to Toss', async () => {
    const h = await withCore();
    const [code = ''] = await issueCoupons(h, {
      name: '무료 음료',
      benefit: { type: 'percent', percent: 100, maxDiscount: 10_000 },
    });
    const order = await h.ok('sale:create', { lines: AMERICANO, couponCode: code });
    expect(order.amount).toBe(0);
    const before = apiRequests(h.sim).length;
    const paid = await h.ok('payment:complete-free', { orderId: order.orderId });
    expect(paid).toMatchObject({
      status: 'PAID',
      amount: 0,
      payment: null,
      callNumber: 1,
      vatAmount: 0,
      supplyAmount: 0,
    });
    expect(apiRequests(h.sim)).toHaveLength(before);
    expect(await couponRow(h, code)).toMatchObject({ state: 'used', orderId: order.orderId });
    // Only a 0-won order is paid this way.
    const full = await h.ok('sale:create', { lines: AMERICANO });
    expect((await h.fail('payment:complete-free', { orderId: full.orderId })).code).toBe('AMOUNT_MISMATCH');
  });

  it('refuses a discount that would leave less than a card can pay (1–99 won)', async () => {
    const h = await withCore();
    const [code = ''] = await issueCoupons(h, { benefit: { type: 'fixed', amount: 4_450 } });
    expect(await h.fail('sale:quote', { lines: AMERICANO, couponCode: code })).toMatchObject({
      code: 'BELOW_CARD_MINIMUM',
      details: { amount: 50 },
    });
    expect((await couponRow(h, code)).state).toBe('available');
  });
});

describe('a crash between any two steps leaves the coupon free, or used by a paid order', () => {
  it('the order stored, then the app dies: the next start reads the hold back from the open order before the register can sell', async () => {
    const h = await withCore();
    const [code = ''] = await issueCoupons(h);
    const order = await h.ok('sale:create', { lines: AMERICANO, couponCode: code });
    await h.close();

    const restarted = await withCore({ dataDir: h.dataDir });
    // No waiting for the background reconciliation: the hold is back as soon as the core answers.
    expect((await restarted.fail('sale:create', { lines: AMERICANO, couponCode: code })).code).toBe('COUPON_RESERVED');
    expect(await couponRow(restarted, code)).toMatchObject({ state: 'reserved', reservedBy: order.orderId });
  });

  it('paid, the use not recorded: the next start marks it used by the paid order', async () => {
    const failing = { on: false };
    const disk = faultyIo((path) => failing.on && path.endsWith('issued.jsonl'));
    const h = await withCore({ io: disk.io });
    const [code = ''] = await issueCoupons(h);
    const order = await h.ok('sale:create', { lines: AMERICANO, couponCode: code });
    failing.on = true;
    expect((await pay(h, order)).status).toBe('PAID');
    expect(disk.failures()).toBeGreaterThan(0);
    expect((await couponRow(h, code)).state).toBe('reserved');
    await h.close();

    const restarted = await withCore({ dataDir: h.dataDir });
    await restarted.core.settled;
    expect(await couponRow(restarted, code)).toMatchObject({ state: 'used', orderId: order.orderId });
  });

  it('declined and given up, then the app dies: the next start has the coupon free', async () => {
    const h = await withCore();
    const [code = ''] = await issueCoupons(h);
    const order = await h.ok('sale:create', { lines: AMERICANO, couponCode: code });
    const paymentKey = await payWindow(h.sim, h.clientKey, order, CARD.rejectedAtConfirm);
    expect((await h.fail('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount })).code).toBe(
      'PAYMENT_DECLINED',
    );
    await h.close();

    const restarted = await withCore({ dataDir: h.dataDir });
    expect((await couponRow(restarted, code)).state).toBe('available');
    expect((await restarted.ok('sale:create', { lines: AMERICANO, couponCode: code })).amount).toBe(3_500);
  });

  it('the order cannot be stored (a full disk): the sale is refused and the coupon stays free', async () => {
    const failing = { on: false };
    const disk = faultyIo((path) => failing.on && path.includes('orders'));
    const h = await withCore({ io: disk.io });
    const [code = ''] = await issueCoupons(h);
    failing.on = true;
    expect((await h.fail('sale:create', { lines: AMERICANO, couponCode: code })).code).toBe('STORE_WRITE_REFUSED');
    failing.on = false;
    expect((await couponRow(h, code)).state).toBe('available');
    expect((await h.ok('sale:create', { lines: AMERICANO, couponCode: code })).amount).toBe(3_500);
  });

  it('Toss unreachable mid-confirm, then the app restarts: the hold lasts until the payment is settled, then the coupon is used', async () => {
    const own = await startOwnSimulator();
    const offline = await withLiveCore(own, { apiBase: await closedPortUrl() });
    const [code = ''] = await issueCoupons(offline);
    const order = await offline.ok('sale:create', { lines: AMERICANO, couponCode: code });
    const paymentKey = await payWindow(own.sim, own.clientKey, order, CARD.approves);
    expect(
      (await offline.fail('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount })).code,
    ).toBe('TOSS_UNREACHABLE');
    await offline.close();

    const online = await withLiveCore(own, { dataDir: offline.dataDir });
    expect((await online.fail('sale:create', { lines: AMERICANO, couponCode: code })).code).toBe('COUPON_RESERVED');
    await online.core.settled;
    expect(await online.ok('sale:get', { orderId: order.orderId })).toMatchObject({ status: 'PAID', amount: 3_500 });
    expect(await couponRow(online, code)).toMatchObject({ state: 'used', orderId: order.orderId });
  });

  it('a reservation whose order never reached the disk is released at start', async () => {
    const h = await withCore();
    const [code = ''] = await issueCoupons(h);
    const order = await h.ok('sale:create', { lines: AMERICANO, couponCode: code });
    await h.close();
    // The order's day file is gone: nothing can pay that order.
    await writeFile(
      join(
        h.booksDir,
        'orders',
        `${order.orderId.slice(0, 4)}-${order.orderId.slice(4, 6)}-${order.orderId.slice(6, 8)}.jsonl`,
      ),
      '',
    );
    const restarted = await withCore({ dataDir: h.dataDir });
    await restarted.core.settled;
    expect((await couponRow(restarted, code)).state).toBe('available');
  });
});

describe('voiding and listing coupons', () => {
  it('issues 10,000 codes at once, all different, all available, and they survive a restart', async () => {
    const h = await withCore();
    const codes = await issueCoupons(h, {}, { count: 200 });
    await asManager(h);
    const [definition] = await h.ok('coupons:definitions', {});
    await h.ok('coupons:issue', {
      definitionId: definition?.id ?? '',
      count: 10_000,
      validFrom: '2026-01-01',
      validUntil: '2099-12-31',
    });
    const all = await h.ok('coupons:list', { state: 'available', offset: 0, limit: 1 });
    expect(all.total).toBe(10_200);
    const csv = (await h.ok('coupons:export', {})).csv.trim().split('\r\n').slice(1);
    expect(new Set(csv.map((row) => row.split(',')[0])).size).toBe(10_200);
    await h.close();
    const restarted = await withCore({ dataDir: h.dataDir });
    await asManager(restarted);
    expect((await restarted.ok('coupons:list', { offset: 0, limit: 1 })).total).toBe(10_200);
    expect((await couponRow(restarted, codes[0] ?? '')).state).toBe('available');
  });

  it('voids a free coupon (refused at the register since when), refuses to void a held or used one', async () => {
    const h = await withCore();
    const [free = '', held = '', used = ''] = await issueCoupons(h, {}, { count: 3 });
    expect((await h.ok('coupons:void', { code: formatCode(free).toLowerCase() })).state).toBe('voided');
    expect(await h.fail('sale:quote', { lines: AMERICANO, couponCode: free })).toMatchObject({
      code: 'COUPON_VOIDED',
      details: { voidedAt: expect.any(String) },
    });

    const open = await h.ok('sale:create', { lines: AMERICANO, couponCode: held });
    expect(await h.fail('coupons:void', { code: held })).toMatchObject({
      code: 'COUPON_RESERVED',
      details: { orderId: open.orderId },
    });
    await pay(h, await h.ok('sale:create', { lines: AMERICANO, couponCode: used }));
    expect((await h.fail('coupons:void', { code: used })).code).toBe('COUPON_USED');
  });

  it('filters by state and definition, searches by part of a code, pages, and exports CSV a spreadsheet cannot run', async () => {
    const h = await withCore();
    const codes = await issueCoupons(h, { name: '=HYPERLINK("x")' }, { count: 30 });
    const other = await issueCoupons(h, { name: '가을, "특별"' }, { count: 5 });
    await h.ok('coupons:void', { code: codes[0] ?? '' });

    expect((await h.ok('coupons:list', { offset: 0, limit: 200 })).total).toBe(35);
    expect((await h.ok('coupons:list', { state: 'voided', offset: 0, limit: 200 })).rows.map((r) => r.code)).toEqual([
      codes[0],
    ]);
    const firstPage = await h.ok('coupons:list', { state: 'available', offset: 0, limit: 20 });
    const secondPage = await h.ok('coupons:list', { state: 'available', offset: 20, limit: 20 });
    expect([firstPage.total, firstPage.rows.length, secondPage.rows.length]).toEqual([34, 20, 14]);
    const search = (other[2] ?? '').slice(2, 8);
    expect(
      (await h.ok('coupons:list', { search: search.toLowerCase(), offset: 0, limit: 200 })).rows.map((r) => r.code),
    ).toContain(other[2]);

    const { csv, fileName } = await h.ok('coupons:export', {});
    expect(fileName).toMatch(/^coupons-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toBe('code,name,state,valid_from,valid_until,used_at,order_id,reserved_by');
    expect(rows).toHaveLength(36);
    expect(rows).toContain(
      `${formatCode(codes[0] ?? '')},"'=HYPERLINK(""x"")",voided,2020-01-01 00:00,2099-12-31 24:00,,,`,
    );
    expect(rows.at(-1)).toContain(`,"가을, ""특별""",available,`);
  });
});

describe('manual discounts', () => {
  it('within the limit: taken, recorded with its reason and no approver, shared like a coupon’s', async () => {
    const h = await withCore();
    const created = await h.ok('sale:create', {
      lines: TWO_AMERICANOS,
      manualDiscount: { kind: 'percent', value: 10, lineKey: null, reason: '단골' },
    });
    const order = await h.ok('sale:get', { orderId: created.orderId });
    expect(order.amount).toBe(8_100);
    expect(order.discounts).toEqual([
      {
        source: 'manual',
        kind: 'percent',
        value: 10,
        reason: '단골',
        approvedBy: null,
        amount: 900,
        shares: [{ lineKey: expect.stringMatching(/^americano~[0-9a-f]{8}$/), amount: 900 }],
      },
    ]);
  });

  it('above the limit: refused until a manager’s PIN approves exactly that discount, and the approver is recorded', async () => {
    const h = await withCore();
    await asManager(h);
    await h.ok('staff:lock', {});
    const discount = { kind: 'fixed' as const, value: 6_000, lineKey: null, reason: '불만 고객 보상' };
    const lines = [...TWO_AMERICANOS, { productId: 'cafe-latte', quantity: 1 }];
    expect(await h.fail('sale:quote', { lines, manualDiscount: discount })).toMatchObject({
      code: 'DISCOUNT_NEEDS_MANAGER',
      details: { percent: 10, won: 5_000 },
    });
    // The manager approves it for the cart the register holds (main's copy of it).
    await h.ok('register:save-draft', { ...emptyDraft, lines });
    expect((await h.fail('discount:approve', { pin: '111111', discount })).code).toBe('PIN_WRONG');
    const { approvalId, approvedBy } = await h.ok('discount:approve', { pin: '482913', discount });
    expect(approvedBy).toBe('김토스');
    // The register did not become a manager's: approving is not unlocking.
    expect((await h.ok('staff:status', {})).session).toBeNull();
    // An approval covers the discount approved, not a bigger one.
    expect(
      (await h.fail('sale:quote', { lines, manualDiscount: { ...discount, value: 9_000, approvalId } })).code,
    ).toBe('DISCOUNT_APPROVAL_INVALID');
    const created = await h.ok('sale:create', { lines, manualDiscount: { ...discount, approvalId } });
    const order = await h.ok('sale:get', { orderId: created.orderId });
    expect(order.amount).toBe(14_000 - 6_000);
    expect(order.discounts[0]).toMatchObject({ source: 'manual', approvedBy: '김토스', amount: 6_000 });
  });

  it('off one line only; refused for a line not in the cart or more won than the line is worth', async () => {
    const h = await withCore();
    const lines = [...AMERICANO, { productId: 'croissant', quantity: 1 }];
    const quote = await h.ok('sale:quote', {
      lines,
      manualDiscount: { kind: 'fixed', value: 900, productId: 'croissant', reason: '마감 할인' },
    });
    expect(quote.lines.map((l) => l.discount)).toEqual([0, 900]);
    expect(
      (
        await h.fail('sale:quote', {
          lines,
          manualDiscount: { kind: 'fixed', value: 900, productId: 'cafe-latte', reason: 'x' },
        })
      ).details,
    ).toEqual({ reason: 'no-line' });
    expect(
      (
        await h.fail('sale:quote', {
          lines,
          manualDiscount: { kind: 'fixed', value: 4_000, productId: 'croissant', reason: 'x' },
        })
      ).details,
    ).toMatchObject({ reason: 'over-amount', net: 3_900 });
  });

  it('follows the limits a manager saves', async () => {
    const h = await withCore();
    await asManager(h);
    await h.ok('settings:save-discount-limits', { percent: 0, won: 0 });
    expect(
      (
        await h.fail('sale:quote', {
          lines: AMERICANO,
          manualDiscount: { kind: 'fixed', value: 100, lineKey: null, reason: 'x' },
        })
      ).code,
    ).toBe('DISCOUNT_NEEDS_MANAGER');
    await h.ok('settings:save-discount-limits', { percent: 50, won: 100_000 });
    expect(
      (
        await h.ok('sale:quote', {
          lines: AMERICANO,
          manualDiscount: { kind: 'percent', value: 50, lineKey: null, reason: 'x' },
        })
      ).amount,
    ).toBe(2_250);
    expect((await h.ok('settings:get', {})).discountLimitsChanged?.by).toBe('김토스');
  });

  it('a coupon first, then a manual discount off what is left', async () => {
    const h = await withCore();
    const [code = ''] = await issueCoupons(h, { benefit: { type: 'fixed', amount: 1_000 } });
    const quote = await h.ok('sale:quote', {
      lines: TWO_AMERICANOS,
      couponCode: code,
      manualDiscount: { kind: 'percent', value: 10, lineKey: null, reason: '단골' },
    });
    expect(quote.discounts.map((d) => [d.source, d.amount])).toEqual([
      ['coupon', 1_000],
      ['manual', 800],
    ]);
    expect(quote.amount).toBe(7_200);
  });
});
