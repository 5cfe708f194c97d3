import { demoCatalog } from '../../../electron/core/shop/catalog/demo-catalog';

/** A product as the synthetic history sells it: how often it is picked is its weight. */
export interface BenchProduct {
  productId: string;
  categoryId: string;
  name: string;
  price: number;
  weight: number;
}

/** How often the demo café's products sell (relative): americano far ahead, goods rarely. */
const DEMO_WEIGHTS: Record<string, number> = {
  americano: 300,
  'cafe-latte': 160,
  'vanilla-latte': 90,
  cappuccino: 50,
  'cold-brew': 60,
  espresso: 20,
  'green-tea-latte': 40,
  'yuja-tea': 30,
  lemonade: 35,
  'hot-chocolate': 20,
  'sparkling-water': 15,
  croissant: 60,
  bagel: 35,
  cheesecake: 40,
  scone: 25,
  sandwich: 45,
  tumbler: 1,
  'drip-bag': 4,
  'beans-200g': 5,
  mug: 2,
};

/** Twenty more, so the catalog has the ~40 products of a real café; a few sell very rarely (search's rare terms). */
const MORE: BenchProduct[] = [
  { productId: 'flat-white', categoryId: 'coffee', name: '플랫화이트', price: 5300, weight: 30 },
  { productId: 'caramel-macchiato', categoryId: 'coffee', name: '카라멜 마키아토', price: 5800, weight: 45 },
  { productId: 'cafe-mocha', categoryId: 'coffee', name: '카페모카', price: 5500, weight: 25 },
  { productId: 'einspanner', categoryId: 'coffee', name: '아인슈페너', price: 6000, weight: 20 },
  { productId: 'decaf-americano', categoryId: 'coffee', name: '디카페인 아메리카노', price: 5000, weight: 18 },
  { productId: 'affogato', categoryId: 'coffee', name: '아포가토', price: 6300, weight: 6 },
  { productId: 'hibiscus-tea', categoryId: 'drinks', name: '히비스커스 티', price: 4800, weight: 8 },
  { productId: 'chamomile-tea', categoryId: 'drinks', name: '캐모마일 티', price: 4800, weight: 8 },
  { productId: 'grapefruit-ade', categoryId: 'drinks', name: '자몽에이드', price: 5800, weight: 25 },
  { productId: 'strawberry-latte', categoryId: 'drinks', name: '딸기라테', price: 6200, weight: 15 },
  { productId: 'mango-smoothie', categoryId: 'drinks', name: '망고 스무디', price: 6500, weight: 12 },
  { productId: 'misutgaru-latte', categoryId: 'drinks', name: '미숫가루 라테', price: 5500, weight: 5 },
  { productId: 'salt-bread', categoryId: 'bakery', name: '소금빵', price: 3200, weight: 40 },
  { productId: 'madeleine', categoryId: 'bakery', name: '마들렌', price: 2500, weight: 20 },
  { productId: 'financier', categoryId: 'bakery', name: '휘낭시에', price: 2800, weight: 15 },
  { productId: 'tiramisu', categoryId: 'bakery', name: '티라미수', price: 6800, weight: 12 },
  { productId: 'egg-tart', categoryId: 'bakery', name: '에그타르트', price: 3000, weight: 10 },
  { productId: 'injeolmi-bingsu', categoryId: 'bakery', name: '인절미 빙수', price: 11000, weight: 3 },
  { productId: 'cold-brew-bottle', categoryId: 'goods', name: '콜드브루 원액 500ml', price: 18000, weight: 0.4 },
  { productId: 'gift-card', categoryId: 'goods', name: '모바일 상품권 3만원', price: 30000, weight: 0.15 },
];

export const BENCH_CATALOG: readonly BenchProduct[] = [
  ...demoCatalog.products.map((product) => ({
    productId: product.id,
    categoryId: product.categoryId,
    name: product.name.ko,
    price: product.price,
    weight: DEMO_WEIGHTS[product.id] ?? 10,
  })),
  ...MORE,
];

/** Search terms by rarity, for the 30-day product-name search: a page fills at once, in a few days, or never. */
export const SEARCH_TERMS: ReadonlyArray<{ term: string; rarity: string }> = [
  { term: '아메리카노', rarity: 'common' },
  { term: '라테', rarity: 'substring' },
  { term: '빙수', rarity: 'rare' },
  { term: '상품권', rarity: 'rarest' },
];
