import type { Product } from '../../../../shared/domain/catalog';
import { parseWholeNumber } from '../../lib/whole-number';

/** The stock field as the dialog first shows it: what is left now, empty when stock is not counted. */
export function stockShown(product: Pick<Product, 'stock' | 'stockLeft'> | null): string {
  const left = product?.stockLeft ?? product?.stock?.count;
  return left === undefined ? '' : String(Math.max(0, left));
}

/**
 * What to send for the stock field: absent when untouched (a save never recounts by itself),
 * null when emptied (stop counting), else the new count; 'invalid' for anything else.
 */
export function readStockField(typed: string, shown: string): number | null | undefined | 'invalid' {
  if (typed.trim() === shown) return undefined;
  if (typed.trim() === '') return null;
  const count = parseWholeNumber(typed);
  return count >= 0 && count <= 1_000_000 ? count : 'invalid';
}
