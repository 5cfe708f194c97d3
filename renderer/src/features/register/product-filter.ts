import type { Product } from '../../../../shared/domain/catalog';
import type { CatalogSearch } from '../../../../shared/domain/catalog-search';

export const ALL_CATEGORIES = 'all';

/**
 * What the register shows: a category's products (or all) while the search is empty, else the
 * products the search finds in it (names, 초성, product code, barcode; see catalog-search).
 */
export function filterProducts(search: CatalogSearch, categoryId: string, query: string): readonly Product[] {
  const category = categoryId === ALL_CATEGORIES ? null : categoryId;
  if (query.trim() === '') return search.inCategory(category);
  const found = search.search(query);
  return category === null ? found : found.filter((product) => product.categoryId === category);
}
