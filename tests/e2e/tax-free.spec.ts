import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { cards } from './cards';
import { expect, test } from './fixtures';
import { goLive, openAsManager } from './manager-screens';
import { addProduct, invoke, paymentWindow, payWithCard } from './register';

/** The serious and critical axe findings on the page as it is now, one line each. */
async function seriousFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
}

test.use({
  seed: {
    owner: true,
    then: async (core) => {
      // As a manager saves it in the product dialog with 면세 ticked.
      await core.ok('catalog:save-product', {
        categoryId: 'goods',
        name: { ko: '유기농 바나나', en: 'Organic bananas' },
        price: 3_000,
        barcode: null,
        taxFree: true,
      });
      return {};
    },
  },
});

test('a 면세 and a 과세 product in one card sale: the receipt splits them, Toss gets taxFreeAmount on the confirm and on a refund of the 면세 line, and the month matches the day’s report', async ({
  pos,
}) => {
  test.setTimeout(60_000);
  const { page } = pos;
  // Live against the test's Toss: training sales never count in the day's or the month's figures.
  await openAsManager(page, 'settings');
  await goLive(page, pos.liveToss);
  const tossRequests = () => pos.liveToss.sim.requests();
  await addProduct(page, 'americano');
  await page.getByTestId('category-goods').click();
  await addProduct(page, 'organic-bananas');
  // The cart's own totals already put VAT on the 과세 part only.
  await expect(page.getByTestId('vat-supply')).toContainText('4,091');
  await expect(page.getByTestId('vat-amount')).toContainText('409');
  await expect(page.getByTestId('tax-free-amount')).toContainText('3,000');
  await page.getByTestId('pay').click();
  // requestPayment carried the order's taxFreeAmount into Toss's window.
  await expect(paymentWindow(page).getByTestId('tax-free-amount')).toContainText('3,000원');
  await payWithCard(page, cards.approve);
  await expect(page.getByTestId('receipt')).toBeVisible();
  // 4,500원 과세 (4,091 + 409) and 3,000원 면세.
  await expect(page.getByTestId('receipt-supply')).toContainText('4,091원');
  await expect(page.getByTestId('receipt')).toContainText('과세 공급가액');
  await expect(page.getByTestId('receipt')).toContainText('면세 물품가액');
  await expect(page.getByTestId('receipt-vat')).toContainText('409원');
  await expect(page.getByTestId('receipt-taxFree')).toContainText('3,000원');
  const orderId = (await page.getByTestId('receipt-order-id').innerText()).trim();
  const confirm = tossRequests().find((r) => r.path === '/v1/payments/confirm' && r.orderId === orderId);
  expect(confirm).toMatchObject({ taxFreeAmount: 3_000, status: 200 });
  await page.getByTestId('new-sale').click();

  await openAsManager(page, 'history');
  expect(
    await invoke(page, 'refund:create', {
      orderId,
      request: { kind: 'lines', lines: [{ lineKey: 'organic-bananas', quantity: 1 }] },
      reason: '상품 불량',
    }),
  ).toMatchObject({ ok: true });
  const cancel = tossRequests()
    .filter((r) => r.path.endsWith('/cancel'))
    .at(-1);
  expect(cancel).toMatchObject({ taxFreeAmount: 3_000, status: 200 });

  await openAsManager(page, 'day-close');
  await expect(page.getByTestId('day-taxes-taxFree')).toContainText('3,000원');
  await page.getByTestId('day-x-report').click();
  const report = page.getByTestId('day-report');
  await expect(report).toBeVisible();
  const xTaxFree = await report.getByTestId('day-taxes-taxFree').locator('td').last().innerText();
  const xVat = await report.getByTestId('day-taxes-vat').locator('td').last().innerText();
  const xTaxable = await report.getByTestId('day-taxes-taxable').locator('td').last().innerText();
  await page.getByTestId('day-report-close').click();

  await page.getByTestId('month-show').click();
  const total = page.getByTestId('month-total');
  await expect(total).toBeVisible();
  const cells = await total.locator('td').allInnerTexts();
  // card, cash with receipt, cash without, refunds, then 과세 공급가액, 부가세, 면세 net of refunds.
  expect(cells.slice(4)).toEqual([xTaxable, xVat, xTaxFree]);
  expect(cells[0]).toBe('7,500원');
  expect(cells[3]).toBe('−3,000원');
  expect(await seriousFindings(page)).toEqual([]);
});
