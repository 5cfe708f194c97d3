import { randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { scryptOnThread } from '../../platform/security/scrypt-thread';

/** scrypt with Node's defaults (N=2^14, r=8, p=1): tens of milliseconds a guess. */
const PARAMS = { N: 16_384, r: 8, p: 1, keylen: 32 } as const;

export const pinHashSchema = z.strictObject({
  algorithm: z.literal('scrypt'),
  N: z.number().int().positive(),
  r: z.number().int().positive(),
  p: z.number().int().positive(),
  salt: z.base64(),
  hash: z.base64(),
});
export type PinHash = z.infer<typeof pinHashSchema>;

/** A PIN as it is stored: a fresh random salt and its scrypt hash, never the PIN. */
export async function hashPin(pin: string): Promise<PinHash> {
  const salt = randomBytes(16);
  const hash = await scryptOnThread(pin, salt, PARAMS.keylen, PARAMS);
  return {
    algorithm: 'scrypt',
    N: PARAMS.N,
    r: PARAMS.r,
    p: PARAMS.p,
    salt: salt.toString('base64'),
    hash: hash.toString('base64'),
  };
}

/** Compares in constant time, with the parameters the hash was made with. */
export async function pinMatches(pin: string, stored: PinHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const actual = await scryptOnThread(pin, Buffer.from(stored.salt, 'base64'), expected.length, stored);
  return timingSafeEqual(actual, expected);
}
