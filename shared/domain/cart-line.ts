import { z } from 'zod';
import { catalogIdSchema } from './catalog';

/** The largest quantity of one product on one order; beyond it is a typo, not a sale. */
export const MAX_LINE_QUANTITY = 999;

/** How many of one option a line may take ("샷 추가" three times); beyond it is a typo. */
export const MAX_OPTION_COUNT = 9;

/** A note the cashier types for the kitchen or the table ("얼음 적게", "5번 테이블"): one line, no control characters. */
export const memoSchema = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[^\p{Cc}\p{Cf}]+$/u, 'a memo is one line of plain text');

/** One option the cashier picked for a line, and how many of it. */
export const optionPickSchema = z.strictObject({
  optionId: catalogIdSchema,
  count: z.number().int().min(1).max(MAX_OPTION_COUNT),
});
export type OptionPick = z.infer<typeof optionPickSchema>;

/**
 * A cart line as the register sends it: the product, how many, the options picked and a memo.
 * Prices never travel with it; main prices every line from its own catalog.
 */
export const cartLineSchema = z.object({
  productId: z.string().min(1).max(40),
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
  options: z.array(optionPickSchema).max(30).default([]),
  memo: memoSchema.nullable().default(null),
});
export type CartLine = z.infer<typeof cartLineSchema>;

/** The key of a line: what makes two lines the same (product, options and memo), "latte" or "latte~1a2b3c4d". */
export const lineKeySchema = z.string().regex(/^[a-z0-9-]{1,40}(~[0-9a-f]{8})?$/, 'not a line key');

/** Options in one order, each once: the same picks in any order are the same line. */
export function canonicalPicks(options: readonly OptionPick[]): OptionPick[] {
  const counts = new Map<string, number>();
  for (const { optionId, count } of options) counts.set(optionId, (counts.get(optionId) ?? 0) + count);
  return [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([optionId, count]) => ({ optionId, count }));
}

/**
 * A plain line's key is its product id (as every order before options had it); a line with
 * options or a memo adds a hash of them, the same in main and in the renderer.
 */
export function lineKeyOf(line: {
  productId: string;
  options: readonly Pick<OptionPick, 'optionId' | 'count'>[];
  memo: string | null;
}): string {
  if (line.options.length === 0 && line.memo === null) return line.productId;
  const picks = canonicalPicks(line.options)
    .map((pick) => `${pick.optionId}*${pick.count}`)
    .join(',');
  return `${line.productId}~${fnv1a(`${picks}|${line.memo ?? ''}`)}`;
}

/** 32-bit FNV-1a over UTF-16 code units, as 8 hex digits: short, stable and the same everywhere. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The line of `lines` that `key` names: by its line key, or (as requests made before options
 * did) by a product id that only one line has. Null when it names none, or several.
 */
export function lineNamed<Line extends Parameters<typeof lineKeyOf>[0]>(
  lines: readonly Line[],
  key: string,
): Line | null {
  const exact = lines.find((line) => lineKeyOf(line) === key);
  if (exact) return exact;
  const ofProduct = lines.filter((line) => line.productId === key);
  return ofProduct.length === 1 ? (ofProduct[0] ?? null) : null;
}

/**
 * Orders stored before options keyed discount shares and refunded lines by `productId`; read
 * them as the line key they were (a plain line's key is its product id).
 */
export function readLegacyLineKey(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || 'lineKey' in value || !('productId' in value)) return value;
  const { productId, ...rest } = value as { productId: unknown };
  return { lineKey: productId, ...rest };
}
