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

// Two registers going live, a sale on each and the shop's reports: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 150_000 });

test('the day close on one register adds up both registers of the shop, each named, with the shop’s total', async () => {
  const db = await createTestDatabase('e2e_shop_day');
  const keys = {
    clientKey: `test_ck_e2e_${randomBytes(6).toString('hex')}`,
    secretKey: `test_sk_e2e_${randomBytes(12).toString('hex')}`,
  };
  // One Toss for the shop: both registers pay on the same keys.
  const toss = await startTossSimulator(keys);
  const cleanups: Array<() => Promise<unknown>> = [() => toss.close(), () => db.drop()];
  try {
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    cleanups.unshift(() => browser.close());
    const env = { TOSS_API_BASE: toss.apiBase, TOSS_SDK_SRC: toss.sdkSrc, POS_STORE_URL: db.url };
    const a = await openRegister(browser, env, '카운터 A', keys, cleanups);
    const b = await openRegister(browser, env, '카운터 B', keys, cleanups);
    await sell(a, ['americano', 'croissant']);
    await sell(b, ['sandwich']);

    await openAsManager(a, 'day-close');
    const report = a.getByTestId('day-report');
    // B's sale reaches the store within moments of its journal line: the report is asked again until it is there.
    await expect(async () => {
      if (await report.isVisible()) await a.getByTestId('day-report-close').click();
      await a.getByTestId('day-x-report').click();
      await expect(report.getByTestId('day-shop-register')).toHaveCount(2, { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(report).toContainText('중간 보고서 (X)');
    const rows = report.getByTestId('day-shop-register');
    await expect(rows.nth(0)).toContainText('카운터 A');
    await expect(rows.nth(0)).toContainText('8,400원');
    await expect(rows.nth(1)).toContainText('카운터 B');
    await expect(report.getByTestId('day-shop-total')).toContainText('매장 합계');
    const sandwich = Number((await rows.nth(1).locator('td').nth(1).innerText()).replace(/[^0-9]/g, ''));
    await expect(report.getByTestId('day-shop-total').locator('td').nth(1)).toHaveText(
      `${(8_400 + sandwich).toLocaleString('ko-KR')}원`,
    );
    await expect(report.getByTestId('day-shop-made-on')).toContainText('카운터 A');
    // The Toss check ran once for the shop: B's card sale is no orphan of A's.
    await expect(report.getByTestId('day-mismatch-orphan-charge')).toHaveCount(0);
    expect(await seriousFindings(a)).toEqual([]);
    await a.getByTestId('day-report-close').click();

    // The Z on A is the shop's; B then sees the shop's day closed on A.
    await a.getByTestId('day-z-close').click();
    await a.getByTestId('day-close-yes').click();
    await expect(report).toContainText('마감 보고서 (Z)');
    await expect(report.getByTestId('day-shop-register')).toHaveCount(2);
    await a.getByTestId('day-report-close').click();
    await openAsManager(b, 'day-close');
    await expect(b.getByTestId('day-shop-closed-elsewhere')).toContainText('카운터 A');
    expect(await seriousFindings(b)).toEqual([]);
    await b.getByTestId('lang-toggle').click();
    await expect(b.getByTestId('day-shop-closed-elsewhere')).toContainText('The shop’s day was closed on 카운터 A');
    expect(await seriousFindings(b)).toEqual([]);
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
});

test('with the shared store down, the X report is this register’s alone and says so, in Korean and English', async () => {
  const db = await createTestDatabase('e2e_shop_day_down');
  const proxy = await startTcpProxy(hostPortOf(db.url).host, hostPortOf(db.url).port);
  const keys = {
    clientKey: `test_ck_e2e_${randomBytes(6).toString('hex')}`,
    secretKey: `test_sk_e2e_${randomBytes(12).toString('hex')}`,
  };
  const toss = await startTossSimulator(keys);
  const cleanups: Array<() => Promise<unknown>> = [() => toss.close(), () => proxy.close(), () => db.drop()];
  try {
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    cleanups.unshift(() => browser.close());
    const env = { TOSS_API_BASE: toss.apiBase, TOSS_SDK_SRC: toss.sdkSrc, POS_STORE_URL: proxy.url(db.url) };
    const a = await openRegister(browser, env, '카운터 A', keys, cleanups);
    await sell(a, ['americano']);
    proxy.cut();
    await openAsManager(a, 'day-close');
    await a.getByTestId('day-x-report').click();
    const report = a.getByTestId('day-report');
    // The report first tries to send this register's waiting lines: a store that is away takes a moment to give up on.
    await expect(report.getByTestId('day-shop-offline')).toContainText('매장 전체 숫자를 읽지 못했습니다', {
      timeout: 30_000,
    });
    await expect(report.getByTestId('day-shop-register')).toHaveCount(0);
    await expect(report.getByTestId('day-reconcile-unavailable')).toContainText('공유 저장소를 읽지 못해');
    await expect(report.getByTestId('day-net')).toHaveText('4,500원');
    expect(await seriousFindings(a)).toEqual([]);
    await a.getByTestId('day-report-close').click();
    await a.getByTestId('lang-toggle').click();
    await a.getByTestId('day-x-report').click();
    await expect(report.getByTestId('day-shop-offline')).toContainText('the shop’s figures could not be read', {
      timeout: 30_000,
    });
    expect(await seriousFindings(a)).toEqual([]);
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
});
