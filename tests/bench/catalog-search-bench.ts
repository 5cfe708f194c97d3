import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { martBarcode, martCatalog } from '../support/mart-catalog';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium';
import { percentile } from './bench-calls';
import { ftsKeystrokes } from './catalog-search/fts';
import { searchInPage } from './catalog-search/in-page';
import { keystrokes, QUERIES } from './catalog-search/keystrokes';
import { measureRegister, type RegisterFigures } from './catalog-search/register-page';

/**
 * `node --import tsx tests/bench/catalog-search-bench.ts [--products N] [--json PATH]` (needs
 * `npm run build` for the register part): a mart's catalog (N products, default 50,000, in 200
 * categories) searched key by key as a cashier types names, 초성, product codes and barcodes —
 * the shared index in Chromium beside SQLite FTS5 (trigram) in Node over the same products — and
 * the register through the browser host at the 20-product demo café and at N: page → register
 * ready, product buttons on the page, and a keystroke in its search box → the grid laid out.
 */
const { values } = parseArgs({ options: { products: { type: 'string', default: '50000' }, json: { type: 'string' } } });
const PRODUCTS = Number(values.products);
/** Every query typed this many times; the first round (a cold JIT) is left out of the figures. */
const ROUNDS = 4;
const LOADS = 3;

const catalog = martCatalog(PRODUCTS, 200);
const perRound = QUERIES.reduce((sum, query) => sum + keystrokes(query.text).length, 0);
const warm = (times: readonly number[]) => times.slice(perRound);
const barcodes = Array.from({ length: 2_000 }, (_, i) => martBarcode(1 + ((i * 7_919) % PRODUCTS)));

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const inPage = await searchInPage(browser, catalog.products, QUERIES, barcodes, ROUNDS).finally(() => browser.close());
const ftsTimes = ftsKeystrokes(catalog.products, Array.from({ length: ROUNDS }, () => QUERIES).flat());
const typedInRegister = QUERIES.flatMap((query) => keystrokes(query.text));
const café = await measureRegister(null, LOADS, typedInRegister);
const mart = await measureRegister(PRODUCTS, LOADS, typedInRegister);

const p = (times: readonly number[]) => ({ p50: percentile(times, 50), p99: percentile(times, 99) });
const register = (figures: RegisterFigures) => ({
  products: figures.products,
  ready_ms: percentile(figures.readyMs, 50),
  buttons: figures.buttons,
  buttons_scrolled: figures.buttonsScrolled,
  keystroke_ms: p(figures.keystrokeMs),
  catalog_list_ms: percentile(figures.catalogListMs, 50),
  catalog_list_bytes: figures.catalogListBytes,
});
const figures = {
  products: PRODUCTS,
  categories: 200,
  keystrokes: warm(inPage.keystrokeMs).length,
  search_in_page_ms: p(warm(inPage.keystrokeMs)),
  search_fts5_trigram_ms: p(warm(ftsTimes)),
  barcode_lookup_ms: p(inPage.barcodeMs),
  index_build_ms: inPage.buildMs,
  register_demo: register(café),
  register_mart: register(mart),
};

const ms = (n: number) => n.toFixed(2).padStart(9);
console.log(`catalog search: ${PRODUCTS} products, ${figures.keystrokes} keystrokes (names, 초성, codes, barcodes)`);
console.log('                                   p50 ms    p99 ms');
console.log(
  `search in the page (shared index) ${ms(figures.search_in_page_ms.p50)} ${ms(figures.search_in_page_ms.p99)}`,
);
console.log(
  `SQLite FTS5 trigram (Node)        ${ms(figures.search_fts5_trigram_ms.p50)} ${ms(figures.search_fts5_trigram_ms.p99)}`,
);
console.log(
  `barcode lookup (exact)            ${ms(figures.barcode_lookup_ms.p50)} ${ms(figures.barcode_lookup_ms.p99)}`,
);
console.log(`index built in the page: ${figures.index_build_ms.toFixed(1)} ms`);
console.log(
  '\nregister (browser host)   products   ready ms   buttons   after scroll   keystroke p50 / p99 ms   catalog:list ms (MB)',
);
for (const [label, r] of [
  ['demo café', figures.register_demo],
  ['mart', figures.register_mart],
] as const) {
  console.log(
    `${label.padEnd(25)} ${String(r.products).padStart(8)} ${r.ready_ms.toFixed(0).padStart(10)} ${String(r.buttons).padStart(9)} ${String(r.buttons_scrolled).padStart(14)}   ${r.keystroke_ms.p50.toFixed(2)} / ${r.keystroke_ms.p99.toFixed(2)}   ${r.catalog_list_ms.toFixed(0)} (${(r.catalog_list_bytes / 1e6).toFixed(1)})`,
  );
}
if (values.json !== undefined) await writeFile(values.json, `${JSON.stringify(figures, null, 2)}\n`);
