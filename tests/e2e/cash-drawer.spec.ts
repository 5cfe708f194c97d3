import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { goLive, openAsManager } from './manager-screens';
import { addProduct } from './register';

/** The serious and critical axe findings on the page as it is now, one line each. */
async function seriousFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
}

/** Types a count into the drawer's fields: pieces by denomination. */
async function count(page: Page, purpose: 'open' | 'close', pieces: Record<number, number>): Promise<void> {
  for (const [denomination, n] of Object.entries(pieces))
    await page.getByTestId(`drawer-${purpose}-count-${denomination}`).fill(String(n));
}

test.use({ seed: { owner: true } });

test('a shift: opened with a 50,000원 float, a cash sale, 8,000원 paid out for 식자재 구입, closed 1,000원 short, and the shortage in the Z report and its CSV', async ({
  pos,
}) => {
  // Going live, a sale, the drawer's three steps, a close and an export: more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  const { page, liveToss } = pos;
  await openAsManager(page, 'settings');
  await goLive(page, liveToss);

  // No shift yet: the register says so, and Shift+F7 goes to the drawer.
  await expect(page.getByTestId('drawer-status')).toHaveText('시재 닫힘');
  await page.keyboard.press('Shift+F7');
  await expect(page.getByTestId('drawer-screen')).toBeVisible();
  await expect(page.getByTestId('cash-dialog')).toHaveCount(0);
  await expect(page.getByTestId('drawer-closed-notice')).toContainText('어느 근무의 시재에도 잡히지 않습니다');
  expect(await seriousFindings(page)).toEqual([]);

  // A count that is not a whole number of pieces is named under its field, and nothing is opened.
  await count(page, 'open', { 10000: 4, 5000: 1, 1000: 5, 500: -1 });
  await page.getByTestId('drawer-open-count-500').press('Enter');
  await expect(page.getByTestId('drawer-open-count-500')).toBeFocused();
  await expect(page.getByTestId('drawer-screen').getByRole('alert')).toHaveText('0 이상의 정수로 적어 주세요.');
  await page.getByTestId('drawer-open-count-500').fill('');
  await expect(page.getByTestId('drawer-open-count-total')).toHaveText('50,000원');
  await page.getByTestId('drawer-open-count-500').press('Enter');
  await expect(page.getByTestId('drawer-open-shift')).toBeVisible();
  await expect(page.getByTestId('drawer-float')).toHaveText('50,000원');
  await expect(page.getByTestId('drawer-expected')).toHaveText('50,000원');
  expect(await seriousFindings(page)).toEqual([]);

  // A cash sale at the register: 12,900원.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('drawer-status')).toHaveText('시재 열림');
  await addProduct(page, 'americano', 2);
  await addProduct(page, 'croissant');
  await page.keyboard.press('F7');
  await page.getByTestId('cash-received').fill('20000');
  await page.getByTestId('cash-take').click();
  await expect(page.getByTestId('receipt')).toBeVisible();
  await page.getByTestId('new-sale').click();

  // 8,000원 out for groceries; more than the drawer should hold is refused in words.
  await page.getByTestId('drawer-status').click();
  await expect(page.getByTestId('drawer-cash-sales')).toHaveText('+12,900원');
  await expect(page.getByTestId('drawer-expected')).toHaveText('62,900원');
  await page.getByTestId('drawer-move-amount').fill('100,000');
  await page.getByTestId('drawer-reason-0').click();
  await page.getByTestId('drawer-move-submit').click();
  await expect(page.getByTestId('drawer-move-error')).toContainText('서랍에 있어야 할 현금은 62,900원입니다');
  await page.getByTestId('drawer-move-amount').fill('8000');
  await page.getByTestId('drawer-move-amount').press('Enter');
  await expect(page.getByTestId('drawer-movement')).toContainText('식자재 구입');
  await expect(page.getByTestId('drawer-movement')).toContainText('−8,000원');
  await expect(page.getByTestId('drawer-expected')).toHaveText('54,900원');
  expect(await seriousFindings(page)).toEqual([]);

  // The count: 53,900원, a 1,000원 note short.
  await page.getByTestId('drawer-close-start').click();
  await count(page, 'close', { 10000: 5, 1000: 3, 500: 1, 100: 4 });
  await expect(page.getByTestId('drawer-close-count-total')).toHaveText('53,900원');
  await expect(page.getByTestId('drawer-close-over-short')).toHaveText('1,000원 부족');
  expect(await seriousFindings(page)).toEqual([]);
  await page.getByTestId('drawer-close-submit').click();
  await expect(page.getByTestId('drawer-closed-notice')).toBeVisible();
  const shift = page.getByTestId('drawer-shifts').locator('tbody tr');
  await expect(shift).toHaveCount(1);
  await expect(shift.getByTestId('drawer-shift-over-short')).toHaveText('1,000원 부족');
  await expect(shift).toContainText('김토스');
  await page.getByTestId('lang-toggle').click();
  await expect(shift.getByTestId('drawer-shift-over-short')).toHaveText('₩1,000 short');
  expect(await seriousFindings(page)).toEqual([]);
  await page.getByTestId('lang-toggle').click();

  // The Z report shows the shift with its shortage, and so does the day's CSV.
  await openAsManager(page, 'day-close');
  // Z is taken once the day's figures are in (the screen asks main for its business day first).
  await expect(page.getByTestId('day-z-close')).toBeEnabled();
  await page.keyboard.press('z');
  await page.getByTestId('day-close-yes').click();
  const report = page.getByTestId('day-report');
  await expect(report).toContainText('마감 보고서 (Z)');
  const zShift = report.getByTestId('drawer-shifts').locator('tbody tr');
  await expect(zShift).toContainText('50,000원');
  await expect(zShift).toContainText('53,900원');
  await expect(zShift.getByTestId('drawer-shift-over-short')).toHaveText('1,000원 부족');
  expect(await seriousFindings(page)).toEqual([]);
  await page.getByTestId('day-report-close').click();

  const download = page.waitForEvent('download');
  await page.keyboard.press('e');
  const csv = await readFile(await (await download).path(), 'utf8');
  expect(csv).toMatch(/drawer,shift \d{4}-\d{2}-\d{2}-1 float,,,50000,/);
  expect(csv).toMatch(/drawer,shift \d{4}-\d{2}-\d{2}-1 paid_out,,,8000,/);
  expect(csv).toMatch(/drawer,shift \d{4}-\d{2}-\d{2}-1 over_short,,,,,'-1000,/);
});
