import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import type { Browser } from '@playwright/test';
import type { Product } from '../../../shared/domain/catalog';
import { keystrokes, type BenchQuery } from './keystrokes';

export interface InPageFigures {
  /** The index built (what `prepare` does after the register shows). */
  buildMs: number;
  /** Each keystroke of every query, typed as a cashier types it. */
  keystrokeMs: number[];
  /** Exact barcode lookups (the scanner's path). */
  barcodeMs: number[];
}

const MODULE = fileURLToPath(new URL('../../../shared/domain/catalog-search.ts', import.meta.url));

/** The shared search module as the page runs it: one script, its exports on `window.catalogSearch`. */
async function bundled(): Promise<string> {
  const out = await build({
    entryPoints: [MODULE],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'catalogSearch',
    target: 'chrome120',
  });
  return out.outputFiles[0]?.text ?? '';
}

/** Run in the page (a function's source: this file is typed without the DOM). */
const MEASURE = `({ products, typed, barcodes }) => {
  const start = performance.now();
  const search = window.catalogSearch.buildCatalogSearch(products);
  search.prepare();
  const buildMs = performance.now() - start;
  const keystrokeMs = [];
  for (const states of typed) {
    for (const text of states) {
      const at = performance.now();
      search.search(text);
      keystrokeMs.push(performance.now() - at);
    }
  }
  const barcodeMs = [];
  for (const code of barcodes) {
    const at = performance.now();
    search.byBarcode(code);
    barcodeMs.push(performance.now() - at);
  }
  return { buildMs, keystrokeMs, barcodeMs };
}`;

/**
 * The shared search over `products` in a blank Chromium page: built once, then every query
 * typed key by key `rounds` times (the first round warms the JIT as a morning's first sales do),
 * and each barcode looked up.
 */
export async function searchInPage(
  browser: Browser,
  products: readonly Product[],
  queries: readonly BenchQuery[],
  barcodes: readonly string[],
  rounds: number,
): Promise<InPageFigures> {
  const page = await browser.newPage();
  try {
    await page.addScriptTag({ content: await bundled() });
    const typed = Array.from({ length: rounds }, () => queries.map((query) => keystrokes(query.text))).flat();
    const input = JSON.stringify({ products, typed, barcodes });
    return (await page.evaluate(`(${MEASURE})(${input})`)) as InPageFigures;
  } finally {
    await page.close();
  }
}
