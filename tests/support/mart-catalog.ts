import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Catalog, Category, Product } from '../../shared/domain/catalog';

/**
 * A mart's catalog as catalog.json holds it: `products` in `categories` categories, Korean and
 * English names, EAN-13 barcodes. The same numbers always make the same catalog, so the e2e spec
 * and the bench look for products they can name: product n is `mart-n`, barcode `martBarcode(n)`.
 */

const ITEMS: ReadonlyArray<readonly [string, string]> = [
  ['아메리카노', 'Americano'],
  ['우유', 'Milk'],
  ['라면', 'Ramen'],
  ['생수', 'Water'],
  ['두부', 'Tofu'],
  ['계란', 'Eggs'],
  ['식빵', 'Bread'],
  ['김치', 'Kimchi'],
  ['참치캔', 'Canned tuna'],
  ['고추장', 'Gochujang'],
  ['된장', 'Doenjang'],
  ['햇반', 'Cooked rice'],
  ['요구르트', 'Yogurt'],
  ['감자칩', 'Potato chips'],
  ['초콜릿', 'Chocolate'],
  ['사과주스', 'Apple juice'],
  ['녹차', 'Green tea'],
  ['세제', 'Detergent'],
  ['휴지', 'Tissue'],
  ['칫솔', 'Toothbrush'],
];

const MAKERS: ReadonlyArray<readonly [string, string]> = [
  ['해담', 'Haedam'],
  ['초록', 'Chorok'],
  ['바른', 'Bareun'],
  ['온누리', 'Onnuri'],
  ['한빛', 'Hanbit'],
  ['새봄', 'Saebom'],
  ['다온', 'Daon'],
  ['푸른', 'Pureun'],
];

/** The EAN-13 of product n (a made-up maker 880 9…; the last digit is the check digit). */
export function martBarcode(n: number): string {
  const body = `8809${String(n).padStart(8, '0')}`;
  const sum = [...body].reduce((total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** Product n's names: maker, item and n, so each name is its own ("해담 우유 2345"). */
export function martName(n: number): { ko: string; en: string } {
  const [itemKo, itemEn] = ITEMS[n % ITEMS.length] as readonly [string, string];
  const [makerKo, makerEn] = MAKERS[Math.floor(n / ITEMS.length) % MAKERS.length] as readonly [string, string];
  return { ko: `${makerKo} ${itemKo} ${n}`, en: `${makerEn} ${itemEn} ${n}` };
}

/** Product n's id, which the register also finds as its product code. */
export function martProductId(n: number): string {
  return `mart-${n}`;
}

export function martCatalog(products = 50_000, categories = 200): Catalog {
  const cats: Category[] = Array.from({ length: categories }, (_, i) => ({
    id: `aisle-${i + 1}`,
    name: { ko: `진열대 ${i + 1}`, en: `Aisle ${i + 1}` },
    retired: false,
  }));
  const items: Product[] = Array.from({ length: products }, (_, i) => {
    const n = i + 1;
    return {
      id: martProductId(n),
      categoryId: `aisle-${(i % categories) + 1}`,
      name: martName(n),
      price: 500 + (n % 97) * 100,
      barcode: martBarcode(n),
      soldOut: false,
      retired: false,
      priceHistory: [],
      optionGroupIds: [],
      taxFree: false,
    };
  });
  return { categories: cats, products: items, optionGroups: [] };
}

/** Writes the mart's catalog.json into a data folder, as the app's own store would have it. */
export async function writeMartCatalog(dataDir: string, products = 50_000, categories = 200): Promise<void> {
  await writeFile(join(dataDir, 'catalog.json'), JSON.stringify(martCatalog(products, categories)));
}
