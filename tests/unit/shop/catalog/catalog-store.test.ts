import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mendDataDir } from '../../../../electron/core/app/doctor/doctor';
import { diskIo } from '../../../../electron/core/platform/disk/file-io';
import { CatalogFile } from '../../../../electron/core/shop/catalog/catalog-file';
import {
  CATALOG_DIGEST_FILE,
  CATALOG_EDITS_FILE,
  EDITS_PER_SNAPSHOT,
  storedCatalog,
} from '../../../../electron/core/shop/catalog/catalog-store';
import { demoCatalog } from '../../../../electron/core/shop/catalog/demo-catalog';
import { martBarcode, martCatalog, martName, martProductId } from '../../../support/mart-catalog';
import { withCore } from '../../helpers/pos';
import { tempDir } from '../../helpers/temp-dir';

const OWNER = { name: '김토스', pin: '482913' };

async function managerCore(dataDir?: string) {
  const h = await withCore(dataDir === undefined ? {} : { dataDir });
  if (dataDir === undefined) await h.ok('staff:setup-owner', OWNER);
  else await h.ok('staff:unlock', { pin: OWNER.pin });
  return h;
}

const americano = { categoryId: 'coffee', name: { ko: '아메리카노', en: 'Americano' }, barcode: '8801234000017' };
const edits = (dataDir: string) => readFile(join(dataDir, CATALOG_EDITS_FILE), 'utf8').catch(() => '');
const snapshotText = (dataDir: string) => readFile(join(dataDir, 'catalog.json'), 'utf8');

describe('the catalog as a snapshot and a journal of edits', () => {
  it('a price edit appends one line and leaves catalog.json alone; sales after it, and after a restart, are priced at the new price; the start folds the edit into catalog.json', async () => {
    const h = await managerCore();
    const before = await snapshotText(h.dataDir);
    await h.ok('catalog:save-product', { id: 'americano', ...americano, price: 4_800 });
    expect(await snapshotText(h.dataDir)).toBe(before);
    expect((await edits(h.dataDir)).trim().split('\n')).toHaveLength(1);
    expect((await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 2 }] })).amount).toBe(9_600);
    await h.close();

    const again = await managerCore(h.dataDir);
    expect((await again.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] })).amount).toBe(4_800);
    const product = (await again.ok('catalog:manage', {})).products.find((p) => p.id === 'americano');
    expect(product?.priceHistory.at(-1)).toMatchObject({ price: 4_800, by: OWNER.name });
    expect(await edits(again.dataDir)).toBe('');
    expect(JSON.parse(await snapshotText(again.dataDir))).toEqual(await storedCatalog(again.dataDir, diskIo));
    expect((await storedCatalog(again.dataDir, diskIo))?.products.find((p) => p.id === 'americano')?.price).toBe(4_800);
  });

  it('a crash mid-append (a torn last line) loses only that edit: the start keeps every whole one before it', async () => {
    const h = await managerCore();
    await h.ok('catalog:save-product', { id: 'americano', ...americano, price: 4_700 });
    await h.ok('catalog:set-sold-out', { productId: 'cafe-latte', soldOut: true });
    await h.close();
    await appendFile(join(h.dataDir, CATALOG_EDITS_FILE), '{"n":3,"products":[{"id":"americano","price":1');

    const again = await managerCore(h.dataDir);
    const listed = await again.ok('catalog:list', {});
    expect(listed.products.find((p) => p.id === 'americano')?.price).toBe(4_700);
    expect(listed.products.find((p) => p.id === 'cafe-latte')?.soldOut).toBe(true);
    expect((await again.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] })).amount).toBe(4_700);
  });

  it(`every ${EDITS_PER_SNAPSHOT}th edit writes a new catalog.json and starts the journal again`, async () => {
    const h = await managerCore();
    for (let i = 1; i <= EDITS_PER_SNAPSHOT; i += 1)
      await h.ok('catalog:set-sold-out', { productId: 'cafe-latte', soldOut: i % 2 === 1 });
    // Folded in once the edit that filled the journal has answered.
    await expect.poll(() => edits(h.dataDir)).toBe('');
    await h.ok('catalog:set-sold-out', { productId: 'cafe-latte', soldOut: true });
    await h.ok('catalog:set-sold-out', { productId: 'cafe-latte', soldOut: false });
    expect((await edits(h.dataDir)).trim().split('\n')).toHaveLength(2);
    const soldOut = JSON.parse(await snapshotText(h.dataDir)) as typeof demoCatalog;
    expect(soldOut.products.find((p) => p.id === 'cafe-latte')?.soldOut).toBe(false);

    await h.ok('catalog:move-product', { productId: 'cafe-latte', position: 1 });
    await h.close();
    const again = await managerCore(h.dataDir);
    expect((await again.ok('catalog:list', {})).products[0]?.id).toBe('cafe-latte');
  });

  it('a catalog.json from before the journal (no edits file) loads as it is and is not rewritten by the start', async () => {
    const dataDir = await tempDir('old-catalog');
    const text = JSON.stringify(demoCatalog);
    await writeFile(join(dataDir, 'catalog.json'), text);
    const h = await withCore({ dataDir });
    expect((await h.ok('catalog:list', {})).products.map((p) => p.id)).toEqual(demoCatalog.products.map((p) => p.id));
    expect(await snapshotText(dataDir)).toBe(text);
  });

  it('a catalog.json edited by hand after the app wrote it is checked whole at the next start: a mistake stops it, a sound edit is read', async () => {
    const h = await managerCore();
    await h.ok('catalog:set-sold-out', { productId: 'cafe-latte', soldOut: true });
    await h.close();
    // The start folded the edit in and wrote the file's digest; the owner now edits the file.
    const again = await managerCore(h.dataDir);
    await again.close();
    expect(await readFile(join(h.dataDir, CATALOG_DIGEST_FILE), 'utf8')).toMatch(/^[0-9a-f]{64}$/);
    const path = join(h.dataDir, 'catalog.json');
    const catalog = JSON.parse(await snapshotText(h.dataDir)) as typeof demoCatalog;
    (catalog.products[0] as { price: number }).price = -5;
    await writeFile(path, JSON.stringify(catalog, null, 2));
    await expect(withCore({ dataDir: h.dataDir })).rejects.toThrow(/catalog\.json/);

    (catalog.products[0] as { price: number }).price = 3_900;
    await writeFile(path, JSON.stringify(catalog, null, 2));
    const edited = await managerCore(h.dataDir);
    expect((await edited.ok('catalog:list', {})).products.find((p) => p.id === catalog.products[0]?.id)?.price).toBe(
      3_900,
    );
  });

  it('finds a product by its barcode and by its id among 50,000, follows an edit of its barcode, and stores a tile move (every product renumbered) as a new catalog.json', async () => {
    const dataDir = await tempDir('big-catalog');
    await writeFile(join(dataDir, 'catalog.json'), JSON.stringify(martCatalog()));
    const catalog = await CatalogFile.open(dataDir, diskIo);
    expect(catalog.productByBarcode(martBarcode(23_456))?.name).toEqual(martName(23_456));
    expect(catalog.product(martProductId(49_999))?.barcode).toBe(martBarcode(49_999));
    const product = catalog.product(martProductId(7));
    if (product === undefined) throw new Error('product 7 missing');
    const { id, categoryId, name, price } = product;
    const owner = { id: 'owner', name: '김토스', trainingOnly: false };
    await catalog.saveProduct({ id, categoryId, name, price, barcode: martBarcode(50_001) }, owner);
    expect(catalog.productByBarcode(martBarcode(7))).toBeUndefined();
    expect(catalog.productByBarcode(martBarcode(50_001))?.id).toBe(martProductId(7));
    expect(await edits(dataDir)).not.toBe('');
    // Retired, it is no longer sold nor found by its barcode; its name still shows on the orders that sold it.
    await catalog.setProductRetired(id, true);
    expect(catalog.product(id)).toBeUndefined();
    expect(catalog.productByBarcode(martBarcode(50_001))).toBeUndefined();
    expect(catalog.productNames(id)).toEqual(name);
    await catalog.setProductRetired(id, false);
    expect(catalog.productByBarcode(martBarcode(50_001))?.id).toBe(id);
    expect(catalog.productByBarcode(martBarcode(8))?.id).toBe(martProductId(8));

    // A tile move renumbers all 50,000: one new catalog.json rather than 50,000 lines.
    await catalog.moveProduct(martProductId(50_000), 1);
    expect(await edits(dataDir)).toBe('');
    const stored = await storedCatalog(dataDir, diskIo);
    expect(stored?.products.find((p) => p.id === martProductId(50_000))?.position).toBe(1);
    expect(stored?.products.find((p) => p.id === martProductId(7))?.barcode).toBe(martBarcode(50_001));
  });

  it('npm run doctor moves a damaged edit line into quarantine, and the app then starts on the edits around it', async () => {
    const h = await managerCore();
    await h.ok('catalog:save-product', { id: 'americano', ...americano, price: 4_700 });
    await h.ok('catalog:set-sold-out', { productId: 'cafe-latte', soldOut: true });
    await h.close();
    const journal = join(h.dataDir, CATALOG_EDITS_FILE);
    const [first = '', second = ''] = (await readFile(journal, 'utf8')).split('\n');
    await writeFile(journal, `${first}\n{"n":2,"products":[{"id":"cafe-latte","price":"free"}]}\n${second}\n`);

    const findings = await mendDataDir(h.dataDir, diskIo);
    expect(findings).toEqual([
      expect.objectContaining({ file: CATALOG_EDITS_FILE, line: 2, quarantinedTo: expect.any(String) }),
    ]);
    const again = await managerCore(h.dataDir);
    const listed = await again.ok('catalog:list', {});
    expect(listed.products.find((p) => p.id === 'americano')?.price).toBe(4_700);
    expect(listed.products.find((p) => p.id === 'cafe-latte')?.soldOut).toBe(true);
  });
});
