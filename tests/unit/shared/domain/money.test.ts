import { describe, expect, it } from 'vitest';
import {
  allocate,
  assertWon,
  formatWon,
  lineTotal,
  percentOf,
  sumWon,
  vatSplit,
} from '../../../../shared/domain/money';

describe('vatSplit (공급가액 / 부가세, Toss rule: VAT = total / 11, rounded)', () => {
  it.each([
    [11_000, 10_000, 1_000],
    [4_500, 4_091, 409],
    [1_000, 909, 91],
    [0, 0, 0],
    [5, 5, 0], // 5 / 11 = 0.45 → 0
    [6, 5, 1], // 6 / 11 = 0.55 → 1
    [16, 15, 1], // 1.45 → 1
    [17, 15, 2], // 1.55 → 2
    [100, 91, 9],
    [9_900, 9_000, 900],
    [25_000, 22_727, 2_273], // 2272.7 → 2273
  ])('%i won → supply %i + VAT %i', (total, supply, vat) => {
    expect(vatSplit(total)).toEqual({ supply, vat });
  });

  it('always adds back up to the total, and VAT is the nearest whole won to total / 11', () => {
    const wrong: string[] = [];
    for (let total = 0; total <= 20_000; total++) {
      const { supply, vat } = vatSplit(total);
      // Nearest integer to total / 11, checked in integers: |11·vat − total| ≤ 5.
      const ok =
        Number.isInteger(supply) && Number.isInteger(vat) && supply + vat === total && Math.abs(11 * vat - total) <= 5;
      if (!ok) wrong.push(`${total} → ${supply} + ${vat}`);
    }
    expect(wrong).toEqual([]);
  });

  it('charges VAT only on the taxable part when some of the total is tax-free', () => {
    expect(vatSplit(11_000, 1_000).vat).toBe(909); // 10,000 / 11 = 909.09
    expect(vatSplit(1_000, 1_000).vat).toBe(0);
  });

  it('refuses a tax-free part larger than the total', () => {
    expect(() => vatSplit(1_000, 1_001)).toThrow(RangeError);
  });
});

describe('won amounts are non-negative integers', () => {
  const bad = [0.5, 1.1, -1, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1];

  it.each(bad)('assertWon(%d) throws', (value) => {
    expect(() => assertWon(value)).toThrow(RangeError);
  });

  it('assertWon passes integers through', () => {
    expect(assertWon(0)).toBe(0);
    expect(assertWon(4_500)).toBe(4_500);
  });

  it.each(bad)('vatSplit(%d) throws', (value) => {
    expect(() => vatSplit(value)).toThrow(RangeError);
  });

  it('lineTotal multiplies in integers and refuses bad prices or quantities', () => {
    expect(lineTotal(4_500, 3)).toBe(13_500);
    expect(lineTotal(4_500, 0)).toBe(0);
    expect(() => lineTotal(4_500.5, 2)).toThrow(RangeError);
    expect(() => lineTotal(-4_500, 2)).toThrow(RangeError);
    expect(() => lineTotal(4_500, 1.5)).toThrow(RangeError);
    expect(() => lineTotal(4_500, -1)).toThrow(new RangeError('bad quantity: -1'));
    expect(() => lineTotal(-4_500, 2)).toThrow(new RangeError('not a won amount: -4500'));
    // A product too large to represent exactly is refused, not rounded.
    expect(() => lineTotal(Number.MAX_SAFE_INTEGER, 2)).toThrow(RangeError);
  });

  it('sumWon adds integers and refuses any bad element', () => {
    expect(sumWon([])).toBe(0);
    expect(sumWon([4_500, 5_000, 3_900])).toBe(13_400);
    expect(() => sumWon([4_500, 0.1])).toThrow(RangeError);
    expect(() => sumWon([4_500, -4_500])).toThrow(RangeError);
    expect(() => sumWon([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});

describe('formatWon', () => {
  it.each([
    [0, '0원', '₩0'],
    [900, '900원', '₩900'],
    [4_500, '4,500원', '₩4,500'],
    [12_300, '12,300원', '₩12,300'],
    [1_234_567, '1,234,567원', '₩1,234,567'],
  ])('%i → "%s" (ko) / "%s" (en)', (amount, ko, en) => {
    expect(formatWon(amount)).toBe(ko);
    expect(formatWon(amount, 'ko')).toBe(ko);
    expect(formatWon(amount, 'en')).toBe(en);
  });
});

describe('percentOf (a percent coupon or discount)', () => {
  it('floors to whole won, from 0% to 100% inclusive', () => {
    expect(percentOf(12_345, 0)).toBe(0);
    expect(percentOf(12_345, 10)).toBe(1_234);
    expect(percentOf(12_345, 100)).toBe(12_345);
    expect(percentOf(Number.MAX_SAFE_INTEGER, 100)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it.each([-1, 101, 12.5, Number.NaN])('refuses %d percent', (percent) => {
    expect(() => percentOf(10_000, percent)).toThrow(RangeError);
  });

  it('refuses an amount that is not won', () => {
    expect(() => percentOf(-100, 10)).toThrow(RangeError);
    expect(() => percentOf(10_000, 101)).toThrow(new RangeError('bad percent: 101'));
    expect(() => percentOf(100.5, 10)).toThrow(RangeError);
  });
});

describe('allocate (a discount shared over the lines)', () => {
  it('refuses a total or a weight that is not won', () => {
    expect(() => allocate(-1, [5, 5])).toThrow(RangeError);
    expect(() => allocate(1, [5, -5])).toThrow(RangeError);
    expect(() => allocate(1.5, [5, 5])).toThrow(RangeError);
    expect(() => allocate(11, [5, 5])).toThrow(new RangeError('cannot allocate 11 over 10'));
  });

  it('gives the leftover won to the largest remainders, then to the earlier line', () => {
    // 7 × 3/10 = 2.1, 7 × 3/10 = 2.1, 7 × 4/10 = 2.8: 2 + 2 + 2 = 6, the one left goes to the 0.8.
    expect(allocate(7, [3, 3, 4])).toEqual([2, 2, 3]);
    expect(allocate(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(allocate(2, [1, 2, 1])).toEqual([1, 1, 0]);
    expect(allocate(3, [1, 2, 2])).toEqual([1, 1, 1]);
    expect(allocate(0, [3, 4])).toEqual([0, 0]);
    expect(allocate(0, [])).toEqual([]);
  });
});
