import { createHmac, timingSafeEqual } from 'node:crypto';

/** Names what is signed, so a signature made for anything else never passes for a staff record's. */
const PURPOSE = 'toss-pos staff record v1\n';

/** The same JSON for the same fields whatever order they were written in: keys sorted at every level, absent (undefined) fields left out. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, field]) => field !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, field]) => `${JSON.stringify(name)}:${canonicalJson(field)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Every field of the record but its signature, so no field can be changed by hand (a role, a PIN hash, `active`). */
function signedText(record: object): string {
  return PURPOSE + canonicalJson({ ...record, signature: undefined });
}

/** HMAC-SHA256 of the record's canonical form with this install's key (base64). */
export function signRecord(key: Buffer, record: object): string {
  return createHmac('sha256', key).update(signedText(record), 'utf8').digest('base64');
}

/** Whether the record's signature is this install's, over the fields as they are now; compared in constant time. */
export function signatureMatches(key: Buffer, record: object & { signature?: string | undefined }): boolean {
  if (record.signature === undefined) return false;
  const expected = Buffer.from(signRecord(key, record), 'base64');
  const actual = Buffer.from(record.signature, 'base64');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
