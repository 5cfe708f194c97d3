import { randomBytes, timingSafeEqual } from 'node:crypto';
import { scryptOnThread } from '../../platform/security/scrypt-thread';
import { maskCashReceiptIdentity, type CashReceipt } from '../../../../shared/domain/cash';

export type IdentityDigest = NonNullable<CashReceipt['identityDigest']>;

/**
 * scrypt (Node's defaults, as for PINs): a mobile number has about 10^8 values, so a plain salted
 * hash would give it back in seconds; this costs tens of milliseconds a guess.
 */
const PARAMS = { N: 16_384, r: 8, p: 1, keylen: 32 } as const;

/** The number as Toss takes it: digits only. */
export function identityDigits(identity: string): string {
  return identity.replace(/[\s-]/g, '');
}

function derive(identity: string, salt: Buffer): Promise<Buffer> {
  return scryptOnThread(identityDigits(identity), salt, PARAMS.keylen, PARAMS);
}

/** What a pending request keeps of its identity number: a fresh salt and its scrypt hash, never the number. */
export async function digestIdentity(identity: string): Promise<IdentityDigest> {
  const salt = randomBytes(16);
  return { salt: salt.toString('base64'), hash: (await derive(identity, salt)).toString('base64') };
}

/** Whether `identity` is the number the digest was made of (the same digits, however typed). */
export async function identityMatches(identity: string, digest: IdentityDigest): Promise<boolean> {
  const expected = Buffer.from(digest.hash, 'base64');
  const actual = await derive(identity, Buffer.from(digest.salt, 'base64'));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The register's own masks (`010-****-5678`, `123-45-*****`), as Toss may send them back. */
const OWN_MASKS = [/^01\d-\*{3,4}-\d{4}$/, /^\d{3}-\d{2}-\*{5}$/];

/**
 * Toss's `customerIdentityNumber` as the order may keep it: masked as the register masks, and
 * when Toss sent it masked in a form of its own, every digit but the last four hidden.
 */
export function maskedFromToss(value: string): string {
  if (OWN_MASKS.some((mask) => mask.test(value))) return value;
  const masked = maskCashReceiptIdentity(value);
  if (!/^\**$/.test(masked)) return masked;
  const digits = [...value].filter((char) => /\d/.test(char)).length;
  let seen = 0;
  return value.replace(/\d/g, (digit) => (++seen > digits - 4 ? digit : '*'));
}
