import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, percentOf, sumWon } from '../../shared/domain/money';
import { applyDiscounts, couponAmount, linesInScope, type DiscountableLine } from '../../electron/core/discounts/discount-engine';
import { needsApproval } from '../../electron/core/discounts/manual-discount';

function line(productId: string, lineTotal: number, categoryId = 'coffee'): DiscountableLine {
  return { productId, name: productId, unitPrice: lineTotal, quantity: 1, lineTotal, discount: 0, categoryId };
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
    expect(linesInScope(lines, { categoryIds: [], productIds: [] }).map((l) => l.productId)).toEqual(['americano', 'croissant', 'mug']);
    expect(linesInScope(lines, { categoryIds: ['bakery'], productIds: ['mug'] }).map((l) => l.productId)).toEqual(['croissant', 'mug']);
    expect(linesInScope(lines, { categoryIds: ['drinks'], productIds: [] })).toEqual([]);
  });

  it('one engine for every discount: each after the last, from what is left, VAT split on the discounted total', () => {
    const lines = [line('americano', 4_500), line('croissant', 3_900)];
    const applied = applyDiscounts(lines, [
      { amount: () => 1_000, lineIds: ['americano', 'croissant'], record: (amount, shares) => ({ source: 'manual', kind: 'fixed', value: 1_000, reason: 'a', approvedBy: null, amount, shares }) },
      { amount: (net) => percentOf(net, 50), lineIds: ['croissant'], record: (amount, shares) => ({ source: 'manual', kind: 'percent', value: 50, reason: 'b', approvedBy: null, amount, shares }) },
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
