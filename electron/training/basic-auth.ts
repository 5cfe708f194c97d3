import { createHash, timingSafeEqual } from 'node:crypto';
import { tossError, type TossError } from './errors';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * Checks `Authorization: Basic base64(secretKey + ':')` the way Toss answers it:
 * 401 UNAUTHORIZED_KEY for a missing or wrong key, 403 INCORRECT_BASIC_AUTH_FORMAT when the
 * decoded value lacks the colon. Returns null when the caller is authorised.
 */
export function checkBasicAuth(header: string | undefined, secretKey: string): TossError | null {
  const match = /^Basic\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return tossError('UNAUTHORIZED_KEY');
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return tossError('INCORRECT_BASIC_AUTH_FORMAT');
  // Hash first so the comparison is constant-time regardless of length.
  const given = digest(decoded.slice(0, colon));
  return timingSafeEqual(given, digest(secretKey)) ? null : tossError('UNAUTHORIZED_KEY');
}
