import { z } from 'zod';

/** Korean won, always an integer. VAT-inclusive unless a name says otherwise. */
export type Won = number;

export const wonSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export function assertWon(value: number): Won {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`not a won amount: ${value}`);
  }
  return value;
}

/** Sum of integer amounts; throws rather than losing precision. */
export function sumWon(values: readonly Won[]): Won {
  return assertWon(values.reduce((total, v) => total + assertWon(v), 0));
}

export function lineTotal(unitPrice: Won, quantity: number): Won {
  if (!Number.isSafeInteger(quantity) || quantity < 0) throw new RangeError(`bad quantity: ${quantity}`);
  return assertWon(assertWon(unitPrice) * quantity);
}

export interface VatSplit {
  /** 공급가액 */
  supply: Won;
  /** 부가세 */
  vat: Won;
}

/**
 * Toss's rule: VAT = (amount − taxFree) / 11, rounded. Integer-only: with an odd divisor
 * there is never an exact half, so round(n / 11) = floor((2n + 11) / 22).
 */
export function vatSplit(total: Won, taxFree: Won = 0): VatSplit {
  const taxable = assertWon(assertWon(total) - assertWon(taxFree));
  const vat = Math.floor((2 * taxable + 11) / 22);
  return { supply: total - vat, vat };
}

/**
 * Splits `total` won across `weights` (line amounts) in proportion, in whole won, by largest
 * remainder: the shares sum to `total` exactly, and while `total` is at most the weights' sum no
 * share exceeds its weight (no line goes below 0). Ties go to the earlier line. BigInt keeps
 * `total × weight` exact however large.
 */
export function allocate(total: Won, weights: readonly Won[]): Won[] {
  const sum = sumWon(weights);
  assertWon(total);
  if (total > sum) throw new RangeError(`cannot allocate ${total} over ${sum}`);
  if (sum === 0) return weights.map(() => 0);
  const big = BigInt(total);
  const bigSum = BigInt(sum);
  const parts = weights.map((weight) => {
    const product = big * BigInt(weight);
    return { share: product / bigSum, remainder: product % bigSum };
  });
  let left = big - parts.reduce((acc, part) => acc + part.share, 0n);
  // Largest remainder first; sort is stable, so equal remainders keep line order (ties go to the earlier line).
  const byRemainder = [...parts].sort((a, b) => Number(b.remainder - a.remainder));
  for (const part of byRemainder) {
    if (left === 0n) break;
    part.share += 1n;
    left -= 1n;
  }
  return parts.map((part) => Number(part.share));
}

/** `percent`% of `amount`, floored to whole won (BigInt: exact for any amount). */
export function percentOf(amount: Won, percent: number): Won {
  assertWon(amount);
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) throw new RangeError(`bad percent: ${percent}`);
  return Number((BigInt(amount) * BigInt(percent)) / 100n);
}

const wonFormatter = new Intl.NumberFormat('ko-KR');

/** "12,300원" (ko) or "₩12,300" (en). */
export function formatWon(amount: Won, locale: 'ko' | 'en' = 'ko'): string {
  const digits = wonFormatter.format(amount);
  return locale === 'ko' ? `${digits}원` : `₩${digits}`;
}
