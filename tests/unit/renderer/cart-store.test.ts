import { beforeEach, describe, expect, it } from 'vitest';
import { productSchema, type Product } from '../../../shared/domain/catalog';
import { MAX_LINE_QUANTITY } from '../../../shared/domain/cart-line';
import { contract } from '../../../shared/ipc/contract';
import { demoCatalog } from '../../../electron/core/shop/catalog/demo-catalog';
import { cartView, useCart, type CartLine } from '../../../renderer/src/features/register/cart-store';

const cart = () => useCart.getState();
const lines = () => cart().lines;
const quantities = () => Object.fromEntries(lines().map((line) => [line.productId, line.quantity]));

beforeEach(() => {
  cart().clear();
});

describe('ringing up', () => {
  it('starts empty with nothing selected', () => {
    expect(lines()).toEqual([]);
    expect(cart().selectedKey).toBeNull();
  });

  it('adding a product makes a line of one and selects it', () => {
    cart().add('americano');
    expect(lines()).toEqual([{ productId: 'americano', quantity: 1, options: [], memo: null }]);
    expect(cart().selectedKey).toBe('americano');
  });

  it('adding the same product again counts it up instead of adding a second line', () => {
    cart().add('americano');
    cart().add('americano');
    cart().add('americano');
    expect(lines()).toEqual([{ productId: 'americano', quantity: 3, options: [], memo: null }]);
  });

  it('keeps lines in the order they were rung up, and selects the one just touched', () => {
    cart().add('americano');
    cart().add('bagel');
    cart().add('americano');
    expect(lines().map((line) => line.productId)).toEqual(['americano', 'bagel']);
    expect(quantities()).toEqual({ americano: 2, bagel: 1 });
    expect(cart().selectedKey).toBe('americano');
  });

  it('+ and − change the quantity of that line only, and select it', () => {
    cart().add('americano');
    cart().add('bagel');
    cart().changeQuantity('americano', 1);
    cart().changeQuantity('americano', 1);
    expect(quantities()).toEqual({ americano: 3, bagel: 1 });
    expect(cart().selectedKey).toBe('americano');
    cart().changeQuantity('americano', -1);
    expect(quantities()).toEqual({ americano: 2, bagel: 1 });
  });

  it('− never goes below 1 and never removes the line (Delete does that)', () => {
    cart().add('americano');
    cart().changeQuantity('americano', -1);
    cart().changeQuantity('americano', -1);
    expect(lines()).toEqual([{ productId: 'americano', quantity: 1, options: [], memo: null }]);
    cart().changeQuantity('americano', -50);
    expect(lines()).toEqual([{ productId: 'americano', quantity: 1, options: [], memo: null }]);
  });

  it(`caps a line at ${MAX_LINE_QUANTITY}, by + and by adding again`, () => {
    cart().add('americano');
    cart().changeQuantity('americano', MAX_LINE_QUANTITY + 500);
    expect(quantities()).toEqual({ americano: MAX_LINE_QUANTITY });
    cart().changeQuantity('americano', 1);
    cart().add('americano');
    expect(quantities()).toEqual({ americano: MAX_LINE_QUANTITY });
    cart().changeQuantity('americano', -1);
    expect(quantities()).toEqual({ americano: MAX_LINE_QUANTITY - 1 });
  });

  it('every quantity the cart can reach is one main accepts (so Pay never fails with INVALID_INPUT)', () => {
    const input = contract['sale:create'].input;
    cart().add('americano');
    cart().changeQuantity('americano', 10_000);
    cart().add('bagel');
    expect(input.safeParse({ lines: lines() }).success).toBe(true);
    expect(input.safeParse({ lines: [{ productId: 'americano', quantity: MAX_LINE_QUANTITY + 1 }] }).success).toBe(
      false,
    );
  });

  it('changing the quantity of a product not in the cart adds nothing', () => {
    cart().add('americano');
    cart().changeQuantity('bagel', 1);
    expect(lines()).toEqual([{ productId: 'americano', quantity: 1, options: [], memo: null }]);
  });
});

describe('removing and clearing', () => {
  beforeEach(() => {
    for (const id of ['a', 'b', 'c']) cart().add(id);
  });

  it('Delete on the selected line removes it and moves the selection to the line that took its place', () => {
    cart().select('b');
    cart().remove('b');
    expect(lines().map((line) => line.productId)).toEqual(['a', 'c']);
    expect(cart().selectedKey).toBe('c');
  });

  it('removing the last line moves the selection up, so Delete can be pressed again and again', () => {
    cart().select('c');
    cart().remove('c');
    expect(cart().selectedKey).toBe('b');
    cart().remove('b');
    expect(cart().selectedKey).toBe('a');
    cart().remove('a');
    expect(lines()).toEqual([]);
    expect(cart().selectedKey).toBeNull();
  });

  it('removing another line (by its × button) keeps the selection where it was', () => {
    cart().select('a');
    cart().remove('c');
    expect(lines().map((line) => line.productId)).toEqual(['a', 'b']);
    expect(cart().selectedKey).toBe('a');
  });

  it('removing a product not in the cart changes nothing', () => {
    cart().select('b');
    const before = lines();
    cart().remove('zzz');
    expect(lines()).toBe(before);
    expect(cart().selectedKey).toBe('b');
  });

  it('clear empties the cart and drops the selection (new sale)', () => {
    cart().clear();
    expect(lines()).toEqual([]);
    expect(cart().selectedKey).toBeNull();
    cart().add('a');
    expect(lines()).toEqual([{ productId: 'a', quantity: 1, options: [], memo: null }]);
  });
});

describe('moving the selection with ↑ ↓', () => {
  it('does nothing on an empty cart', () => {
    cart().moveSelection(1);
    cart().moveSelection(-1);
    expect(cart().selectedKey).toBeNull();
  });

  it('moves one line at a time and stops at the ends (no wrap-around)', () => {
    for (const id of ['a', 'b', 'c']) cart().add(id);
    expect(cart().selectedKey).toBe('c');
    cart().moveSelection(-1);
    expect(cart().selectedKey).toBe('b');
    cart().moveSelection(-1);
    expect(cart().selectedKey).toBe('a');
    cart().moveSelection(-1);
    expect(cart().selectedKey).toBe('a');
    cart().moveSelection(1);
    cart().moveSelection(1);
    cart().moveSelection(1);
    expect(cart().selectedKey).toBe('c');
  });

  it('with nothing selected, ↓ picks the first line and ↑ the last', () => {
    for (const id of ['a', 'b', 'c']) cart().add(id);
    cart().select('gone');
    cart().moveSelection(1);
    expect(cart().selectedKey).toBe('a');
    cart().select('gone');
    cart().moveSelection(-1);
    expect(cart().selectedKey).toBe('c');
  });

  it('after clicking a line, arrows move from there', () => {
    for (const id of ['a', 'b', 'c']) cart().add(id);
    cart().select('a');
    cart().moveSelection(1);
    expect(cart().selectedKey).toBe('b');
  });
});

describe('the cart holds what was rung up, never prices', () => {
  it('every line is exactly { productId, quantity, options, memo }, whatever was done to it', () => {
    cart().add('americano');
    cart().add('americano');
    cart().add('bagel');
    cart().changeQuantity('bagel', 4);
    cart().changeQuantity('americano', -1);
    cart().moveSelection(-1);
    cart().remove('nothing');
    for (const line of lines()) {
      expect(Object.keys(line).sort()).toEqual(['memo', 'options', 'productId', 'quantity']);
      expect(Number.isInteger(line.quantity)).toBe(true);
    }
    const state = cart() as unknown as Record<string, unknown>;
    const data = Object.keys(state).filter((key) => typeof state[key] !== 'function');
    // A coupon and a discount are named, never priced: main computes what they take off.
    expect(data.sort()).toEqual(['couponCode', 'lines', 'manualDiscount', 'memo', 'selectedKey']);
  });
});

describe('what the cart panel shows', () => {
  const catalog = new Map<string, Product>([
    [
      'americano',
      productSchema.parse({
        id: 'americano',
        categoryId: 'coffee',
        name: { ko: '아메리카노', en: 'Americano' },
        price: 4500,
      }),
    ],
    [
      'bagel',
      productSchema.parse({
        id: 'bagel',
        categoryId: 'bakery',
        name: { ko: '플레인 베이글', en: 'Plain Bagel' },
        price: 3500,
      }),
    ],
  ]);

  it('prices each line from the catalog and adds up the subtotal', () => {
    const view = cartView(
      [
        { productId: 'americano', quantity: 2, options: [], memo: null },
        { productId: 'bagel', quantity: 3, options: [], memo: null },
      ],
      catalog,
    );
    expect(view.lines.map((line) => [line.product.id, line.quantity, line.total])).toEqual([
      ['americano', 2, 9000],
      ['bagel', 3, 10500],
    ]);
    expect(view.subtotal).toBe(19500);
  });

  it('drops a line whose product left the catalog, from the lines and from the subtotal', () => {
    const lines: CartLine[] = [
      { productId: 'americano', quantity: 1, options: [], memo: null },
      { productId: 'discontinued', quantity: 5, options: [], memo: null },
    ];
    const view = cartView(lines, catalog);
    expect(view.lines.map((line) => line.product.id)).toEqual(['americano']);
    expect(view.subtotal).toBe(4500);
  });

  it('counts the 면세 products’ share apart, so the totals put VAT on the 과세 part only', () => {
    const apples = productSchema.parse({
      id: 'apples',
      categoryId: 'bakery',
      name: { ko: '사과', en: 'Apples' },
      price: 3000,
      taxFree: true,
    });
    const view = cartView(
      [
        { productId: 'americano', quantity: 1, options: [], memo: null },
        { productId: 'apples', quantity: 2, options: [], memo: null },
      ],
      new Map([...catalog, ['apples', apples]]),
    );
    expect(view.subtotal).toBe(10500);
    expect(view.taxFree).toBe(6000);
  });

  it('an empty cart totals 0 won', () => {
    expect(cartView([], catalog)).toEqual({ lines: [], subtotal: 0, taxFree: 0 });
  });

  it('prices a line’s options and lists them in the product’s group order, whatever order they were picked in', () => {
    const latte = productSchema.parse({
      id: 'cafe-latte',
      categoryId: 'coffee',
      name: { ko: '카페라테', en: 'Caffè Latte' },
      price: 5000,
      optionGroupIds: ['temperature', 'size', 'extra-shot'],
    });
    const groups = new Map(demoCatalog.optionGroups.map((group) => [group.id, group]));
    cart().add('cafe-latte', [
      { optionId: 'shot', count: 2 },
      { optionId: 'size-l', count: 1 },
      { optionId: 'ice', count: 1 },
    ]);
    cart().add('cafe-latte', [
      { optionId: 'hot', count: 1 },
      { optionId: 'size-r', count: 1 },
    ]);
    const view = cartView(lines(), new Map([['cafe-latte', latte]]), groups);
    expect(view.lines.map((line) => [line.options.map((o) => `${o.name.ko}×${o.count}`), line.unitPrice])).toEqual([
      [['ICE×1', '라지×1', '샷 추가×2'], 6_500],
      [['HOT×1', '레귤러×1'], 5_000],
    ]);
    expect(view.subtotal).toBe(11_500);
  });
});
