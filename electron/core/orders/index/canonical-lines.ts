import { createHash } from 'node:crypto';
import { z } from 'zod';
import { orderSchema, type Order } from '../../../../shared/domain/order';

/**
 * Whether a journal line is already what the order schema gives back (nothing to default, strip
 * or preprocess): such a line is read back with JSON.parse alone. `parsed` is the schema's reading
 * of the line when the caller has it.
 */
export function isCanonicalLine(line: string, parsed?: Order): boolean {
  try {
    return JSON.stringify(parsed ?? orderSchema.parse(JSON.parse(line))) === line;
  } catch {
    return false;
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
