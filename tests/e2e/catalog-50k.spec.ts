import { expect, test } from './fixtures';
import { seriousFindings } from './axe';
import { openAsManager, scan } from './manager-screens';
import { lineOf } from './register';
import { martBarcode, martName, writeMartCatalog } from '../support/mart-catalog';

/** The most product buttons a screen may hold at once, whatever the catalog's size. */
const MAX_BUTTONS = 400;

test.use({ seed: { owner: true, files: (dataDir) => writeMartCatalog(dataDir, 50_000, 200) } });

test('a mart of 50,000 products: search by name, 초성 and code, scroll, scan, and a price edited on the catalog screen', async ({
  pos,
}) => {
  test.setTimeout(600_000);
  const { page } = pos;
  const tiles = page.locator('.product-card');
  const search = page.getByTestId('search');
  await expect(page.getByTestId('product-mart-1')).toBeVisible({ timeout: 120_000 });
  expect(await tiles.count()).toBeLessThanOrEqual(MAX_BUTTONS);
  expect(await seriousFindings(page)).toEqual([]);

  // By its Korean name: that product is the one Enter would add.
  await search.fill(martName(2345).ko);
  await expect(page.getByTestId('product-mart-2345')).toHaveAttribute('data-highlighted', 'true');

  // By 초성: every 아메리카노 of the mart (one product in 20), never more buttons than a screenful.
  await search.fill('ㅇㅁㄹㅋㄴ');
  await expect(page.getByTestId('search-scope')).toContainText('2500');
  await expect(tiles.first()).toContainText('아메리카노');
  expect(await tiles.count()).toBeLessThanOrEqual(MAX_BUTTONS);
  for (const name of await tiles.locator('.product-name').allInnerTexts()) expect(name).toContain('아메리카노');

  // By product code, and Enter rings it up.
  await search.fill('mart-31337');
  await expect(page.getByTestId('product-mart-31337')).toHaveAttribute('data-highlighted', 'true');
  await search.press('Enter');
  await expect(lineOf(page, 'cart-line', 'mart-31337')).toBeVisible();

  // The whole catalog scrolled to its end: the last product shows, the page still holds a screenful.
  // Esc empties the search as a cashier does (a cleared box's Delete would reach the cart's line).
  await search.press('Escape');
  await expect(search).toHaveValue('');
  await page.locator('#product-results').evaluate((grid) => grid.scrollTo({ top: grid.scrollHeight }));
  await expect(page.getByTestId('product-mart-50000')).toBeVisible();
  await expect(page.getByTestId('product-mart-1')).toHaveCount(0);
  expect(await tiles.count()).toBeLessThanOrEqual(MAX_BUTTONS);

  // The 200th aisle, reached from the first tab with the keyboard.
  await page.getByTestId('category-all').focus();
  await page.keyboard.press('End');
  await expect(page.getByTestId('category-aisle-200')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('category-aisle-200')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('product-mart-200')).toBeVisible();
  await expect(page.getByTestId('product-mart-199')).toHaveCount(0);

  // A scanner's barcode adds its product from the whole catalog.
  await search.blur();
  await scan(page, martBarcode(777));
  await expect(lineOf(page, 'cart-line', 'mart-777')).toBeVisible();
  await expect(lineOf(page, 'cart-line', 'mart-31337')).toBeVisible();

  // The manager's catalog screen: a screenful of rows, searchable the same way; a new price.
  await openAsManager(page, 'catalog');
  const rows = page.locator('[data-testid^="catalog-row-"]');
  await expect(page.getByTestId('catalog-row-mart-1')).toBeVisible({ timeout: 60_000 });
  expect(await rows.count()).toBeLessThanOrEqual(MAX_BUTTONS);
  await page.getByTestId('catalog-search').fill('ㅇㅁㄹㅋㄴ');
  await expect(page.getByTestId('catalog-row-mart-20')).toBeVisible();
  expect(await rows.count()).toBeLessThanOrEqual(MAX_BUTTONS);
  await page.getByTestId('catalog-search').fill('mart-4242');
  await expect(rows.first()).toHaveAttribute('data-testid', 'catalog-row-mart-4242');
  await page.getByTestId('catalog-edit-mart-4242').click();
  await page.getByTestId('product-price').fill('12340');
  await page.getByTestId('product-save').click();
  await expect(page.getByTestId('catalog-price-mart-4242')).toContainText('12,340', { timeout: 60_000 });
  expect(await seriousFindings(page)).toEqual([]);

  // The register sells at the new price.
  await page.getByTestId('manager-lock').click();
  await search.fill('mart-4242');
  await expect(page.getByTestId('product-mart-4242')).toContainText('12,340', { timeout: 60_000 });
});
