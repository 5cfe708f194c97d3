import type { Product } from '../../../../shared/domain/catalog';
import { call } from '../../lib/ipc';
import { useCart } from './cart-store';

/**
 * Rings up the last paid order again, the lines still on sale: 'none' when there is no such
 * order or none of its lines can be sold now, 'partly' when some could not.
 */
export async function repeatLastOrder(products: ReadonlyMap<string, Product>): Promise<'all' | 'partly' | 'none'> {
  const last = await call('sale:last-paid', {}).catch(() => null);
  if (last === null) return 'none';
  const lines = last.lines.filter((line) => products.get(line.productId)?.soldOut === false);
  if (lines.length === 0) return 'none';
  useCart
    .getState()
    .addLines(lines.map(({ productId, quantity, options, memo }) => ({ productId, quantity, options, memo })));
  return lines.length < last.lines.length ? 'partly' : 'all';
}
