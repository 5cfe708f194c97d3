import type { Product } from '../../../../shared/domain/catalog';

export const ALL_CATEGORIES = 'all';

// Spaces and accents are ignored: "아이스아메" finds "아이스 아메리카노", "caffe" finds "Caffè".
// Recomposing (NFC) after dropping the marks puts Hangul syllables back together.
function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC').toLocaleLowerCase('ko-KR').replace(/\s+/g, '');
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
