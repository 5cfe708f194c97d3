import type { Product } from '../../../../shared/domain/catalog';
import { latinFromHangulKeys } from '../../../../shared/domain/hangul-keys';

// Spaces and case are ignored: "아이스 아메" finds "아이스 아메리카노", "latte" finds "Caffè Latte" by its English name.
function folded(text: string): string {
  return text.toLocaleLowerCase('ko-KR').replace(/\s+/g, '');
}

/** Products whose Korean or English name, barcode or product code holds what the manager typed. */
export function searchProducts(products: readonly Product[], query: string): Product[] {
  const needle = folded(query);
  if (needle === '') return [...products];
  // A barcode or code typed with the keyboard in 한글 mode is found too.
  const asKeys = folded(latinFromHangulKeys(query));
  return products.filter((product) => {
    const names = [product.name.ko, product.name.en].map(folded);
    const codes = [product.id, product.barcode ?? ''].map(folded);
    return names.some((name) => name.includes(needle)) || codes.some((code) => code.includes(asKeys));
  });
}
