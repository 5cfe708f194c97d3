import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import type { RegisterDraft } from '../../shared/domain/register';
import { startPos, type RunningPos } from '../../electron/compose/start-pos';
import { CatalogFile } from '../../electron/core/shop/catalog/catalog-file';
import { EDITS_PER_SNAPSHOT } from '../../electron/core/shop/catalog/catalog-store';
import { diskIo } from '../../electron/core/platform/disk/file-io';
import { plainTextCipher } from '../../electron/core/shop/secrets/key-cipher';
import { martBarcode, martCatalog, martProductId } from '../support/mart-catalog';
import { Rng } from '../support/rng';
import { call, percentile } from './bench-calls';

/**
 * Main's side of a mart's catalog, at 20 and 50,000 products (tests/support/mart-catalog):
 *   tsx tests/bench/catalog-bench.ts [--products N[,N…]] [--json PATH]
 * For each size: main's start-up (startPos, the books opened), a price edit stored durably
 * (`catalog:save-product`, answered once its journal line is synced), a barcode lookup in main
 * (the first after the catalog is opened builds the maps; the rest are map reads; the first after an
 * edit, and the edit that fills the journal and has it folded into catalog.json), a cart change
 * (`register:save-draft`, which builds the customer display's view) and the register's catalog
 * (`catalog:list`: main's time to answer, the first after the edits and the rest, and its size as
 * JSON), and the register's catalog after each sale of a product whose stock is counted (what is
 * left of it changed: the answer is a new one). Prints a table; `--json PATH`
 * writes the figures. Passes or fails on nothing.
 */
const { values } = parseArgs({
  options: { products: { type: 'string' }, json: { type: 'string' } },
});
const sizes = (values.products ?? '20,50000').split(',').map((text) => Number(text.replaceAll('_', '')));
if (sizes.some((n) => !Number.isSafeInteger(n) || n < 1)) throw new Error(`--products wants whole numbers`);

const EDITS = 200;
const LOOKUPS = 10_000;
const CART_CHANGES = 200;
const LISTS = 30;
const SCANS_AFTER_EDIT = 20;
const COUNTED_SALES = 20;
const OWNER = { name: '김토스', pin: '482913' };

interface Figures {
  products: number;
  startup_ms: number;
  price_edit_p50_ms: number;
  price_edit_p99_ms: number;
  barcode_lookup_p50_ms: number;
  barcode_lookup_p99_ms: number;
  barcode_first_ms: number;
  barcode_after_edit_p50_ms: number;
  /** The edit that fills the journal (EDITS_PER_SNAPSHOT since the last fold). */
  folding_edit_ms: number;
  cart_change_p50_ms: number;
  cart_change_p99_ms: number;
  catalog_list_first_ms: number;
  catalog_list_p50_ms: number;
  catalog_list_p99_ms: number;
  catalog_list_max_ms: number;
  catalog_list_bytes: number;
  /** `catalog:list` right after a cash sale of a product whose stock is counted. */
  catalog_list_after_stock_sale_p50_ms: number;
  catalog_list_after_stock_sale_max_ms: number;
}

const quiet = { info() {}, warn() {}, error() {} };

async function start(dataDir: string): Promise<{ core: RunningPos; ms: number }> {
  const started = performance.now();
  const core = await startPos({
    env: { POS_DATA_DIR: dataDir },
    packaged: false,
    cipher: plainTextCipher,
    keepEnvironmentKey: false,
    log: quiet,
  });
  return { core, ms: performance.now() - started };
}

function draftOf(lines: RegisterDraft['lines']): RegisterDraft {
  return {
    lines,
    memo: null,
    couponCode: null,
    manualDiscount: null,
    pending: null,
    approval: null,
    stage: 'ringing',
    paidOrderId: null,
  };
}

async function measure(products: number): Promise<Figures> {
  const dataDir = await mkdtemp(join(tmpdir(), 'toss-pos-catalog-bench-'));
  const rng = new Rng(products);
  const pick = () => rng.int(1, products);
  try {
    await writeFile(
      join(dataDir, 'catalog.json'),
      JSON.stringify(martCatalog(products, Math.min(200, products)), null, 2),
    );
    // A first start sets the owner up; the second is the one measured (what every morning costs).
    const first = await start(dataDir);
    await call(first.core, 'staff:setup-owner', OWNER);
    await first.core.close();
    const { core, ms: startup } = await start(dataDir);
    await call(core, 'staff:unlock', { pin: OWNER.pin });

    const shown = new Map((await call(core, 'catalog:manage', {})).products.map((p) => [p.id, p]));
    const edits: number[] = [];
    for (let i = 0; i < EDITS; i += 1) {
      const product = shown.get(martProductId(pick()));
      if (product === undefined) throw new Error('a product is missing');
      const { id, categoryId, name, barcode } = product;
      const t = performance.now();
      const saved = await call(core, 'catalog:save-product', {
        id,
        categoryId,
        name,
        barcode,
        price: product.price + 100,
      });
      edits.push(performance.now() - t);
      shown.set(id, saved);
    }

    const carts: number[] = [];
    const lines: RegisterDraft['lines'] = [];
    for (let i = 0; i < CART_CHANGES; i += 1) {
      if (lines.length >= 20) lines.length = 0;
      lines.push({ productId: martProductId(pick()), quantity: 1, options: [], memo: null });
      const t = performance.now();
      await call(core, 'register:save-draft', draftOf(lines));
      carts.push(performance.now() - t);
    }
    await call(core, 'register:save-draft', draftOf([]));

    const lists: number[] = [];
    let bytes = 0;
    for (let i = 0; i < LISTS; i += 1) {
      const t = performance.now();
      const listed = await call(core, 'catalog:list', {});
      lists.push(performance.now() - t);
      bytes = Buffer.byteLength(JSON.stringify(listed));
    }

    const counted = shown.get(martProductId(1));
    if (counted === undefined) throw new Error('a product is missing');
    const { id, categoryId, name, barcode, price } = counted;
    await call(core, 'catalog:save-product', { id, categoryId, name, barcode, price, stock: 1_000 });
    await call(core, 'catalog:list', {});
    const afterStockSale: number[] = [];
    for (let i = 0; i < COUNTED_SALES; i += 1) {
      const order = await call(core, 'sale:create', { lines: [{ productId: id, quantity: 1 }] });
      await call(core, 'cash:sale', { orderId: order.orderId, received: order.amount });
      const t = performance.now();
      const listed = await call(core, 'catalog:list', {});
      afterStockSale.push(performance.now() - t);
      if (listed.products.find((p) => p.id === id)?.stockLeft !== 1_000 - i - 1)
        throw new Error('the sale is not shown');
    }
    await core.close();

    // Scans: main's catalog as the register's calls reach it, opened on the same folder.
    const catalog = await CatalogFile.open(dataDir, diskIo);
    let t = performance.now();
    catalog.productByBarcode(martBarcode(pick()));
    const firstLookup = performance.now() - t;
    const lookups: number[] = [];
    for (let i = 0; i < LOOKUPS; i += 1) {
      const code = martBarcode(pick());
      t = performance.now();
      const found = catalog.productByBarcode(code);
      lookups.push(performance.now() - t);
      if (found === undefined) throw new Error(`${code} not found`);
    }
    // An edit, then the scan after it (the maps follow the edited product), then edits up to the one that fills the journal.
    const owner = { id: 'owner', name: OWNER.name, trainingOnly: false };
    const edited = catalog.product(martProductId(pick()));
    if (edited === undefined) throw new Error('a product is missing');
    const priceEdit = () => {
      const { id, categoryId, name, barcode, price } = catalog.product(edited.id) ?? edited;
      return catalog.saveProduct({ id, categoryId, name, barcode, price: price + 10 }, owner);
    };
    const scansAfterEdit: number[] = [];
    for (let i = 0; i < SCANS_AFTER_EDIT; i += 1) {
      await priceEdit();
      t = performance.now();
      catalog.productByBarcode(martBarcode(pick()));
      scansAfterEdit.push(performance.now() - t);
    }
    for (let i = SCANS_AFTER_EDIT + 1; i < EDITS_PER_SNAPSHOT; i += 1) await priceEdit();
    t = performance.now();
    await priceEdit();
    const foldingEdit = performance.now() - t;
    await catalog.close();
    return {
      products,
      startup_ms: startup,
      price_edit_p50_ms: percentile(edits, 50),
      price_edit_p99_ms: percentile(edits, 99),
      barcode_lookup_p50_ms: percentile(lookups, 50),
      barcode_lookup_p99_ms: percentile(lookups, 99),
      barcode_first_ms: firstLookup,
      barcode_after_edit_p50_ms: percentile(scansAfterEdit, 50),
      folding_edit_ms: foldingEdit,
      cart_change_p50_ms: percentile(carts, 50),
      cart_change_p99_ms: percentile(carts, 99),
      catalog_list_first_ms: lists[0] ?? 0,
      catalog_list_p50_ms: percentile(lists, 50),
      catalog_list_p99_ms: percentile(lists, 99),
      catalog_list_max_ms: Math.max(...lists),
      catalog_list_bytes: bytes,
      catalog_list_after_stock_sale_p50_ms: percentile(afterStockSale, 50),
      catalog_list_after_stock_sale_max_ms: Math.max(...afterStockSale),
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

const results: Figures[] = [];
for (const products of sizes) results.push(await measure(products));

const f = (n: number, width: number, digits = 2) => n.toFixed(digits).padStart(width);
console.log(`Main's catalog (ms; ${EDITS} price edits, ${CART_CHANGES} cart changes, ${LOOKUPS} scans each)`);
console.log(
  ' products | start-up | edit p50 | edit p99 | scan p50 | scan p99 | 1st scan | edit→scan | fold edit | cart p50 | cart p99 | list 1st | list p50 | list p99 | list MB | list after stock sale p50 / max',
);
for (const r of results) {
  console.log(
    [
      String(r.products).padStart(9),
      f(r.startup_ms, 8, 0),
      f(r.price_edit_p50_ms, 8),
      f(r.price_edit_p99_ms, 8),
      f(r.barcode_lookup_p50_ms, 8, 4),
      f(r.barcode_lookup_p99_ms, 8, 4),
      f(r.barcode_first_ms, 8),
      f(r.barcode_after_edit_p50_ms, 9),
      f(r.folding_edit_ms, 9),
      f(r.cart_change_p50_ms, 8),
      f(r.cart_change_p99_ms, 8),
      f(r.catalog_list_first_ms, 8),
      f(r.catalog_list_p50_ms, 8),
      f(r.catalog_list_p99_ms, 8),
      f(r.catalog_list_bytes / 1_000_000, 7),
      `${f(r.catalog_list_after_stock_sale_p50_ms, 8)} / ${f(r.catalog_list_after_stock_sale_max_ms, 8)}`,
    ].join(' | '),
  );
}
const [small, large] = results;
if (small !== undefined && large !== undefined)
  console.log(
    `start-up with ${large.products} products: +${(large.startup_ms - small.startup_ms).toFixed(0)} ms over ${small.products}`,
  );
if (values.json !== undefined) await writeFile(values.json, JSON.stringify({ results }, null, 2));
