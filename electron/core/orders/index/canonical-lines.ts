import { createHash } from 'node:crypto';
import { z } from 'zod';
import { orderSchema, type Order } from '../../../../shared/domain/order';

/**
 * A hash of a line's text (FNV-1a over its UTF-16 units, 30 bits so it stays a small integer in
 * memory). A line read back is taken without the schema only when its hash is the one the index
 * kept: the same bytes the index checked, not whatever now sits at that place in the journal.
 */
export function lineHashOf(line: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < line.length; i += 1) hash = Math.imul(hash ^ line.charCodeAt(i), 0x01000193);
  return hash & 0x3fffffff;
}

/**
 * The line's hash when it is already what the order schema gives back (nothing to default, strip
 * or preprocess): such a line is read back with JSON.parse alone. Undefined for any other line.
 * `parsed` is the schema's reading of the line when the caller has it.
 */
export function canonicalHashOf(line: string, parsed?: Order): number | undefined {
  try {
    return JSON.stringify(parsed ?? orderSchema.parse(JSON.parse(line))) === line ? lineHashOf(line) : undefined;
  } catch {
    return undefined;
  }
}

let fingerprint: string | null = null;

/**
 * A hash of the order schema's shape, in and out, kept with the index: lines marked canonical
 * under another schema may not be any more, so an index built under another one is rebuilt.
 */
export function orderSchemaFingerprint(): string {
  fingerprint ??= createHash('sha256')
    .update(JSON.stringify(z.toJSONSchema(orderSchema, { io: 'input', unrepresentable: 'any' })))
    .update(JSON.stringify(z.toJSONSchema(orderSchema, { io: 'output', unrepresentable: 'any' })))
    .digest('hex')
    .slice(0, 16);
  return fingerprint;
}
