import { describe, expect, it } from 'vitest';
import type { Product } from '../../../../shared/domain/catalog';
import { PosError, type PosErrorCode } from '../../../../shared/domain/errors';
import { vatSplit } from '../../../../shared/domain/money';
import { MAX_LINE_QUANTITY } from '../../../../shared/domain/cart-line';
import { orderIdSchema } from '../../../../shared/domain/order';
import { seoulDay } from '../../../../shared/domain/time';
import { demoCatalog } from '../../../../electron/core/shop/catalog/demo-catalog';
import { newOrderId } from '../../../../electron/core/orders/order-id';
import { orderNameFor, priceCart, type CartLineRequest } from '../../../../electron/core/shop/catalog/pricing';
import { withCore } from '../../helpers/pos';

const demo = (id: string) => demoCatalog.products.find((p) => p.id === id);

function price(request: CartLineRequest[], lookup: (id: string) => Product | undefined = demo) {
  return priceCart({ product: lookup, optionGroup: () => undefined }, request);
}

function posErrorOf(run: () => unknown): PosErrorCode {
  try {
    run();
  } catch (error) {
    if (error instanceof PosError) return error.code;
    throw error;
  }
  throw new Error('expected a PosError');
}

describe('priceCart', () => {
  it('prices every line from the catalog and splits VAT off the total', () => {
    const cart = price([
      { productId: 'americano', quantity: 2 },
      { productId: 'croissant', quantity: 1 },
    ]);
    expect(cart.lines).toEqual([
      {
        productId: 'americano',
        name: '아메리카노',
        unitPrice: 4_500,
        quantity: 2,
        lineTotal: 9_000,
        discount: 0,
        options: [],
        memo: null,
      },
      {
        productId: 'croissant',
        name: '크루아상',
        unitPrice: 3_900,
        quantity: 1,
        lineTotal: 3_900,
        discount: 0,
        options: [],
        memo: null,
      },
    ]);
    expect(cart.amount).toBe(12_900);
    const { supply, vat } = vatSplit(12_900);
    expect(cart.supplyAmount).toBe(supply);
    expect(cart.vatAmount).toBe(vat);
    expect(cart.supplyAmount + cart.vatAmount).toBe(cart.amount);
  });

  it('takes the price the shop set, whatever else the request carries', () => {
    const fromRenderer = [
      { productId: 'tumbler', quantity: 1, unitPrice: 1, lineTotal: 1, discount: 0, options: [], memo: null },
    ];
    const sneaky: CartLineRequest[] = fromRenderer;
    expect(price(sneaky).amount).toBe(25_000);
    // And a changed catalog changes the price.
    const discounted = (id: string) => (id === 'tumbler' ? { ...demo('tumbler')!, price: 19_000 } : demo(id));
    expect(price(sneaky, discounted).amount).toBe(19_000);
  });

  it('merges repeated products into one line, in the order they were first rung up', () => {
    const cart = price([
      { productId: 'americano', quantity: 1 },
      { productId: 'cafe-latte', quantity: 1 },
      { productId: 'americano', quantity: 2 },
    ]);
    expect(cart.lines.map((l) => [l.productId, l.quantity, l.lineTotal])).toEqual([
      ['americano', 3, 13_500],
      ['cafe-latte', 1, 5_000],
    ]);
    expect(cart.amount).toBe(18_500);
  });

  it('refuses an empty cart, and names nothing for no lines, saying so in the log’s words', () => {
    expect(posErrorOf(() => price([]))).toBe('EMPTY_CART');
    expect(() => price([])).toThrow('the cart has no lines');
    expect(posErrorOf(() => orderNameFor([]))).toBe('EMPTY_CART');
    expect(() => orderNameFor([])).toThrow('no lines to name');
  });

  it('refuses a product marked sold out, naming it', () => {
    const soldOut = (id: string) => {
      const product = demo(id);
      return product && { ...product, soldOut: true };
    };
    expect(posErrorOf(() => price([{ productId: 'americano', quantity: 1 }], soldOut))).toBe('PRODUCT_SOLD_OUT');
    expect(() => price([{ productId: 'americano', quantity: 1 }], soldOut)).toThrow('americano is sold out');
  });

  it('refuses a product the shop does not sell', () => {
    expect(
      posErrorOf(() =>
        price([
          { productId: 'americano', quantity: 1 },
          { productId: 'unicorn-latte', quantity: 1 },
        ]),
      ),
    ).toBe('UNKNOWN_PRODUCT');
    expect(() => price([{ productId: 'unicorn-latte', quantity: 1 }])).toThrow('no product unicorn-latte');
  });

  it(`caps one product at ${MAX_LINE_QUANTITY}, also when the quantity is split over several lines`, () => {
    expect(price([{ productId: 'americano', quantity: MAX_LINE_QUANTITY }]).amount).toBe(4_500 * MAX_LINE_QUANTITY);
    expect(posErrorOf(() => price([{ productId: 'americano', quantity: MAX_LINE_QUANTITY + 1 }]))).toBe(
      'INVALID_INPUT',
    );
    expect(() => price([{ productId: 'americano', quantity: MAX_LINE_QUANTITY + 1 }])).toThrow(
      `quantity of americano over ${MAX_LINE_QUANTITY}`,
    );
    expect(
      posErrorOf(() =>
        price([
          { productId: 'americano', quantity: 500 },
          { productId: 'americano', quantity: 500 },
        ]),
      ),
    ).toBe('INVALID_INPUT');
  });

  describe('orderName', () => {
    it('is the product name for one line and "첫 상품 외 N건" for more', () => {
      expect(price([{ productId: 'americano', quantity: 3 }]).orderName).toBe('아메리카노');
      expect(
        price([
          { productId: 'americano', quantity: 1 },
          { productId: 'croissant', quantity: 2 },
          { productId: 'mug', quantity: 1 },
        ]).orderName,
      ).toBe('아메리카노 외 2건');
    });

    it('stays within Toss’s 100 characters even for the longest product name', () => {
      const longName = '가'.repeat(100);
      const catalog = (id: string): Product | undefined =>
        id === 'long'
          ? {
              id: 'long',
              categoryId: 'goods',
              name: { ko: longName, en: 'x'.repeat(100) },
              price: 1_000,
              barcode: null,
              optionGroupIds: [],
              soldOut: false,
              retired: false,
              priceHistory: [],
              taxFree: false,
            }
          : demo(id);
      const single = price([{ productId: 'long', quantity: 1 }], catalog).orderName;
      expect(single).toBe(longName);
      const many = price(
        [
          { productId: 'long', quantity: 1 },
          { productId: 'americano', quantity: 1 },
          { productId: 'mug', quantity: 1 },
        ],
        catalog,
      ).orderName;
      expect(many.length).toBeLessThanOrEqual(100);
      expect(many.endsWith(' 외 2건')).toBe(true);
      expect(many.startsWith('가가가')).toBe(true);
    });
  });
});

describe('order ids', () => {
  it('read YYYYMMDD-<12 unambiguous characters> and fit Toss’s 6–64 [A-Za-z0-9_-]', () => {
    const ids = Array.from({ length: 500 }, () => newOrderId('2026-03-02'));
    for (const id of ids) {
      expect(id).toMatch(/^\d{8}-[0-9A-Z]{12}$/);
      expect(id).toMatch(/^[A-Za-z0-9_-]{6,64}$/);
      expect(id).not.toMatch(/-.*[ILOU]/); // no letters a cashier could misread aloud
      expect(orderIdSchema.safeParse(id).success).toBe(true);
      expect(id.startsWith('20260302-')).toBe(true);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([
    ['2026-11-27T16:00:00Z', '2026-11-28'], // 01:00 the next morning in Seoul
    ['2026-11-27T14:59:59Z', '2026-11-27'], // 23:59:59 in Seoul
    ['2026-12-31T15:00:00Z', '2027-01-01'],
  ])('an order rung up at %s belongs to the Seoul business day %s', async (instant, day) => {
    expect(seoulDay(new Date(instant))).toBe(day);

    const h = await withCore({ now: () => new Date(instant) });
    const created = await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
    expect(created.orderId.startsWith(`${day.replaceAll('-', '')}-`)).toBe(true);
    const stored = await h.ok('sale:get', { orderId: created.orderId });
    expect(stored.businessDay).toBe(day);
    expect(stored.amount).toBe(4_500);
    expect(stored.status).toBe('PENDING');
  });
});
