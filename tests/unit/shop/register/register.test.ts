import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { senderScope } from '../../../../electron/core/platform/security/app-url';
import { CUSTOMER_PAGE } from '../../../../shared/ipc/pages';
import { emptyDraft } from '../../../../shared/domain/register';
import { approveOnRegister, ownerSetUp } from '../../helpers/approvals';
import { issueCoupons } from '../../helpers/coupons';
import { withCore, type PosHarness } from '../../helpers/pos';
import { CARD, payWindow } from '../../helpers/toss-window';

/** Rings up and pays a sale through main, the way the register and the window do. */
async function sell(h: PosHarness, lines = [{ productId: 'americano', quantity: 1 }]) {
  const order = await h.ok('sale:create', { lines });
  const paymentKey = await payWindow(h.sim, h.clientKey, order, CARD.approves);
  return h.ok('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
}

/** A clock the test sets: all of main's "now" comes from it. */
function clock(iso: string) {
  let at = Date.parse(iso);
  return { now: () => new Date(at), set: (next: string) => void (at = Date.parse(next)) };
}

describe('대기번호, the number called out to the customer', () => {
  it('counts 1, 2, 3 … through a business day and starts again at 1 the next day', async () => {
    const time = clock('2026-12-01T09:00:00+09:00');
    const h = await withCore({ now: time.now });
    expect((await sell(h)).callNumber).toBe(1);
    expect((await sell(h)).callNumber).toBe(2);
    time.set('2026-12-01T23:59:00+09:00');
    expect((await sell(h)).callNumber).toBe(3);
    time.set('2026-12-02T00:01:00+09:00');
    expect((await sell(h)).callNumber).toBe(1);
  });

  it('is given only to paid orders, once, and never twice the same in a rush', async () => {
    const h = await withCore();
    const declined = await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
    const key = await payWindow(h.sim, h.clientKey, declined, CARD.rejectedAtConfirm);
    expect(
      await h.fail('payment:confirm', { orderId: declined.orderId, paymentKey: key, amount: declined.amount }),
    ).toMatchObject({ code: 'PAYMENT_DECLINED' });
    expect((await h.ok('sale:get', { orderId: declined.orderId })).callNumber).toBeNull();
    const paid = await Promise.all(Array.from({ length: 8 }, () => sell(h)));
    expect(paid.map((order) => order.callNumber).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // Confirming again answers the same order with the same number.
    const again = await h.ok('payment:confirm', {
      orderId: paid[0]?.orderId ?? '',
      paymentKey: paid[0]?.payment?.paymentKey ?? '',
      amount: paid[0]?.amount ?? 0,
    });
    expect(again.callNumber).toBe(paid[0]?.callNumber);
  });

  it('carries on from the day’s last number after a restart', async () => {
    const h = await withCore();
    await sell(h);
    await sell(h);
    await h.close();
    const again = await withCore({ dataDir: h.dataDir });
    expect((await sell(again)).callNumber).toBe(3);
  });
});

describe('the register’s draft, kept by main', () => {
  const draft = {
    lines: [
      {
        productId: 'americano',
        quantity: 2,
        options: [
          { optionId: 'ice', count: 1 },
          { optionId: 'shot', count: 2 },
        ],
        memo: '얼음 적게',
      },
      { productId: 'croissant', quantity: 1, options: [], memo: null },
    ],
    memo: '5번 테이블',
    couponCode: 'ABCDEFGHJKLM',
    manualDiscount: { kind: 'percent' as const, value: 10, lineKey: null, reason: '단골' },
    pending: null,
    approval: null,
    stage: 'ringing' as const,
    paidOrderId: null,
  };

  it('comes back after a reload of the window and after a restart of the app', async () => {
    const h = await withCore();
    expect(await h.ok('register:draft', {})).toEqual({
      lines: [],
      memo: null,
      couponCode: null,
      manualDiscount: null,
      pending: null,
      approval: null,
      stage: 'ringing',
      paidOrderId: null,
    });
    await h.ok('register:save-draft', draft);
    expect(await h.ok('register:draft', {})).toEqual(draft);
    await h.close();
    const again = await withCore({ dataDir: h.dataDir });
    expect(await again.ok('register:draft', {})).toEqual(draft);
  });

  it.each([
    ['a quantity of 0', { ...draft, lines: [{ productId: 'americano', quantity: 0 }] }],
    ['a price smuggled into a line', { ...draft, lines: [{ productId: 'americano', quantity: 1, price: 1 }] }],
    ['an unknown stage', { ...draft, stage: 'refunded' }],
    ['a forged order id', { ...draft, paidOrderId: '../../etc/passwd' }],
  ])('refuses %s and keeps what it had', async (_label, bad) => {
    const h = await withCore();
    await h.ok('register:save-draft', draft);
    const before = await readFile(join(h.booksDir, 'register.json'), 'utf8');
    expect(await h.fail('register:save-draft', bad as never)).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await readFile(join(h.booksDir, 'register.json'), 'utf8')).toBe(before);
  });
});

describe('the customer’s screen', () => {
  it('shows what main prices from its own catalog, follows the sale, and thanks with the number', async () => {
    const h = await withCore();
    const first = await h.ok('display:watch', { since: 0 });
    expect(first.view).toMatchObject({ stage: 'idle', lines: [], total: 0, training: true });

    // A watch waits until something changes, then answers at once.
    const waiting = h.ok('display:watch', { since: first.version });
    await h.ok('register:save-draft', {
      lines: [
        { productId: 'americano', quantity: 2 },
        { productId: 'no-such-product', quantity: 1 },
      ],
      pending: null,
      approval: null,
      stage: 'ringing',
      paidOrderId: null,
    });
    const ringing = await waiting;
    expect(ringing.version).toBeGreaterThan(first.version);
    expect(ringing.view).toMatchObject({
      stage: 'ringing',
      total: 9_000,
      lines: [{ name: { ko: '아메리카노', en: 'Americano' }, quantity: 2, lineTotal: 9_000 }],
    });

    await h.ok('register:save-draft', {
      lines: [{ productId: 'americano', quantity: 2 }],
      pending: null,
      approval: null,
      stage: 'paying',
      paidOrderId: null,
    });
    expect((await h.ok('display:watch', { since: ringing.version })).view.stage).toBe('paying');

    const paid = await sell(h, [{ productId: 'americano', quantity: 2 }]);
    await h.ok('register:save-draft', {
      lines: [{ productId: 'americano', quantity: 2 }],
      pending: null,
      approval: null,
      stage: 'paid',
      paidOrderId: paid.orderId,
    });
    const thanks = await h.ok('display:watch', { since: 0 });
    expect(thanks.view).toMatchObject({ stage: 'paid', callNumber: 1, total: 9_000 });
  });

  it('shows the discount main prices for the cart’s coupon, and none for a coupon main refuses', async () => {
    const h = await withCore();
    const [code = ''] = await issueCoupons(h);
    const draft = {
      lines: [{ productId: 'americano', quantity: 2 }],
      pending: null,
      approval: null,
      stage: 'ringing' as const,
      paidOrderId: null,
    };
    await h.ok('register:save-draft', { ...draft, couponCode: code });
    expect((await h.ok('display:watch', { since: 0 })).view).toMatchObject({
      stage: 'ringing',
      discount: 1_000,
      total: 8_000,
    });
    await h.ok('register:save-draft', { ...draft, couponCode: 'ABCDEFGHJKLM' });
    expect((await h.ok('display:watch', { since: 0 })).view).toMatchObject({ discount: 0, total: 9_000 });
  });

  it('shows each line’s options in both languages and its memo, and the order’s memo, while ringing and once paid', async () => {
    const h = await withCore();
    const lines = [
      {
        productId: 'cafe-latte',
        quantity: 1,
        options: [
          { optionId: 'shot', count: 2 },
          { optionId: 'ice', count: 1 },
          { optionId: 'size-l', count: 1 },
        ],
        memo: '얼음 적게',
      },
      {
        productId: 'cafe-latte',
        quantity: 2,
        options: [
          { optionId: 'hot', count: 1 },
          { optionId: 'size-r', count: 1 },
        ],
        memo: null,
      },
    ];
    const draft = { lines, memo: '5번 테이블', pending: null, approval: null, paidOrderId: null };
    const iced = {
      name: { ko: '카페라테', en: 'Caffè Latte' },
      // In the product's group order, whatever order the register sent them in.
      options: [
        { name: { ko: 'ICE', en: 'Iced' }, count: 1 },
        { name: { ko: '라지', en: 'Large' }, count: 1 },
        { name: { ko: '샷 추가', en: 'Extra shot' }, count: 2 },
      ],
      memo: '얼음 적게',
      quantity: 1,
      lineTotal: 6_500,
    };
    const hot = {
      name: { ko: '카페라테', en: 'Caffè Latte' },
      options: [
        { name: { ko: 'HOT', en: 'Hot' }, count: 1 },
        { name: { ko: '레귤러', en: 'Regular' }, count: 1 },
      ],
      memo: null,
      quantity: 2,
      lineTotal: 10_000,
    };
    await h.ok('register:save-draft', { ...draft, stage: 'ringing' });
    expect((await h.ok('display:watch', { since: 0 })).view).toMatchObject({
      stage: 'ringing',
      memo: '5번 테이블',
      lines: [iced, hot],
      total: 16_500,
    });

    const order = await h.ok('sale:create', { lines, memo: '5번 테이블' });
    expect(order.amount).toBe(16_500);
    const paymentKey = await payWindow(h.sim, h.clientKey, order, CARD.approves);
    const paid = await h.ok('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
    await h.ok('register:save-draft', { ...draft, stage: 'paid', paidOrderId: paid.orderId });
    expect((await h.ok('display:watch', { since: 0 })).view).toMatchObject({
      stage: 'paid',
      memo: '5번 테이블',
      lines: [iced, hot],
      total: 16_500,
    });
  });

  it('does not show an order as paid that is not paid', async () => {
    const h = await withCore();
    const order = await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
    await h.ok('register:save-draft', {
      lines: [{ productId: 'americano', quantity: 1 }],
      pending: null,
      approval: null,
      stage: 'paid',
      paidOrderId: order.orderId,
    });
    expect((await h.ok('display:watch', { since: 0 })).view).toMatchObject({ stage: 'ringing', callNumber: null });
  });

  it('only the customer page’s own top frame is the display; anything else of ours is the register', () => {
    const origin = 'http://127.0.0.1:5190';
    expect(senderScope({ url: `${origin}${CUSTOMER_PAGE}`, isTopFrame: true }, origin, CUSTOMER_PAGE)).toBe('display');
    expect(senderScope({ url: `${origin}/`, isTopFrame: true }, origin, CUSTOMER_PAGE)).toBe('register');
    expect(senderScope({ url: `${origin}${CUSTOMER_PAGE}`, isTopFrame: false }, origin, CUSTOMER_PAGE)).toBeNull();
    expect(
      senderScope({ url: `http://127.0.0.1:5191${CUSTOMER_PAGE}`, isTopFrame: true }, origin, CUSTOMER_PAGE),
    ).toBeNull();
    expect(senderScope(null, origin, CUSTOMER_PAGE)).toBeNull();
  });
});

describe('the last paid order ("same again")', () => {
  it('is today’s newest paid order, or nothing', async () => {
    const h = await withCore();
    expect(await h.ok('sale:last-paid', {})).toBeNull();
    await sell(h, [{ productId: 'americano', quantity: 2 }]);
    const latest = await sell(h, [
      { productId: 'croissant', quantity: 1 },
      { productId: 'cafe-latte', quantity: 3 },
    ]);
    await h.ok('sale:create', { lines: [{ productId: 'mug', quantity: 1 }] });
    expect(await h.ok('sale:last-paid', {})).toMatchObject({
      orderId: latest.orderId,
      lines: [{ productId: 'croissant' }, { productId: 'cafe-latte', quantity: 3 }],
    });
  });
});

describe('a manager’s discount approval, along the register’s path', () => {
  const lines = [{ productId: 'americano', quantity: 2 }];
  const halfOff = { kind: 'percent' as const, value: 50, lineKey: null, reason: '불만 고객 보상' };

  async function declined(h: PosHarness, order: { orderId: string; orderName: string; amount: number }) {
    const paymentKey = await payWindow(h.sim, h.clientKey, order, CARD.rejectedAtConfirm);
    return h.fail('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
  }

  it('a declined card is tried again without a second PIN: the same open order, or (with a coupon) a new one for the same cart', async () => {
    const h = await withCore();
    await ownerSetUp(h);
    const approved = await approveOnRegister(h, lines, halfOff);
    const order = await h.ok('sale:create', { lines, manualDiscount: approved });
    expect(await declined(h, order)).toMatchObject({ code: 'PAYMENT_DECLINED' });
    // No coupon: the order is open again and the register pays that very order.
    expect((await h.ok('sale:get', { orderId: order.orderId })).status).toBe('PENDING');
    const paymentKey = await payWindow(h.sim, h.clientKey, order, CARD.approves);
    expect(await h.ok('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount })).toMatchObject({
      status: 'PAID',
      discounts: [{ approvedBy: '김토스' }],
    });
    expect((await h.fail('sale:create', { lines, manualDiscount: approved })).code).toBe('DISCOUNT_APPROVAL_USED');

    // With a coupon the declined order is given up; the next Pay's new order for the same cart takes the approval.
    const [code = ''] = await issueCoupons(h);
    await h.ok('staff:lock', {});
    const withCoupon = await approveOnRegister(h, lines, halfOff);
    const first = await h.ok('sale:create', { lines, couponCode: code, manualDiscount: withCoupon });
    await declined(h, first);
    expect((await h.ok('sale:get', { orderId: first.orderId })).status).toBe('ABANDONED');
    const retry = await h.ok('sale:create', { lines, couponCode: code, manualDiscount: withCoupon });
    expect(retry.amount).toBe(first.amount);
    const retryKey = await payWindow(h.sim, h.clientKey, retry, CARD.approves);
    await h.ok('payment:confirm', { orderId: retry.orderId, paymentKey: retryKey, amount: retry.amount });
    expect(await h.fail('sale:create', { lines, manualDiscount: withCoupon })).toMatchObject({
      code: 'DISCOUNT_APPROVAL_USED',
      details: { orderId: retry.orderId },
    });
  });

  it('an order given up before payment (the cart changed, the sale cleared) hands it back, for the approved cart only', async () => {
    const h = await withCore();
    await ownerSetUp(h);
    const approved = await approveOnRegister(h, lines, halfOff);
    const order = await h.ok('sale:create', { lines, manualDiscount: approved });
    await h.ok('sale:abandon', { orderId: order.orderId });
    expect(
      (await h.fail('sale:create', { lines: [{ productId: 'americano', quantity: 3 }], manualDiscount: approved }))
        .code,
    ).toBe('DISCOUNT_APPROVAL_OTHER_CART');
    const again = await h.ok('sale:create', { lines, manualDiscount: approved });
    expect(again.orderId).not.toBe(order.orderId);
    expect(again.amount).toBe(4_500);
  });

  it('the customer’s screen shows the approved discount while the register’s own order is being paid', async () => {
    const h = await withCore();
    await ownerSetUp(h);
    const approved = await approveOnRegister(h, lines, halfOff);
    const order = await h.ok('sale:create', { lines, manualDiscount: approved });
    const pending = { orderId: order.orderId, orderName: order.orderName, amount: order.amount, cartKey: 'k' };
    await h.ok('register:save-draft', { ...emptyDraft, lines, manualDiscount: approved, pending, stage: 'paying' });
    expect((await h.ok('display:watch', { since: 0 })).view).toMatchObject({
      stage: 'paying',
      discount: 4_500,
      total: 4_500,
    });
  });
});
