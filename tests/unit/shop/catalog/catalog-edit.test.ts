import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogSchema, ean13CheckDigitOk } from '../../../../shared/domain/catalog';
import { startPos } from '../../../../electron/compose/start-pos';
import { plainTextCipher } from '../../../../electron/core/shop/secrets/key-cipher';
import { storedCatalog } from '../../../../electron/core/shop/catalog/catalog-store';
import { diskIo } from '../../../../electron/core/platform/disk/file-io';
import { silentLog, startOwnSimulator, withCore } from '../../helpers/pos';
import { tempDir } from '../../helpers/temp-dir';

async function managerCore() {
  const h = await withCore();
  await h.ok('staff:setup-owner', { name: '김토스', pin: '482913' });
  return h;
}

describe('catalog editing (manager)', () => {
  it('a price change applies to new orders only; stored orders keep the price they were rung up at, and the history names who changed it', async () => {
    const h = await managerCore();
    const before = await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 2 }] });
    expect(before.amount).toBe(9_000);
    const product = (await h.ok('catalog:manage', {})).products.find((p) => p.id === 'americano');
    if (!product) throw new Error('demo catalog changed');
    const updated = await h.ok('catalog:save-product', {
      id: 'americano',
      categoryId: product.categoryId,
      name: product.name,
      price: 4_800,
      barcode: product.barcode,
    });
    expect(updated.priceHistory).toEqual([expect.objectContaining({ price: 4_800, by: '김토스' })]);
    expect((await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 2 }] })).amount).toBe(9_600);
    const old = await h.ok('sale:get', { orderId: before.orderId });
    expect(old).toMatchObject({ amount: 9_000, lines: [{ unitPrice: 4_500, lineTotal: 9_000 }] });
    // Saving without a price change adds nothing to the history.
    const { id, categoryId, name, barcode } = updated;
    expect(
      (await h.ok('catalog:save-product', { id, categoryId, name, barcode, price: 4_800 })).priceHistory,
    ).toHaveLength(1);
  });

  it('adds products and categories with readable ids; new ones are on sale at once', async () => {
    const h = await managerCore();
    const category = await h.ok('catalog:save-category', { name: { ko: '디저트', en: 'Desserts' } });
    expect(category).toEqual({ id: 'desserts', name: { ko: '디저트', en: 'Desserts' }, retired: false });
    const product = await h.ok('catalog:save-product', {
      categoryId: 'desserts',
      name: { ko: '마카롱', en: 'Macaron' },
      price: 2_800,
      barcode: '8809999000013',
    });
    expect(product).toMatchObject({ id: 'macaron', soldOut: false, retired: false });
    const again = await h.ok('catalog:save-product', {
      categoryId: 'desserts',
      name: { ko: '마카롱 2', en: 'Macaron' },
      price: 3_000,
      barcode: null,
    });
    expect(again.id).toBe('macaron-2');
    expect((await h.ok('catalog:list', {})).products.map((p) => p.id)).toEqual(
      expect.arrayContaining(['macaron', 'macaron-2']),
    );
    expect(await h.ok('sale:create', { lines: [{ productId: 'macaron', quantity: 1 }] })).toMatchObject({
      amount: 2_800,
    });
  });

  it.each([
    ['a price of 0', { price: 0 }],
    ['a negative price', { price: -100 }],
    ['a price with fractions of a won', { price: 4_500.5 }],
    ['a wrong EAN-13 check digit', { barcode: '8801234000018' }],
    ['a barcode with spaces', { barcode: '880 1234' }],
    ['an empty name', { name: { ko: ' ', en: 'x' } }],
  ])('refuses %s and changes nothing', async (_label, change) => {
    const h = await managerCore();
    const file = join(h.dataDir, 'catalog.json');
    const before = await readFile(file, 'utf8');
    expect(
      await h.fail('catalog:save-product', {
        id: 'americano',
        categoryId: 'coffee',
        name: { ko: '아메리카노', en: 'Americano' },
        price: 4_500,
        barcode: null,
        ...change,
      } as never),
    ).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('refuses a barcode another product has, and an unknown or retired category', async () => {
    const h = await managerCore();
    expect(
      await h.fail('catalog:save-product', {
        categoryId: 'coffee',
        name: { ko: '새', en: 'New' },
        price: 1_000,
        barcode: '8801234000017',
      }),
    ).toMatchObject({ code: 'CATALOG_CONFLICT' });
    expect(
      await h.fail('catalog:save-product', {
        categoryId: 'nope',
        name: { ko: '새', en: 'New' },
        price: 1_000,
        barcode: null,
      }),
    ).toMatchObject({ code: 'CATALOG_CONFLICT' });
    await h.ok('catalog:retire-category', { categoryId: 'goods', retired: true });
    expect(
      await h.fail('catalog:save-product', {
        categoryId: 'goods',
        name: { ko: '새', en: 'New' },
        price: 1_000,
        barcode: null,
      }),
    ).toMatchObject({ code: 'CATALOG_CONFLICT' });
  });

  it('sold out: shown on the register, refused at the counter; retired: gone from the register, kept on record', async () => {
    const h = await managerCore();
    await h.ok('catalog:set-sold-out', { productId: 'croissant', soldOut: true });
    expect((await h.ok('catalog:list', {})).products.find((p) => p.id === 'croissant')).toMatchObject({
      soldOut: true,
    });
    expect(await h.fail('sale:create', { lines: [{ productId: 'croissant', quantity: 1 }] })).toMatchObject({
      code: 'PRODUCT_SOLD_OUT',
    });
    await h.ok('catalog:set-sold-out', { productId: 'croissant', soldOut: false });
    await h.ok('catalog:retire-product', { productId: 'croissant', retired: true });
    expect((await h.ok('catalog:list', {})).products.map((p) => p.id)).not.toContain('croissant');
    expect((await h.ok('catalog:manage', {})).products.find((p) => p.id === 'croissant')).toMatchObject({
      retired: true,
    });
    expect(await h.fail('sale:create', { lines: [{ productId: 'croissant', quantity: 1 }] })).toMatchObject({
      code: 'UNKNOWN_PRODUCT',
    });
    // A retired category takes its products off the register too.
    await h.ok('catalog:retire-category', { categoryId: 'goods', retired: true });
    const register = await h.ok('catalog:list', {});
    expect(register.categories.map((c) => c.id)).not.toContain('goods');
    expect(register.products.some((p) => p.categoryId === 'goods')).toBe(false);
  });

  it('is written to catalog.json and read back the same after a restart', async () => {
    const h = await managerCore();
    await h.ok('catalog:save-product', {
      categoryId: 'coffee',
      name: { ko: '플랫화이트', en: 'Flat White' },
      price: 5_200,
      barcode: null,
    });
    const onDisk = await storedCatalog(h.dataDir, diskIo);
    await h.close();
    const again = await withCore({ dataDir: h.dataDir });
    expect(await again.ok('catalog:list', {})).toEqual(onDisk);
  });

  it('reads a catalog.json written before barcodes and sold-out existed', () => {
    const old = {
      categories: [{ id: 'coffee', name: { ko: '커피', en: 'Coffee' } }],
      products: [{ id: 'americano', categoryId: 'coffee', name: { ko: '아메리카노', en: 'Americano' }, price: 4500 }],
    };
    expect(catalogSchema.parse(old).products[0]).toMatchObject({
      barcode: null,
      soldOut: false,
      retired: false,
      priceHistory: [],
    });
  });

  it('knows a valid EAN-13', () => {
    expect(ean13CheckDigitOk('8801234000017')).toBe(true);
    expect(ean13CheckDigitOk('8801234000018')).toBe(false);
    expect(ean13CheckDigitOk('4006381333931')).toBe(true);
  });
});

describe('a missing catalog', () => {
  it('stops the start of a folder that has sales, in words, instead of selling at the demo café’s prices', async () => {
    const first = await withCore();
    await first.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
    await first.close();
    await rm(join(first.dataDir, 'catalog.json'));

    await expect(withCore({ dataDir: first.dataDir })).rejects.toThrow(
      /catalog\.json is missing, and this data folder has sales/,
    );
    await expect(readFile(join(first.dataDir, 'catalog.json'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('is made on a first start: an empty one live (no second start needed), the demo café to edit in training', async () => {
    const own = await startOwnSimulator();
    const dataDir = await tempDir('live-no-catalog');
    const env = {
      POS_DATA_DIR: dataDir,
      TOSS_CLIENT_KEY: own.clientKey,
      TOSS_SECRET_KEY: own.secretKey,
      TOSS_API_BASE: own.sim.apiBase,
      TOSS_SDK_SRC: own.sim.sdkSrc,
    };
    const live = await startPos({
      env,
      packaged: false,
      cipher: plainTextCipher,
      keepEnvironmentKey: false,
      log: silentLog,
    });
    await live.close();
    const made = catalogSchema.parse(JSON.parse(await readFile(join(dataDir, 'catalog.json'), 'utf8')));
    expect(made.products).toEqual([]);

    const training = await withCore();
    expect(
      catalogSchema.parse(JSON.parse(await readFile(join(training.dataDir, 'catalog.json'), 'utf8'))).products.length,
    ).toBe(20);
  });
});
