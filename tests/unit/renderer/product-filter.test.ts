import { describe, expect, it } from 'vitest';
import { productSchema, type Product } from '../../../shared/domain/catalog';
import { buildCatalogSearch } from '../../../shared/domain/catalog-search';
import { ALL_CATEGORIES, filterProducts as filterIn } from '../../../renderer/src/features/register/product-filter';

const products: Product[] = (
  [
    { id: 'americano', categoryId: 'coffee', name: { ko: '아메리카노', en: 'Americano' }, price: 4500 },
    {
      id: 'iced-americano',
      categoryId: 'coffee',
      name: { ko: '아이스 아메리카노', en: 'Iced Americano' },
      price: 5000,
    },
    { id: 'cafe-latte', categoryId: 'coffee', name: { ko: '카페라테', en: 'Caffè Latte' }, price: 5000 },
    { id: 'green-tea-latte', categoryId: 'drinks', name: { ko: '녹차라테', en: 'Green Tea Latte' }, price: 5500 },
    { id: 'lemonade', categoryId: 'drinks', name: { ko: '레몬에이드', en: 'Lemonade' }, price: 5800 },
    { id: 'bagel', categoryId: 'bakery', name: { ko: '플레인 베이글', en: 'Plain Bagel' }, price: 3500 },
    { id: 'beans-200g', categoryId: 'goods', name: { ko: '원두 200g', en: 'Coffee Beans 200g' }, price: 16000 },
  ] as const
).map((product) => productSchema.parse(product));

const ids = (list: readonly Product[]) => list.map((product) => product.id);

/** The register's filter over an index built from these products, as the register builds one per catalog. */
const filterProducts = (list: readonly Product[], categoryId: string, query: string) =>
  filterIn(buildCatalogSearch(list), categoryId, query);

describe('product search', () => {
  it('an empty query shows the whole category, in catalog order', () => {
    expect(ids(filterProducts(products, ALL_CATEGORIES, ''))).toEqual(ids(products));
    expect(ids(filterProducts(products, 'drinks', ''))).toEqual(['green-tea-latte', 'lemonade']);
  });

  it('a query of only spaces is still empty', () => {
    expect(ids(filterProducts(products, ALL_CATEGORIES, '   '))).toEqual(ids(products));
  });

  it('finds products by part of the Korean name', () => {
    expect(ids(filterProducts(products, ALL_CATEGORIES, '라테'))).toEqual(['cafe-latte', 'green-tea-latte']);
    expect(ids(filterProducts(products, ALL_CATEGORIES, '레몬'))).toEqual(['lemonade']);
  });

  it('ignores spaces in Korean names and in the query ("아이스아메" finds "아이스 아메리카노")', () => {
    expect(ids(filterProducts(products, ALL_CATEGORIES, '아이스아메'))).toEqual(['iced-americano']);
    expect(ids(filterProducts(products, ALL_CATEGORIES, '플레인베이글'))).toEqual(['bagel']);
    expect(ids(filterProducts(products, ALL_CATEGORIES, '녹차 라테'))).toEqual(['green-tea-latte']);
  });

  it('finds products by the English name, whatever the case', () => {
    for (const query of ['latte', 'LATTE', 'Latte', 'lAtTe']) {
      expect(ids(filterProducts(products, ALL_CATEGORIES, query)), query).toEqual(['cafe-latte', 'green-tea-latte']);
    }
    expect(ids(filterProducts(products, ALL_CATEGORIES, 'ICED AMER'))).toEqual(['iced-americano']);
  });

  it('ignores accents, so "caffe" finds "Caffè Latte" and Korean still matches by syllable', () => {
    expect(ids(filterProducts(products, ALL_CATEGORIES, 'caffe'))).toEqual(['cafe-latte']);
    expect(ids(filterProducts(products, ALL_CATEGORIES, 'CAFFÈ'))).toEqual(['cafe-latte']);
    expect(ids(filterProducts(products, ALL_CATEGORIES, '카페'))).toEqual(['cafe-latte']);
  });

  it('matches mixed text like "200G" against "원두 200g"', () => {
    expect(ids(filterProducts(products, ALL_CATEGORIES, '200G'))).toEqual(['beans-200g']);
    expect(ids(filterProducts(products, ALL_CATEGORIES, '원두200'))).toEqual(['beans-200g']);
  });

  it('the first match is the one Enter adds: "아메" → plain Americano before Iced', () => {
    expect(filterProducts(products, ALL_CATEGORIES, '아메')[0]?.id).toBe('americano');
  });

  it('combines the query with the chosen category', () => {
    expect(ids(filterProducts(products, 'coffee', 'latte'))).toEqual(['cafe-latte']);
    expect(ids(filterProducts(products, 'drinks', 'latte'))).toEqual(['green-tea-latte']);
    expect(ids(filterProducts(products, 'bakery', 'latte'))).toEqual([]);
  });

  it('finds nothing for a name that is not sold, and nothing in an unknown category', () => {
    expect(filterProducts(products, ALL_CATEGORIES, '아이스크림')).toEqual([]);
    expect(filterProducts(products, ALL_CATEGORIES, 'pizza')).toEqual([]);
    expect(filterProducts(products, 'no-such-category', '')).toEqual([]);
  });

  it('finds a product by its code, never by its price', () => {
    expect(ids(filterProducts(products, ALL_CATEGORIES, 'iced-americano'))).toEqual(['iced-americano']);
    expect(filterProducts(products, ALL_CATEGORIES, '4500')).toEqual([]);
  });

  it('leaves the catalog it was given untouched', () => {
    const before = JSON.stringify(products);
    filterProducts(products, 'coffee', 'latte');
    expect(JSON.stringify(products)).toBe(before);
  });
});
