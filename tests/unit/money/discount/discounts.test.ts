import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, percentOf, sumWon } from '../../../../shared/domain/money';
import {
  applyDiscounts,
  couponAmount,
  linesInScope,
  type DiscountableLine,
} from '../../../../electron/core/money/discount/discount-engine';
import { needsApproval } from '../../../../electron/core/money/discount/manual-discount';
import { DiscountApprovals } from '../../../../electron/core/money/discount/discount-approvals';
import type { ManualDiscount } from '../../../../shared/domain/coupons';
import { describeError } from '../../../../shared/i18n/error-messages';
import { emptyDraft } from '../../../../shared/domain/register';
import { approveOnRegister, ownerSetUp, OWNER_PIN, type CartLines } from '../../helpers/approvals';
import { startOwnSimulator, withCore, type PosHarness } from '../../helpers/pos';
import { CARD, payWindow } from '../../helpers/toss-window';

function line(productId: string, lineTotal: number, categoryId = 'coffee'): DiscountableLine {
  return {
    productId,
    name: productId,
    unitPrice: lineTotal,
    quantity: 1,
    lineTotal,
    discount: 0,
    options: [],
    memo: null,
    categoryId,
  };
}

describe('allocating a discount over the lines (largest remainder)', () => {
  it('for random carts: the shares sum to the discount, each is whole won, none exceeds its line, none is below 0', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (weights, fraction) => {
          const total = Math.floor(sumWon(weights) * fraction);
          const shares = allocate(total, weights);
          expect(sumWon(shares)).toBe(total);
          shares.forEach((share, i) => {
            expect(Number.isInteger(share)).toBe(true);
            expect(share).toBeGreaterThanOrEqual(0);
            expect(share).toBeLessThanOrEqual(weights[i] ?? 0);
          });
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('gives the remainder to the largest fractions first, ties to the earlier line', () => {
    // 100 over 3 equal lines: 33.3 each, the one left over to the first.
    expect(allocate(100, [1_000, 1_000, 1_000])).toEqual([34, 33, 33]);
    // 10 over 1 : 2 : 7 (10 won): exact.
    expect(allocate(10, [1, 2, 7])).toEqual([1, 2, 7]);
    // 5 over 3 : 3 (remainders .5 and .5): the earlier line.
    expect(allocate(5, [3, 3])).toEqual([3, 2]);
    expect(allocate(0, [0, 0])).toEqual([0, 0]);
    expect(() => allocate(11, [5, 5])).toThrow(RangeError);
  });

  it('stays exact for amounts whose products overflow a double', () => {
    const big = Number.MAX_SAFE_INTEGER - 1;
    expect(sumWon(allocate(big - 7, [big / 2 - 0.5, big / 2 + 0.5].map(Math.floor)))).toBe(big - 7);
  });
});

describe('what a coupon takes off', () => {
  it('a percent floors to whole won and stops at its cap; a fixed amount never exceeds what it applies to', () => {
    expect(couponAmount({ type: 'percent', percent: 10, maxDiscount: 1_000 }, 4_999)).toBe(499);
    expect(couponAmount({ type: 'percent', percent: 10, maxDiscount: 1_000 }, 10_000)).toBe(1_000);
    expect(couponAmount({ type: 'percent', percent: 10, maxDiscount: 1_000 }, 10_010)).toBe(1_000);
    expect(couponAmount({ type: 'percent', percent: 100, maxDiscount: 3_000 }, 2_500)).toBe(2_500);
    expect(couponAmount({ type: 'fixed', amount: 5_000 }, 4_500)).toBe(4_500);
    expect(couponAmount({ type: 'fixed', amount: 5_000 }, 5_001)).toBe(5_000);
    expect(percentOf(999, 33)).toBe(329);
  });

  it('covers the lines of its categories and products; an empty scope covers them all', () => {
    const lines = [line('americano', 4_500), line('croissant', 3_900, 'bakery'), line('mug', 12_000, 'goods')];
    expect(linesInScope(lines, { categoryIds: [], productIds: [] }).map((l) => l.productId)).toEqual([
      'americano',
      'croissant',
      'mug',
    ]);
    expect(linesInScope(lines, { categoryIds: ['bakery'], productIds: ['mug'] }).map((l) => l.productId)).toEqual([
      'croissant',
      'mug',
    ]);
    expect(linesInScope(lines, { categoryIds: ['drinks'], productIds: [] })).toEqual([]);
  });

  it('one engine for every discount: each after the last, from what is left, VAT split on the discounted total', () => {
    const lines = [line('americano', 4_500), line('croissant', 3_900)];
    const applied = applyDiscounts(lines, [
      {
        amount: () => 1_000,
        lineKeys: ['americano', 'croissant'],
        record: (amount, shares) => ({
          source: 'manual',
          kind: 'fixed',
          value: 1_000,
          reason: 'a',
          approvedBy: null,
          amount,
          shares,
        }),
      },
      {
        amount: (net) => percentOf(net, 50),
        lineKeys: ['croissant'],
        record: (amount, shares) => ({
          source: 'manual',
          kind: 'percent',
          value: 50,
          reason: 'b',
          approvedBy: null,
          amount,
          shares,
        }),
      },
    ]);
    // 1,000 over 4,500 : 3,900 → 536 + 464; then half of the croissant's 3,436 → 1,718.
    expect(applied.lines.map((l) => l.discount)).toEqual([536, 464 + 1_718]);
    expect(applied.amount).toBe(8_400 - 1_000 - 1_718);
    expect(applied.vatAmount).toBe(Math.round(applied.amount / 11));
    expect(applied.supplyAmount + applied.vatAmount).toBe(applied.amount);
    expect(applied.discounts.map((d) => d.amount)).toEqual([1_000, 1_718]);
    // The inputs are left as they were.
    expect(lines.map((l) => l.discount)).toEqual([0, 0]);
  });

  it('asks for a manager above either limit, not at it', () => {
    const limits = { percent: 10, won: 5_000 };
    expect(needsApproval({ kind: 'percent', value: 10 }, 5_000, limits)).toBe(false);
    expect(needsApproval({ kind: 'percent', value: 11 }, 100, limits)).toBe(true);
    expect(needsApproval({ kind: 'fixed', value: 5_001 }, 5_001, limits)).toBe(true);
    expect(needsApproval({ kind: 'fixed', value: 50 }, 50, limits)).toBe(false);
  });
});

const TWO_AMERICANOS = [{ productId: 'americano', quantity: 2 }];
const HALF_OFF = { kind: 'percent' as const, value: 50, lineKey: null, reason: '불만 고객 보상' };

/** Rings up the cart with the approved discount and pays it (card …approves). */
async function sellWith(h: PosHarness, lines: CartLines, manualDiscount: ManualDiscount) {
  const order = await h.ok('sale:create', { lines, manualDiscount });
  const paymentKey = await payWindow(h.sim, h.clientKey, order, CARD.approves);
  return h.ok('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
}

describe('a manager’s discount approval is single-use and bound', () => {
  it('pays for one order: the next order, even for the same cart, is refused and says which order used it', async () => {
    const h = await withCore();
    await ownerSetUp(h);
    const approved = await approveOnRegister(h, TWO_AMERICANOS, HALF_OFF);
    const paid = await sellWith(h, TWO_AMERICANOS, approved);
    expect(paid.discounts[0]).toMatchObject({ approvedBy: '김토스', amount: 4_500 });

    const refused = await h.fail('sale:create', { lines: TWO_AMERICANOS, manualDiscount: approved });
    expect(refused).toMatchObject({ code: 'DISCOUNT_APPROVAL_USED', details: { orderId: paid.orderId } });
    expect(describeError(refused, 'ko')).toContain('다시 관리자 승인을 받아 주세요');
    expect(describeError(refused, 'en')).toContain(paid.orderId);
    expect((await h.fail('sale:quote', { lines: TWO_AMERICANOS, manualDiscount: approved })).code).toBe(
      'DISCOUNT_APPROVAL_USED',
    );
  });

  it('an order still open holds it: a second order is refused, while the register’s own open order is still quoted', async () => {
    const h = await withCore();
    await ownerSetUp(h);
    const approved = await approveOnRegister(h, TWO_AMERICANOS, HALF_OFF);
    const open = await h.ok('sale:create', { lines: TWO_AMERICANOS, manualDiscount: approved });
    expect(await h.fail('sale:create', { lines: TWO_AMERICANOS, manualDiscount: approved })).toMatchObject({
      code: 'DISCOUNT_APPROVAL_USED',
      details: { orderId: open.orderId },
    });
    expect(
      (await h.ok('sale:quote', { lines: TWO_AMERICANOS, manualDiscount: approved, heldBy: open.orderId })).amount,
    ).toBe(4_500);
  });

  it('two orders racing for one approval: exactly one is stored with it', async () => {
    const h = await withCore();
    await ownerSetUp(h);
    const approved = await approveOnRegister(h, TWO_AMERICANOS, HALF_OFF);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => h.call('sale:create', { lines: TWO_AMERICANOS, manualDiscount: approved })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? null : r.error.code))).toEqual(
      Array.from({ length: 4 }, () => 'DISCOUNT_APPROVAL_USED'),
    );
  });

  it('is for the cart on the register when the manager said yes: other lines, quantities or prices are refused', async () => {
    const h = await withCore();
    await ownerSetUp(h);
    const approved = await approveOnRegister(h, TWO_AMERICANOS, HALF_OFF);
    for (const lines of [
      [{ productId: 'americano', quantity: 3 }],
      [...TWO_AMERICANOS, { productId: 'croissant', quantity: 1 }],
      [{ productId: 'cafe-latte', quantity: 2 }],
    ]) {
      const refused = await h.fail('sale:create', { lines, manualDiscount: approved });
      expect(refused.code).toBe('DISCOUNT_APPROVAL_OTHER_CART');
      expect(describeError(refused, 'ko')).toContain('다시 관리자 승인을 받아 주세요');
      expect((await h.fail('sale:quote', { lines, manualDiscount: approved })).code).toBe(
        'DISCOUNT_APPROVAL_OTHER_CART',
      );
    }
    // The same lines at a new price are another cart too: the manager approved 50% of 9,000 won.
    await h.ok('staff:unlock', { pin: OWNER_PIN });
    await h.ok('catalog:save-product', {
      id: 'americano',
      categoryId: 'coffee',
      name: { ko: '아메리카노', en: 'Americano' },
      price: 9_000,
      barcode: '8801234000017',
    });
    await h.ok('staff:lock', {});
    expect((await h.fail('sale:create', { lines: TWO_AMERICANOS, manualDiscount: approved })).code).toBe(
      'DISCOUNT_APPROVAL_OTHER_CART',
    );
  });

  it('the cart is main’s copy of the register’s, never one the request names: an empty register approves nothing', async () => {
    const h = await withCore();
    await ownerSetUp(h);
    expect((await h.fail('discount:approve', { pin: OWNER_PIN, discount: HALF_OFF })).code).toBe('EMPTY_CART');
    const approved = await approveOnRegister(h, [{ productId: 'americano', quantity: 1 }], HALF_OFF);
    expect((await h.fail('sale:create', { lines: TWO_AMERICANOS, manualDiscount: approved })).code).toBe(
      'DISCOUNT_APPROVAL_OTHER_CART',
    );
    expect(
      (await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }], manualDiscount: approved }))
        .amount,
    ).toBe(2_250);
  });

  it('is for the discount approved: another value, kind, line or reason is refused', async () => {
    const h = await withCore();
    await ownerSetUp(h);
    const lines = [...TWO_AMERICANOS, { productId: 'croissant', quantity: 1 }];
    const approved = await approveOnRegister(h, lines, HALF_OFF);
    for (const other of [
      { value: 60 },
      { value: 40 },
      { kind: 'fixed' as const, value: 6_000 },
      { lineKey: 'croissant' },
      { reason: '직원' },
    ]) {
      const refused = await h.fail('sale:create', { lines, manualDiscount: { ...approved, ...other } });
      expect(refused).toMatchObject({ code: 'DISCOUNT_APPROVAL_INVALID', details: { reason: 'other-discount' } });
      expect(describeError(refused, 'ko')).toContain('다시 관리자 승인을 받아 주세요');
    }
    expect((await h.ok('sale:create', { lines, manualDiscount: approved })).amount).toBe(6_450);
  });

  it('lasts 15 minutes; quotes look at it without using it up', async () => {
    let now = new Date('2026-03-02T10:00:00+09:00');
    const h = await withCore({ now: () => now });
    await ownerSetUp(h);
    const approved = await approveOnRegister(h, TWO_AMERICANOS, HALF_OFF);
    for (let i = 0; i < 3; i += 1)
      expect((await h.ok('sale:quote', { lines: TWO_AMERICANOS, manualDiscount: approved })).amount).toBe(4_500);
    now = new Date('2026-03-02T10:14:59+09:00');
    expect((await h.ok('sale:quote', { lines: TWO_AMERICANOS, manualDiscount: approved })).amount).toBe(4_500);
    now = new Date('2026-03-02T10:15:00+09:00');
    const expired = await h.fail('sale:create', { lines: TWO_AMERICANOS, manualDiscount: approved });
    expect(expired).toMatchObject({
      code: 'DISCOUNT_APPROVAL_EXPIRED',
      details: { expiredAt: '2026-03-02T10:15:00+09:00' },
    });
    expect(describeError(expired, 'ko')).toContain('10:15');
    expect(
      (
        await h.fail('sale:create', {
          lines: TWO_AMERICANOS,
          manualDiscount: { ...approved, approvalId: 'appr-0000000000000000' },
        })
      ).code,
    ).toBe('DISCOUNT_APPROVAL_INVALID');
  });

  it('given in training is refused on a live order', async () => {
    const own = await startOwnSimulator();
    const h = await withCore({ env: { TOSS_API_BASE: own.sim.apiBase, TOSS_SDK_SRC: own.sim.sdkSrc } });
    await h.ok('staff:setup-owner', { name: '김토스', pin: OWNER_PIN });
    await h.ok('settings:save-toss-keys', {
      clientKey: own.clientKey,
      secretKey: own.secretKey,
      acceptUnencrypted: true,
    });
    const approved = await approveOnRegister(h, TWO_AMERICANOS, { ...HALF_OFF, value: 100 });
    await h.ok('settings:set-mode', { mode: 'live', confirm: true });
    // Live keeps the register's cart too: the same cart is on it now.
    await h.ok('register:save-draft', { ...emptyDraft, lines: TWO_AMERICANOS });
    const refused = await h.fail('sale:create', { lines: TWO_AMERICANOS, manualDiscount: approved });
    // One book per mode knows no approval of the other; a shared book names the mode.
    expect(refused.code).toMatch(/^DISCOUNT_APPROVAL_(OTHER_MODE|INVALID)$/);
    expect(describeError(refused, 'ko')).toContain('다시 관리자 승인을 받아 주세요');
    expect((await h.fail('sale:quote', { lines: TWO_AMERICANOS, manualDiscount: approved })).code).toBe(refused.code);
  });

  it('records the mode it was given in and refuses the other, whichever book it is asked in', () => {
    const now = () => new Date('2026-03-02T10:00:00+09:00');
    const cart = [{ productId: 'americano', options: [], memo: null, quantity: 2, lineTotal: 9_000 }];
    const manager = { id: 'staff-1', name: '교육용 관리자', trainingOnly: true };
    for (const training of [true, false]) {
      const approvals = new DiscountApprovals(training ? 'training' : 'live', now);
      const { approvalId } = approvals.grant(HALF_OFF, cart, manager);
      expect(approvals.approver({ ...HALF_OFF, approvalId }, cart, training ? 'training' : 'live', null)).toBe(
        '교육용 관리자',
      );
      expect(() => approvals.approver({ ...HALF_OFF, approvalId }, cart, training ? 'live' : 'training', null)).toThrow(
        expect.objectContaining({
          code: 'DISCOUNT_APPROVAL_OTHER_MODE',
          details: { approvedIn: training ? 'training' : 'live' },
        }),
      );
    }
  });
});
