import { latinFromHangulKeys } from './hangul-keys';

/**
 * Coupon codes: 12 characters from an alphabet without look-alikes (no 0/O, no 1/I), the last a
 * check character (Luhn mod 32), so a mistyped code is told apart from an unknown one. Shown as
 * XXXX-XXXX-XXXX; read ignoring case, spaces and dashes.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const CODE_LENGTH = 12;
const BASE = CODE_ALPHABET.length;

/** The check character for the first 11 characters (Luhn mod N: catches every single-character slip and most swaps). */
export function checkCharacter(payload: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = payload.length - 1; i >= 0; i -= 1) {
    const value = CODE_ALPHABET.indexOf(payload[i] ?? '');
    if (value < 0) throw new RangeError(`not a code character: ${payload[i]}`);
    const addend = factor * value;
    sum += Math.floor(addend / BASE) + (addend % BASE);
    factor = factor === 2 ? 1 : 2;
  }
  return CODE_ALPHABET[(BASE - (sum % BASE)) % BASE] ?? '';
}

/** What the cashier typed or scanned, as the code itself: 한글-mode jamo read as their keys, upper case, no spaces or dashes. */
export function normalizeCode(input: string): string {
  return latinFromHangulKeys(input).toUpperCase().replace(/[\s-]/g, '');
}

/** Whether a normalized code can be a coupon at all: right length, right characters, right check. */
export function codeShape(code: string): 'ok' | 'mistyped' {
  if (code.length !== CODE_LENGTH || [...code].some((c) => !CODE_ALPHABET.includes(c))) return 'mistyped';
  return checkCharacter(code.slice(0, -1)) === code.slice(-1) ? 'ok' : 'mistyped';
}

export function formatCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1-');
}

/** A new code from `random` bytes (crypto in main): 32 characters divide 256, so every one is equally likely. */
export function codeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < CODE_LENGTH - 1) throw new RangeError('not enough random bytes');
  let payload = '';
  for (let i = 0; i < CODE_LENGTH - 1; i += 1) payload += CODE_ALPHABET[(bytes[i] ?? 0) % BASE];
  return payload + checkCharacter(payload);
}
