import { randomBytes } from 'node:crypto';
import { chromium } from '@playwright/test';
import { startTossSimulator } from '../../electron/training/simulator';
import { createTestDatabase } from '../support/postgres';
import { hostPortOf, startTcpProxy } from '../support/tcp-proxy';
import { seriousFindings } from './axe';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import { expect, test } from './fixtures';
import { openAsManager } from './manager-screens';
import { openRegister, sell } from './shop-registers';

// Two registers going live, a sale on each, the shop's close and the month: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 150_000 });

test('the month on one register counts the shop’s day closed on another: both registers’ sales; with the store down, its own, saying so', async () => {
  const db = await createTestDatabase('e2e_shop_month');
  const proxy = await startTcpProxy(hostPortOf(db.url).host, hostPortOf(db.url).port);
  const keys = {
    clientKey: `test_ck_e2e_${randomBytes(6).toString('hex')}`,
    secretKey: `test_sk_e2e_${randomBytes(12).toString('hex')}`,
  };
  // One Toss for the shop: both registers pay on the same keys.
  const toss = await startTossSimulator(keys);
  const cleanups: Array<() => Promise<unknown>> = [() => toss.close(), () => proxy.close(), () => db.drop()];
  try {
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    cleanups.unshift(() => browser.close());
    const env = { TOSS_API_BASE: toss.apiBase, TOSS_SDK_SRC: toss.sdkSrc };
    const a = await openRegister(browser, { ...env, POS_STORE_URL: db.url }, '카운터 A', keys, cleanups);
    // B reaches the store through a proxy the test can cut.
    const b = await openRegister(browser, { ...env, POS_STORE_URL: proxy.url(db.url) }, '카운터 B', keys, cleanups);
    await sell(a, ['americano', 'croissant']);
    await sell(b, ['sandwich']);

    // The shop's Z on A, once B's sale has reached the store.
    await openAsManager(a, 'day-close');
    const report = a.getByTestId('day-report');
    await expect(async () => {
      if (await report.isVisible()) await a.getByTestId('day-report-close').click();
      await a.getByTestId('day-x-report').click();
      await expect(report.getByTestId('day-shop-register')).toHaveCount(2, { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await a.getByTestId('day-report-close').click();
    await a.getByTestId('day-z-close').click();
    await a.getByTestId('day-close-yes').click();
    await expect(report).toContainText('마감 보고서 (Z)');
    await a.getByTestId('day-report-close').click();

    // B's month: the day is the shop's close, both registers' card sales (8,400 + 6,900 won).
    await openAsManager(b, 'day-close');
    await b.getByTestId('month-show').click();
    const month = b.getByTestId('month-report');
    const day = month.locator('[data-testid^="month-day-"]');
    await expect(day).toHaveCount(1);
    await expect(day.locator('th')).toContainText('Z');
    await expect(day.locator('td').first()).toHaveText('15,300원');
    await expect(b.getByTestId('month-total').locator('td').first()).toHaveText('15,300원');
    await expect(month.getByTestId('month-shop-note')).toContainText('매장의 모든 계산대');
    await expect(month.getByTestId('month-only-this-register')).toHaveCount(0);
    expect(await seriousFindings(b)).toEqual([]);
    await b.getByTestId('month-close').click();

    // The store gone: B's month is its own sale alone, and says so, in Korean and English.
    proxy.cut();
    await b.getByTestId('month-show').click();
    await expect(month.getByTestId('month-only-this-register')).toContainText('이 계산대의 주문만', {
      timeout: 30_000,
    });
    await expect(day.locator('td').first()).toHaveText('6,900원');
    await expect(month.getByTestId('month-shop-note')).toHaveCount(0);
    expect(await seriousFindings(b)).toEqual([]);
    await b.getByTestId('month-close').click();
    // The CSV goes to the 세무사 on its own: its name says it is not the shop's month.
    const downloading = b.waitForEvent('download');
    await b.getByTestId('month-export').click();
    expect((await downloading).suggestedFilename()).toMatch(/^toss-pos-month-\d{4}-\d{2}-this-register-only\.csv$/);
    await expect(b.getByTestId('month-export-only-this-register')).toBeVisible();
    await b.getByTestId('lang-toggle').click();
    await b.getByTestId('month-show').click();
    await expect(month.getByTestId('month-only-this-register')).toContainText('only this register', {
      timeout: 30_000,
    });
    expect(await seriousFindings(b)).toEqual([]);
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
});
