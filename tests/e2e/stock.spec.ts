import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { cards } from './cards';
import { expect, test } from './fixtures';
import { openAsManager, scan } from './manager-screens';
import { addProduct, invoke, payWithCard } from './register';

/** The serious and critical axe findings on the page as it is now, one line each. */
async function seriousFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
}

test.use({ seed: { owner: true } });

async function sellCroissant(page: Page): Promise<string> {
  await page.getByTestId('category-bakery').click();
  await addProduct(page, 'croissant');
  await page.getByTestId('pay').click();
  await payWithCard(page, cards.approve);
  await expect(page.getByTestId('receipt')).toBeVisible();
  const orderId = (await page.getByTestId('receipt-order-id').innerText()).trim();
  await page.getByTestId('new-sale').click();
  return orderId;
}

test('a manager counts 2 croissants; two sales leave the tile sold out (also to a scan), and a refund puts one back on sale', async ({
  pos,
}) => {
  test.setTimeout(60_000);
  const { page } = pos;
  await openAsManager(page, 'catalog');
  await page.getByTestId('catalog-edit-croissant').click();
  await expect(page.getByTestId('product-dialog')).toBeVisible();
  await page.getByTestId('product-stock').fill('2');
  expect(await seriousFindings(page)).toEqual([]);
  await page.getByTestId('product-save').click();
  await expect(page.getByTestId('product-dialog')).toHaveCount(0);
  await expect(page.getByTestId('catalog-stock-croissant')).toContainText('재고 2개');

  await page.getByTestId('nav-register').click();
  const tile = page.getByTestId('product-croissant');
  const first = await sellCroissant(page);
  await expect(tile).toBeEnabled();
  await sellCroissant(page);
  await page.getByTestId('category-bakery').click();
  await expect(tile).toBeDisabled();
  await expect(tile).toContainText('품절');
  await scan(page, '8801234000123');
  await expect(page.getByTestId('cart-line-croissant')).toHaveCount(0);

  expect(
    await invoke(page, 'refund:create', {
      orderId: first,
      request: { kind: 'lines', lines: [{ lineKey: 'croissant', quantity: 1 }] },
      reason: '상품 불량',
    }),
  ).toMatchObject({ ok: true });
  await openAsManager(page, 'catalog');
  await expect(page.getByTestId('catalog-stock-croissant')).toContainText('재고 1개');
  await page.getByTestId('nav-register').click();
  await page.getByTestId('category-bakery').click();
  await expect(tile).toBeEnabled();
  await expect(tile).not.toContainText('품절');
});
