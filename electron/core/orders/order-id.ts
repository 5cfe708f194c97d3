import { randomBytes } from 'node:crypto';

// Crockford-style alphabet: no I, L, O, U, so ids read aloud over the counter are unambiguous.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `YYYYMMDD-XXXXXXXXXXXX`: the business day, then 60 random bits. Fits Toss's 6–64 [A-Za-z0-9_-]. */
export function newOrderId(businessDay: string): string {
  const bytes = randomBytes(12);
  let suffix = '';
  for (const byte of bytes) suffix += ALPHABET[byte % 32];
  return `${businessDay.replaceAll('-', '')}-${suffix}`;
}
