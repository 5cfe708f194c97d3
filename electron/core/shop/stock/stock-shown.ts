import type { Catalog, Product } from '../../../../shared/domain/catalog';

/** A catalog as last shown with what is left, and what it was made from. */
export interface StockShown {
  catalog: Catalog;
  /** The tally's version it was made at. */
  version: number;
  /** What was left of each counted product, in the catalog's order. */
  lefts: readonly number[];
  answer: Catalog;
}

/** Where a version of the catalog has counted products: found once per version, not at every call. */
const countedOf = new WeakMap<Catalog, readonly number[]>();

function countedIn(catalog: Catalog): readonly number[] {
  let counted = countedOf.get(catalog);
  if (counted === undefined) {
    counted = catalog.products.flatMap((product, i) => (product.stock ? [i] : []));
    countedOf.set(catalog, counted);
  }
  return counted;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

/**
 * `catalog` (frozen, as the catalog file shares it) with what is left of each counted product:
 * the last answer again when nothing left has changed (a sale of uncounted products), so what
 * readers are given, a mart's 50,000 products, is made again only when a count or what is left changes.
 */
export function shownWithLeft(
  catalog: Catalog,
  soldOutAtZero: boolean,
  version: number,
  left: (product: Product) => number | null,
  last: StockShown | undefined,
): StockShown {
  const counted = countedIn(catalog);
  const lefts = counted.map((i) => left(catalog.products[i] as Product) ?? 0);
  if (last?.catalog === catalog && sameNumbers(last.lefts, lefts)) return { ...last, version };
  if (counted.length === 0) return { catalog, version, lefts, answer: catalog };
  const products = [...catalog.products];
  // A product whose count did not change is the same record as last shown: only the others are checked again on the way out.
  const before = last?.catalog === catalog ? last : undefined;
  counted.forEach((i, k) => {
    const stockLeft = lefts[k] as number;
    if (before !== undefined && before.lefts[k] === stockLeft) {
      products[i] = before.answer.products[i] as Product;
      return;
    }
    const product = products[i] as Product;
    products[i] = Object.freeze({
      ...product,
      stockLeft,
      soldOut: product.soldOut || (soldOutAtZero && stockLeft <= 0),
    });
  });
  Object.freeze(products);
  return { catalog, version, lefts, answer: Object.freeze({ ...catalog, products }) };
}
