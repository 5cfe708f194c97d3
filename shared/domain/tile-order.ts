import type { Product } from './catalog';

/** Products in the register's tile order: by position, those without one after them in the file's order. */
export function inTileOrder<T extends Pick<Product, 'position'>>(products: readonly T[]): T[] {
  return products
    .map((product, index) => ({ product, index }))
    .sort((a, b) => (a.product.position ?? Infinity) - (b.product.position ?? Infinity) || a.index - b.index)
    .map(({ product }) => product);
}

/**
 * The products with one moved to `position` (1 is the first tile) and every product numbered
 * again 1, 2, 3 … in the new order; null when there is no such product or no such position.
 */
export function movedTo<T extends Pick<Product, 'id' | 'position'>>(
  products: readonly T[],
  productId: string,
  position: number,
): T[] | null {
  const ordered = inTileOrder(products);
  const from = ordered.findIndex((product) => product.id === productId);
  if (from < 0 || !Number.isInteger(position) || position < 1 || position > ordered.length) return null;
  const [moving] = ordered.splice(from, 1);
  if (moving === undefined) return null;
  ordered.splice(position - 1, 0, moving);
  return ordered.map((product, index) => ({ ...product, position: index + 1 }));
}
