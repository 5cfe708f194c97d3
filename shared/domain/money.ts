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

const wonFormatter = new Intl.NumberFormat('ko-KR');

/** "12,300원" (ko) or "₩12,300" (en). */
export function formatWon(amount: Won, locale: 'ko' | 'en' = 'ko'): string {
  const digits = wonFormatter.format(amount);
  return locale === 'ko' ? `${digits}원` : `₩${digits}`;
}
