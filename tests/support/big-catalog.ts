import type { Catalog, Category, Product } from '../../shared/domain/catalog';
import { Rng } from './rng';

/** The check digit that makes 12 digits a valid EAN-13 code. */
export function ean13CheckDigit(first12: string): number {
  const sum = [...first12].reduce((total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10;
}

/** Product n's EAN-13 barcode: a made-up Korean maker (880 5) and the product's number. */
export function bigBarcode(n: number): string {
  const first12 = `8805${String(n).padStart(8, '0')}`;
  return `${first12}${ean13CheckDigit(first12)}`;
}

/** Product n's code, which is also its id (what a mart's shelf labels print). */
export function bigProductCode(n: number): string {
  return `p-${String(n).padStart(5, '0')}`;
}

export interface BigCatalogOptions {
  products?: number;
  categories?: number;
  seed?: number;
}

/**
 * A mart's catalog for tests and benchmarks: `products` products (50,000 by default) in
 * `categories` categories (200), named "상품 1" … "상품 50000" / "Product 1" …, each with a valid
 * EAN-13 barcode (bigBarcode), its code as id (bigProductCode), a price of 500–50,000 won in
 * steps of 100 and its first price in its history. The same seed gives the same catalog.
 */
export function bigCatalog(options: BigCatalogOptions = {}): Catalog {
  const { products: count = 50_000, categories: categoryCount = 200, seed = 22 } = options;
  const rng = new Rng(seed);
  const categories: Category[] = Array.from({ length: categoryCount }, (_, i) => ({
    id: `c-${String(i + 1).padStart(3, '0')}`,
    name: { ko: `분류 ${i + 1}`, en: `Category ${i + 1}` },
    retired: false,
  }));
  const products: Product[] = Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const price = rng.int(5, 500) * 100;
    return {
      id: bigProductCode(n),
      categoryId: categories[i % categoryCount]?.id ?? 'c-001',
      name: { ko: `상품 ${n}`, en: `Product ${n}` },
      price,
      barcode: bigBarcode(n),
      soldOut: false,
      retired: false,
      priceHistory: [{ price, from: '2026-01-02T09:00:00+09:00', by: '점장' }],
      optionGroupIds: [],
      taxFree: false,
    };
  });
  return { categories, products, optionGroups: [] };
}
