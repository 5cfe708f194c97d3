import { z } from 'zod';

/** The most parts one order may be paid in. */
export const MAX_PAYMENT_PARTS = 20;

/** A part's number on its order: 1, 2, 3 … in the order the parts were opened. */
export const partNumberSchema = z.number().int().min(1).max(MAX_PAYMENT_PARTS);

/**
 * The orderId Toss knows a card part by: the order's id and `-p<part>`. Order ids never hold a
 * lower-case letter, so the suffix cannot be mistaken for part of one; at most 25 characters,
 * within Toss's 6–64 of A–Z a–z 0–9 - _.
 */
export function partOrderId(orderId: string, part: number): string {
  return `${orderId}-p${part}`;
}

/** The order and part a card part's Toss orderId names; null for an order's own id. */
export function parsePartOrderId(tossOrderId: string): { orderId: string; part: number } | null {
  const match = /^(.+)-p([1-9]\d?)$/.exec(tossOrderId);
  if (!match?.[1] || !match[2]) return null;
  const part = Number(match[2]);
  return part <= MAX_PAYMENT_PARTS ? { orderId: match[1], part } : null;
}
