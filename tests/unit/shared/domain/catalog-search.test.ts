import { describe, expect, it } from 'vitest';
import { productSchema, type Product } from '../../../../shared/domain/catalog';
import { buildCatalogSearch, chosungOf } from '../../../../shared/domain/catalog-search';
import { martBarcode, martCatalog } from '../../../support/mart-catalog';

const products: Product[] = (
  [
    {
      id: 'americano',
      categoryId: 'coffee',
      name: { ko: '아메리카노', en: 'Americano' },
      price: 4500,
      barcode: '8801234000017',
    },
    {
      id: 'iced-americano',
      categoryId: 'coffee',
      name: { ko: '아이스 아메리카노', en: 'Iced Americano' },
      price: 5000,
    },
    { id: 'cafe-latte', categoryId: 'coffee', name: { ko: '카페라테', en: 'Caffè Latte' }, price: 5000 },
    { id: 'ssanghwa', categoryId: 'tea', name: { ko: '쌍화차', en: 'Ssanghwa tea' }, price: 6000, barcode: 'TEA-77' },
    { id: 'a1', categoryId: 'goods', name: { ko: '원두 200g', en: 'Beans' }, price: 16000 },
  ] as const
).map((product) => productSchema.parse(product));

const ids = (list: readonly Product[]) => list.map((product) => product.id);

describe('초성', () => {
  it('reads every syllable as its initial consonant, doubled ones and the last (ㅎ) included', () => {
    expect(chosungOf('아메리카노')).toBe('ㅇㅁㄹㅋㄴ');
    expect(chosungOf('쌍화차')).toBe('ㅆㅎㅊ');
    expect(chosungOf('힣가')).toBe('ㅎㄱ');
    expect(chosungOf('원두 200g')).toBe('ㅇㄷ 200g');
  });
});

describe('catalog search', () => {
  const search = buildCatalogSearch(products);

  it('finds names by their 초성 as a cashier types them', () => {
    expect(ids(search.search('ㅇㅁㄹㅋㄴ'))).toEqual(['americano', 'iced-americano']);
    expect(ids(search.search('ㅇㅇㅅ'))).toEqual(['iced-americano']);
    expect(ids(search.search('ㅆㅎ'))).toEqual(['ssanghwa']);
  });

  it('finds a name while its last syllable is still being composed (아메ㄹ)', () => {
    expect(ids(search.search('아메ㄹ'))).toEqual(['americano', 'iced-americano']);
    expect(search.search('아메ㅋ')).toEqual([]);
  });

  it('finds Korean and English names without spaces, case or accents', () => {
    expect(ids(search.search('아이스아메'))).toEqual(['iced-americano']);
    expect(ids(search.search('caffe'))).toEqual(['cafe-latte']);
    expect(ids(search.search('ICED AMER'))).toEqual(['iced-americano']);
  });

  it('puts the product whose code or barcode is exactly the query first', () => {
    expect(ids(search.search('a1'))).toEqual(['a1']);
    expect(ids(search.search('tea-77'))).toEqual(['ssanghwa']);
    expect(ids(search.search('8801234000017'))).toEqual(['americano']);
    // "americano" is a code too: that product first, the rest as found.
    expect(ids(search.search('americano'))).toEqual(['americano', 'iced-americano']);
  });

  it('reads a code typed in 한글 mode as its Latin keys', () => {
    expect(ids(search.search('ㅁ1'))).toEqual(['a1']);
  });

  it('gives the same answer typing on, back and over as when asked afresh', () => {
    const typed = buildCatalogSearch(products);
    for (const query of ['아', '아메', '아메ㄹ', '아메리', '아메', 'ㅇ', 'ㅇㅁ', 'c', 'ca', 'caf', 'cafe-', 'ca', '']) {
      expect(ids(typed.search(query)), query).toEqual(ids(buildCatalogSearch(products).search(query)));
    }
  });

  it('never finds a query across two products’ names or codes', () => {
    // Caffè Latte then 쌍화차, their 초성, americano's barcode then iced-americano's code: the seams hold nothing.
    expect(search.search('latte쌍')).toEqual([]);
    expect(search.search('ㅌㅆ')).toEqual([]);
    expect(search.search('17iced')).toEqual([]);
  });

  it('looks a barcode up exactly, and lists a category in the order given', () => {
    expect(search.byBarcode('TEA-77')?.id).toBe('ssanghwa');
    expect(search.byBarcode('TEA-7')).toBeUndefined();
    expect(ids(search.inCategory('coffee'))).toEqual(['americano', 'iced-americano', 'cafe-latte']);
    expect(search.inCategory('none')).toEqual([]);
    expect(search.inCategory(null)).toBe(products);
  });

  it('finds the one product a mart of 50,000 has by barcode, code and name', () => {
    const mart = buildCatalogSearch(martCatalog(50_000, 200).products);
    expect(mart.byBarcode(martBarcode(23_456))?.id).toBe('mart-23456');
    expect(mart.search('mart-23456')[0]?.id).toBe('mart-23456');
    expect(ids(mart.search('23456'))).toContain('mart-23456');
    expect(mart.search('ㅇㅁㄹㅋㄴ').every((p) => p.name.ko.includes('아메리카노'))).toBe(true);
    expect(mart.search('ㅇㅁㄹㅋㄴ')).toHaveLength(2_500);
    // A barcode's first keys match every product, in the catalog's order.
    expect(
      mart
        .search('8809')
        .map((p) => p.id)
        .slice(0, 2),
    ).toEqual(['mart-1', 'mart-2']);
    expect(mart.search('8809')).toHaveLength(50_000);
  });
});
