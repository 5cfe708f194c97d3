import { describe, expect, it } from 'vitest';
import { catalogSchema } from '../../../../shared/domain/catalog';
import { inTileOrder } from '../../../../shared/domain/tile-order';
import { withCore } from '../../helpers/pos';

async function managerCore() {
  const h = await withCore();
  await h.ok('staff:setup-owner', { name: '김토스', pin: '482913' });
  return h;
}

const ids = (products: ReadonlyArray<{ id: string }>) => products.map((p) => p.id);

describe('the order of the register’s tiles', () => {
  it('a product moved to the top is the first tile on the register; the others keep their order behind it', async () => {
    const h = await managerCore();
    const before = ids((await h.ok('catalog:list', {})).products);
    const last = before.at(-1) ?? '';
    const moved = await h.ok('catalog:move-product', { productId: last, position: 1 });
    expect(moved).toMatchObject({ id: last, position: 1 });
    expect(ids((await h.ok('catalog:list', {})).products)).toEqual([last, ...before.slice(0, -1)]);
    expect(ids((await h.ok('catalog:manage', {})).products)[0]).toBe(last);

    // One step down, as the ↓ button does.
    await h.ok('catalog:move-product', { productId: last, position: 2 });
    expect(ids((await h.ok('catalog:list', {})).products).slice(0, 2)).toEqual([before[0], last]);
  });

  it('main refuses a position past the last product, or a product it does not know', async () => {
    const h = await managerCore();
    const count = (await h.ok('catalog:manage', {})).products.length;
    expect((await h.fail('catalog:move-product', { productId: 'americano', position: count + 1 })).code).toBe(
      'CATALOG_CONFLICT',
    );
    expect((await h.fail('catalog:move-product', { productId: 'no-such-thing', position: 1 })).code).toBe(
      'CATALOG_CONFLICT',
    );
    expect((await h.fail('catalog:move-product', { productId: 'americano', position: 0 })).code).toBe('INVALID_INPUT');
  });

  it('a catalog written before tiles could be moved still loads, in the file’s order', () => {
    const catalog = catalogSchema.parse({
      categories: [{ id: 'coffee', name: { ko: '커피', en: 'Coffee' } }],
      products: [
        { id: 'b', categoryId: 'coffee', name: { ko: '비', en: 'B' }, price: 1000 },
        { id: 'a', categoryId: 'coffee', name: { ko: '에이', en: 'A' }, price: 1000 },
      ],
    });
    expect(ids(inTileOrder(catalog.products))).toEqual(['b', 'a']);
    expect(ids(inTileOrder([...catalog.products, { id: 'c', position: 1 }]))).toEqual(['c', 'b', 'a']);
  });
});
