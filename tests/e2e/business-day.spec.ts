import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { cards } from './cards';
import { expect, payThroughCore, test } from './fixtures';
import { goLive, openAsManager } from './manager-screens';
import { addProduct, payWithCard } from './register';

/**
 * The app's clock: a December evening, whatever the date of the machine (and of the browser,
 * which keeps the real one): every date a screen opens on must come from main.
 */
const EVENING = '2026-12-03T20:30:00+09:00';

function rows(page: Page) {
  return page.locator('[data-testid^="history-row-"]');
}

/** Rings a sale up and pays it by card in the payment window, as a cashier does; its order id. */
async function sell(page: Page, product: string): Promise<string> {
  await addProduct(page, product);
  await page.getByTestId('pay').click();
  await payWithCard(page, cards.approve);
  await expect(page.getByTestId('receipt')).toBeVisible();
  const orderId = (await page.getByTestId('receipt-order-id').innerText()).trim();
  await page.getByTestId('new-sale').click();
  return orderId;
}

/** The serious and critical axe findings on the page as it is now, one line each. */
async function seriousFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
}

/** The CSV the click downloads, its BOM taken off, line by line. */
async function downloadedLines(page: Page, testId: string): Promise<string[]> {
  const downloading = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const csv = await readFile(await (await downloading).path(), 'utf8');
  return csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
}

test.describe('in training, on main’s clock', () => {
  test.use({
    seed: {
      owner: true,
      at: '2026-12-03T09:00:00+09:00',
      appAt: EVENING,
      then: async (core) => {
        const morning = await payThroughCore(core, [{ productId: 'cheesecake', quantity: 1 }]);
        const coupon = await core.ok('coupons:define', {
          name: '오픈 기념 1,000원',
          benefit: { type: 'fixed', amount: 1_000 },
          minOrderAmount: 0,
          scope: { categoryIds: [], productIds: [] },
        });
        return { morning, coupon: coupon.id };
      },
    },
  });

  test('the day close rehearsed: a practice Z over the training sales, marked on screen and in the CSV, never listed as a close; history’s time filter narrows the day; coupon dates start on main’s day', async ({
    pos,
  }) => {
    test.setTimeout(90_000);
    const { page } = pos;
    const { morning = '', coupon = '' } = pos.seeded;
    const evening = await sell(page, 'americano');

    await openAsManager(page, 'day-close');
    await expect(page.getByTestId('day-picker')).toHaveValue('2026-12-03');
    await expect(page.getByTestId('day-practice')).toContainText('교육용 연습 마감');
    await expect(page.getByTestId('day-training')).toHaveText('교육 주문 2건을 연습으로 계산했습니다.');
    await expect(page.getByTestId('day-z-close')).toHaveText('연습 마감 (Z)');
    await page.keyboard.press('z');
    await expect(page.getByTestId('day-close-confirm')).toContainText('연습 마감');
    expect(await seriousFindings(page)).toEqual([]);
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('day-close-yes')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('day-report')).toContainText('교육용 연습 마감 · 마감 보고서 (Z) — 2026-12-03');
    await expect(page.getByTestId('day-report-practice')).toBeVisible();
    expect(await seriousFindings(page)).toEqual([]);
    await page.getByTestId('day-report-close').click();
    // Nothing was closed: the day is open and no close is listed.
    await expect(page.getByTestId('day-status')).toContainText('영업 중');
    await expect(page.getByTestId('day-closes')).toContainText('아직 마감한 날이 없습니다.');

    const korean = await downloadedLines(page, 'day-export');
    expect(korean[0]).toBe('구분,항목,건수,수량,금액,환불,순매출,옵션');
    expect(korean[1]).toBe('practice,교육용 연습 마감 — 실제 장부가 아닙니다,,,,,,');
    await page.getByTestId('day-export-machine').check();
    expect((await downloadedLines(page, 'day-export'))[0]).toBe(
      'section,item,orders,quantity,amount,refunds,net,options',
    );

    await openAsManager(page, 'history');
    await expect(page.getByTestId('history-from')).toHaveValue('2026-12-03');
    await expect(rows(page)).toHaveCount(2);
    await page.getByTestId('history-from-time').fill('12:00');
    await expect(rows(page)).toHaveCount(1);
    await expect(page.getByTestId(`history-row-${evening}`)).toBeVisible();
    await page.getByTestId('history-from-time').fill('');
    await page.getByTestId('history-to-time').fill('10:00');
    await expect(rows(page)).toHaveCount(1);
    await expect(page.getByTestId(`history-row-${morning}`)).toBeVisible();
    expect(await seriousFindings(page)).toEqual([]);

    await openAsManager(page, 'coupons');
    await page.getByTestId(`coupon-issue-${coupon}`).click();
    await expect(page.getByTestId('coupon-issue-from')).toHaveValue('2026-12-03');
    await expect(page.getByTestId('coupon-issue-until')).toHaveValue('2027-01-02');
    await page.keyboard.press('Escape');

    // The live books never saw the rehearsal.
    await openAsManager(page, 'settings');
    await goLive(page, pos.liveToss);
    await openAsManager(page, 'day-close');
    await expect(page.getByTestId('day-closes')).toContainText('아직 마감한 날이 없습니다.');
    await expect(page.getByTestId('day-practice')).toHaveCount(0);
    await expect(page.getByTestId('day-z-close')).toHaveText('마감 (Z)');
  });
});

test.describe('live, on main’s clock', () => {
  test.use({ seed: { owner: true, at: '2026-12-03T09:00:00+09:00', appAt: EVENING } });

  test('after an evening Z close a sale belongs to the next business day, and history and the day close open on that day', async ({
    pos,
  }) => {
    test.setTimeout(90_000);
    const { page } = pos;
    await openAsManager(page, 'settings');
    await goLive(page, pos.liveToss);
    const before = await sell(page, 'americano');

    await openAsManager(page, 'day-close');
    await expect(page.getByTestId('day-picker')).toHaveValue('2026-12-03');
    await expect(page.getByTestId('day-status')).toContainText('영업 중');
    await page.keyboard.press('z');
    await expect(page.getByTestId('day-close-no')).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('day-report')).toContainText('마감 보고서 (Z) — 2026-12-03');
    await expect(page.getByTestId('day-report-practice')).toHaveCount(0);
    await page.getByTestId('day-report-close').click();
    await expect(page.getByTestId('day-status')).toContainText('마감됨');

    await page.getByTestId('nav-register').click();
    const after = await sell(page, 'croissant');
    expect(after.startsWith('20261204-')).toBe(true);

    await openAsManager(page, 'history');
    await expect(page.getByTestId('history-from')).toHaveValue('2026-12-04');
    await expect(page.getByTestId('history-to')).toHaveValue('2026-12-04');
    await expect(rows(page)).toHaveCount(1);
    await expect(page.getByTestId(`history-row-${after}`)).toBeVisible();
    await expect(page.getByTestId(`history-row-${before}`)).toHaveCount(0);

    await openAsManager(page, 'day-close');
    await expect(page.getByTestId('day-picker')).toHaveValue('2026-12-04');
    await expect(page.getByTestId('day-status')).toContainText('영업 중');
    await expect(page.getByTestId('day-closes')).toContainText('2026-12-03');
  });
});
