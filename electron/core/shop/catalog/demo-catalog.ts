import { catalogSchema, type Catalog } from '../../../../shared/domain/catalog';

/**
 * A small café, seeded on first start so a new shop (and every test) can ring up a sale. The
 * barcodes are valid EAN-13 codes of a made-up maker (880 1234).
 */
export const demoCatalog: Catalog = catalogSchema.parse({
  categories: [
    { id: 'coffee', name: { ko: '커피', en: 'Coffee' } },
    { id: 'drinks', name: { ko: '음료', en: 'Drinks' } },
    { id: 'bakery', name: { ko: '베이커리', en: 'Bakery' } },
    { id: 'goods', name: { ko: '상품', en: 'Goods' } },
  ],
  products: [
    {
      id: 'americano',
      categoryId: 'coffee',
      name: { ko: '아메리카노', en: 'Americano' },
      price: 4500,
      barcode: '8801234000017',
    },
    {
      id: 'cafe-latte',
      categoryId: 'coffee',
      name: { ko: '카페라테', en: 'Caffè Latte' },
      price: 5000,
      barcode: '8801234000024',
    },
    {
      id: 'vanilla-latte',
      categoryId: 'coffee',
      name: { ko: '바닐라라테', en: 'Vanilla Latte' },
      price: 5500,
      barcode: '8801234000031',
    },
    {
      id: 'cappuccino',
      categoryId: 'coffee',
      name: { ko: '카푸치노', en: 'Cappuccino' },
      price: 5000,
      barcode: '8801234000048',
    },
    {
      id: 'cold-brew',
      categoryId: 'coffee',
      name: { ko: '콜드브루', en: 'Cold Brew' },
      price: 5300,
      barcode: '8801234000055',
    },
    {
      id: 'espresso',
      categoryId: 'coffee',
      name: { ko: '에스프레소', en: 'Espresso' },
      price: 3800,
      barcode: '8801234000062',
    },
    {
      id: 'green-tea-latte',
      categoryId: 'drinks',
      name: { ko: '녹차라테', en: 'Green Tea Latte' },
      price: 5500,
      barcode: '8801234000079',
    },
    {
      id: 'yuja-tea',
      categoryId: 'drinks',
      name: { ko: '유자차', en: 'Citron Tea' },
      price: 5000,
      barcode: '8801234000086',
    },
    {
      id: 'lemonade',
      categoryId: 'drinks',
      name: { ko: '레몬에이드', en: 'Lemonade' },
      price: 5800,
      barcode: '8801234000093',
    },
    {
      id: 'hot-chocolate',
      categoryId: 'drinks',
      name: { ko: '핫초코', en: 'Hot Chocolate' },
      price: 5200,
      barcode: '8801234000109',
    },
    {
      id: 'sparkling-water',
      categoryId: 'drinks',
      name: { ko: '탄산수', en: 'Sparkling Water' },
      price: 2500,
      barcode: '8801234000116',
    },
    {
      id: 'croissant',
      categoryId: 'bakery',
      name: { ko: '크루아상', en: 'Croissant' },
      price: 3900,
      barcode: '8801234000123',
    },
    {
      id: 'bagel',
      categoryId: 'bakery',
      name: { ko: '플레인 베이글', en: 'Plain Bagel' },
      price: 3500,
      barcode: '8801234000130',
    },
    {
      id: 'cheesecake',
      categoryId: 'bakery',
      name: { ko: '치즈케이크', en: 'Cheesecake' },
      price: 6500,
      barcode: '8801234000147',
    },
    { id: 'scone', categoryId: 'bakery', name: { ko: '스콘', en: 'Scone' }, price: 3300, barcode: '8801234000154' },
    {
      id: 'sandwich',
      categoryId: 'bakery',
      name: { ko: '햄치즈 샌드위치', en: 'Ham & Cheese Sandwich' },
      price: 6900,
      barcode: '8801234000161',
    },
    {
      id: 'tumbler',
      categoryId: 'goods',
      name: { ko: '텀블러', en: 'Tumbler' },
      price: 25000,
      barcode: '8801234000178',
    },
    {
      id: 'drip-bag',
      categoryId: 'goods',
      name: { ko: '드립백 5개입', en: 'Drip Bags (5)' },
      price: 9900,
      barcode: '8801234000185',
    },
    {
      id: 'beans-200g',
      categoryId: 'goods',
      name: { ko: '원두 200g', en: 'Coffee Beans 200g' },
      price: 16000,
      barcode: '8801234000192',
    },
    { id: 'mug', categoryId: 'goods', name: { ko: '머그컵', en: 'Mug' }, price: 12000, barcode: '8801234000208' },
  ],
});
