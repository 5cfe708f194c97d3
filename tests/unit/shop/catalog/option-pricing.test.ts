import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MenuOption, OptionGroup, Product } from '../../../../shared/domain/catalog';
import { PosError } from '../../../../shared/domain/errors';
import { vatSplit } from '../../../../shared/domain/money';
import { priceCart, type PriceList } from '../../../../electron/core/shop/catalog/pricing';
import { checkOptions } from '../../../../electron/core/shop/catalog/option-rules';

/**
 * Pricing against an independent reading of the rules, over random catalogs (ones the group
 * editor accepts) and random picks: a valid choice is priced to the won, an invalid one is
 * refused as OPTION_INVALID with a reason that is one of the faults the choice has (the only
 * one, when it has one).
 */

const rarely = fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) });

function groupArb(index: number): fc.Arbitrary<OptionGroup> {
  const optionArb = fc.record({ price: fc.integer({ min: 0, max: 10_000 }), soldOut: rarely, retired: rarely });
  return fc.array(optionArb, { minLength: 1, maxLength: 4 }).chain((drawn) => {
    const options: MenuOption[] = drawn.map((option, i) => ({
      id: `o${index}-${i}`,
      name: { ko: `옵션 ${index}-${i}`, en: `Option ${index}-${i}` },
      priceHistory: [],
      ...option,
    }));
    const open = options.filter((o) => !o.retired).map((o) => o.id);
    return fc
      .record({
        min: fc.integer({ min: 0, max: Math.min(3, open.length) }),
        extra: fc.integer({ min: 0, max: 3 }),
        retired: rarely,
        chosen: fc.shuffledSubarray(open),
      })
      .map(({ min, extra, retired, chosen }): OptionGroup => {
        const max = Math.max(min, 1) + extra;
        // The editor's rule: a required group preselects enough open options to meet its minimum.
        const defaults = chosen.length >= min ? chosen.slice(0, max) : open.slice(0, min);
        return {
          id: `g${index}`,
          name: { ko: `그룹 ${index}`, en: `Group ${index}` },
          min,
          max,
          options,
          defaults,
          retired,
        };
      });
  });
}

interface Shop {
  groups: OptionGroup[];
  products: Product[];
}

const shopArb: fc.Arbitrary<Shop> = fc
  .integer({ min: 1, max: 5 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => groupArb(i))))
  .chain((groups) =>
    fc
      .array(
        fc.record({
          price: fc.integer({ min: 1, max: 50_000 }),
          groupIds: fc.shuffledSubarray(groups.map((g) => g.id)),
        }),
        { minLength: 1, maxLength: 3 },
      )
      .map((drawn) => ({
        groups,
        products: drawn.map(({ price, groupIds }, i): Product => ({
          id: `p${i}`,
          categoryId: 'menu',
          name: { ko: `상품 ${i}`, en: `Product ${i}` },
          price,
          barcode: null,
          soldOut: false,
          retired: false,
          priceHistory: [],
          optionGroupIds: groupIds,
          taxFree: false,
        })),
      })),
  );

interface Line {
  productId: string;
  quantity: number;
  options: Array<{ optionId: string; count: number }>;
}

const STRAY = 'no-such-option';

function cartArb(shop: Shop): fc.Arbitrary<Line[]> {
  const everyId = [...shop.groups.flatMap((g) => g.options.map((o) => o.id)), STRAY];
  const count = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 2 }) }, fc.integer({ min: 1, max: 9 }));
  const lineArb = fc.constantFrom(...shop.products).chain((product) => {
    const own = shop.groups.filter((g) => product.optionGroupIds.includes(g.id)).flatMap((g) => g.options);
    // Mostly the product's own options (so that many choices are valid), now and then any id at all.
    const id =
      own.length === 0
        ? fc.constantFrom(...everyId)
        : fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...own.map((o) => o.id)) }, fc.constantFrom(...everyId));
    return fc.record({
      productId: fc.constant(product.id),
      quantity: fc.integer({ min: 1, max: 20 }),
      options: fc.array(fc.record({ optionId: id, count }), { maxLength: 4 }),
    });
  });
  return fc.uniqueArray(lineArb, { minLength: 1, maxLength: 2, selector: (line) => line.productId });
}

type Fault = 'too-few' | 'too-many' | 'sold-out' | 'retired' | 'stray';
const reasonOf: Record<Fault, string> = {
  'too-few': 'too-few',
  'too-many': 'too-many',
  'sold-out': 'sold-out',
  retired: 'not-offered',
  stray: 'not-offered',
};

interface Expected {
  faults: Fault[];
  sold: Array<{ groupId: string; optionId: string; count: number; unitPrice: number }>;
}

/** The rules as the issue states them, read independently of pricing.ts. */
function expectedFor(shop: Shop, line: Line): Expected {
  const product = shop.products.find((p) => p.id === line.productId);
  if (!product) throw new Error('no product');
  const wanted = new Map<string, number>();
  for (const { optionId, count } of line.options) wanted.set(optionId, (wanted.get(optionId) ?? 0) + count);
  const faults: Fault[] = [];
  const sold: Expected['sold'] = [];
  const offered = new Set<string>();
  for (const groupId of product.optionGroupIds) {
    const group = shop.groups.find((g) => g.id === groupId);
    // A retired group is not asked for.
    if (!group || group.retired) continue;
    let chosen = group.options
      .filter((o) => wanted.has(o.id))
      .map((o) => ({ option: o, count: wanted.get(o.id) ?? 0 }));
    // Nothing named of a required group: the usual (its defaults, one each, in the group's order).
    if (chosen.length === 0 && group.min > 0)
      chosen = group.options.filter((o) => group.defaults.includes(o.id)).map((option) => ({ option, count: 1 }));
    for (const { option, count } of chosen) {
      offered.add(option.id);
      if (option.retired) faults.push('retired');
      else if (option.soldOut) faults.push('sold-out');
      else sold.push({ groupId, optionId: option.id, count, unitPrice: option.price });
    }
    const total = chosen.reduce((sum, c) => sum + c.count, 0);
    if (total < group.min) faults.push('too-few');
    if (total > group.max) faults.push('too-many');
  }
  for (const id of wanted.keys()) if (!offered.has(id)) faults.push('stray');
  return { faults, sold };
}

function priceListOf(shop: Shop): PriceList {
  return {
    product: (id) => shop.products.find((p) => p.id === id),
    optionGroup: (id) => shop.groups.find((g) => g.id === id && !g.retired),
  };
}

describe('option pricing (property)', () => {
  it('prices every valid choice exactly and refuses every invalid one as OPTION_INVALID with the right reason', () => {
    const seen = new Map<string, number>();
    const saw = (what: string) => seen.set(what, (seen.get(what) ?? 0) + 1);
    fc.assert(
      fc.property(
        shopArb.chain((shop) => fc.tuple(fc.constant(shop), cartArb(shop))),
        ([shop, lines]) => {
          // The catalogs drawn are ones the group editor accepts.
          checkOptions({ categories: [], products: shop.products, optionGroups: shop.groups });
          const expected = lines.map((line) => expectedFor(shop, line));
          const faults = new Set(expected.flatMap((e) => e.faults));
          let priced: ReturnType<typeof priceCart> | null = null;
          let refused: PosError | null = null;
          try {
            priced = priceCart(priceListOf(shop), lines);
          } catch (error) {
            if (!(error instanceof PosError)) throw error;
            refused = error;
          }
          if (faults.size === 0) {
            saw('valid');
            if (expected.some((e) => e.sold.length > 0)) saw('valid with options');
            expect(refused).toBeNull();
            if (!priced) return;
            expect(priced.lines).toHaveLength(lines.length);
            priced.lines.forEach((sold, i) => {
              const line = lines[i]!;
              const want = expected[i]!;
              const product = shop.products.find((p) => p.id === line.productId)!;
              const unit = product.price + want.sold.reduce((sum, o) => sum + o.unitPrice * o.count, 0);
              expect(sold.productId).toBe(line.productId);
              expect(
                sold.options.map(({ groupId, optionId, count, unitPrice }) => ({
                  groupId,
                  optionId,
                  count,
                  unitPrice,
                })),
              ).toEqual(want.sold);
              expect(sold.unitPrice).toBe(unit);
              expect(sold.quantity).toBe(line.quantity);
              expect(sold.lineTotal).toBe(unit * line.quantity);
            });
            const amount = priced.lines.reduce((sum, l) => sum + l.lineTotal, 0);
            expect(priced.amount).toBe(amount);
            expect({ supply: priced.supplyAmount, vat: priced.vatAmount }).toEqual(vatSplit(amount));
            return;
          }
          for (const fault of faults) saw(faults.size === 1 ? `only ${fault}` : fault);
          expect(priced).toBeNull();
          expect(refused?.code).toBe('OPTION_INVALID');
          const reason = refused?.details?.['reason'];
          expect([...faults].map((f) => reasonOf[f])).toContain(reason);
        },
      ),
      { numRuns: 2_000 },
    );
    // The draws reached every case, each alone as well: a property no case reached would prove nothing.
    for (const what of [
      'valid',
      'valid with options',
      'only too-few',
      'only too-many',
      'only sold-out',
      'only retired',
      'only stray',
    ])
      expect(seen.get(what) ?? 0, what).toBeGreaterThan(5);
  });
});
