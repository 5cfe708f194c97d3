import type { Product } from '../../../../shared/domain/catalog';

export const ALL_CATEGORIES = 'all';

// Spaces are ignored so "아이스아메" finds "아이스 아메리카노".
function normalise(text: string): string {
  return text.toLocaleLowerCase('ko-KR').replace(/\s+/g, '');
}

/** Products in a category (or all) whose Korean or English name contains the query. */
export function filterProducts(products: readonly Product[], categoryId: string, query: string): Product[] {
  const needle = normalise(query);
  return products.filter(
    (product) =>
      (categoryId === ALL_CATEGORIES || product.categoryId === categoryId) &&
      (needle === '' || normalise(product.name.ko).includes(needle) || normalise(product.name.en).includes(needle)),
  );
}
