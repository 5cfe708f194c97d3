import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  checkCharacter,
  codeFromBytes,
  codeShape,
  formatCode,
  normalizeCode,
} from '../../../../shared/domain/coupon-code';
import { newCodes } from '../../../../electron/core/money/coupons/coupon-issuer';

describe('coupon codes', () => {
  it('use 32 characters with no look-alikes: no 0/O, no 1/I', () => {
    expect(CODE_ALPHABET).toHaveLength(32);
    expect(new Set(CODE_ALPHABET).size).toBe(32);
    for (const lookAlike of ['0', 'O', '1', 'I']) expect(CODE_ALPHABET).not.toContain(lookAlike);
  });

  it('10,000 issued at once: 12 characters of the alphabet, each with a matching check character, none twice', () => {
    const codes = newCodes(10_000, () => false);
    expect(new Set(codes).size).toBe(10_000);
    for (const code of codes) {
      expect(code).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{12}$/);
      expect(codeShape(code)).toBe('ok');
    }
    // Crypto random over the whole alphabet: every character turns up in every position.
    for (let position = 0; position < CODE_LENGTH - 1; position += 1)
      expect(new Set(codes.map((c) => c[position])).size).toBe(32);
  });

  it('never issues a code already in the book', () => {
    const taken = new Set(newCodes(50, () => false));
    const repeat = [...taken];
    let call = 0;
    // A random source that first replays taken codes' bytes: they are skipped, and fresh ones drawn.
    const codes = newCodes(
      10,
      (code) => taken.has(code),
      (size) => {
        call += 1;
        if (call > 1) return crypto.getRandomValues(new Uint8Array(size));
        return Uint8Array.from(
          repeat.slice(0, size / 11).flatMap((code) => [...code.slice(0, 11)].map((c) => CODE_ALPHABET.indexOf(c))),
        );
      },
    );
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(taken.has(code)).toBe(false);
  });

  it('catches every single mistyped character, and the swaps of neighbours in a sample code', () => {
    const code = codeFromBytes(Uint8Array.from([3, 14, 15, 92, 65, 35, 89, 79, 32, 38, 46]));
    expect(codeShape(code)).toBe('ok');
    for (let i = 0; i < CODE_LENGTH; i += 1) {
      for (const replacement of CODE_ALPHABET) {
        if (replacement === code[i]) continue;
        expect(codeShape(code.slice(0, i) + replacement + code.slice(i + 1)), `${i}:${replacement}`).toBe('mistyped');
      }
    }
    let swapsCaught = 0;
    let swaps = 0;
    for (let i = 0; i < CODE_LENGTH - 1; i += 1) {
      if (code[i] === code[i + 1]) continue;
      swaps += 1;
      const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
      if (codeShape(swapped) === 'mistyped') swapsCaught += 1;
    }
    expect(swapsCaught).toBe(swaps);
  });

  it('reads what the cashier types or scans ignoring case, spaces and dashes, and shows it grouped in fours', () => {
    const code = `ABCDEFGHJKL${checkCharacter('ABCDEFGHJKL')}`;
    expect(formatCode(code)).toBe(`ABCD-EFGH-JKL${code.at(-1)}`);
    expect(normalizeCode(` ${formatCode(code).toLowerCase()}\t`)).toBe(code);
    expect(normalizeCode('abcd efgh jkl')).toBe('ABCDEFGHJKL');
    expect(codeShape('ABCD')).toBe('mistyped');
    expect(codeShape('ABCDEFGHJKL0')).toBe('mistyped');
  });
});
