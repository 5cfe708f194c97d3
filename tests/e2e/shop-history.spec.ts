import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { demoCatalog } from '../../electron/core/shop/catalog/demo-catalog';
import { startTossSimulator } from '../../electron/training/simulator';
import { createTestDatabase } from '../support/postgres';
import { hostPortOf, startTcpProxy } from '../support/tcp-proxy';
import { seriousFindings } from './axe';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import { appEnv, expect, OWNER, seedDataFolder, startHost, test } from './fixtures';
import { openAsManager } from './manager-screens';
import { addProduct } from './register';

// Two live registers start, sell and replicate: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 150_000 });

type Cleanup = () => Promise<unknown>;

/**
 * A live register in the browser host on the shop's shared store (`storeUrl`): its own data folder
 * with the owner (at the till) and the demo catalog, and the test's own Toss simulator.
 */
async function liveRegister(
  browser: Browser,
  keys: { clientKey: string; secretKey: string; apiBase: string; sdkSrc: string },
  storeUrl: string,
  cleanups: Cleanup[],
): Promise<Page> {
  const dataDir = await mkdtemp(join(tmpdir(), 'toss-pos-e2e-shop-'));
  cleanups.unshift(() => rm(dataDir, { recursive: true, force: true }));
  await seedDataFolder(appEnv(dataDir), { owner: true });
  await writeFile(join(dataDir, 'catalog.json'), JSON.stringify(demoCatalog), { flag: 'wx' }).catch(() => undefined);
  const host = await startHost({
    ...appEnv(dataDir),
    TOSS_CLIENT_KEY: keys.clientKey,
    TOSS_SECRET_KEY: keys.secretKey,
    TOSS_API_BASE: keys.apiBase,
    TOSS_SDK_SRC: keys.sdkSrc,
    POS_STORE_URL: storeUrl,
  });
  cleanups.unshift(async () => host.child.kill('SIGTERM'));
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ko-KR' });
  const page = await context.newPage();
  await page.goto(host.url);
  // The owner's first start left them at the till.
  await expect(page.getByTestId('till-badge')).toContainText(OWNER.name);
  await expect(page.getByTestId('product-americano')).toBeVisible();
  await expect(page.getByTestId('training-banner')).toHaveCount(0);
  return page;
}

async function nameRegister(page: Page, name: string): Promise<void> {
  await openAsManager(page, 'settings');
  const panel = page.getByTestId('shared-store-panel');
  await panel.getByTestId('register-name').fill(name);
  await panel.getByTestId('register-name-save').click();
  await expect(panel.getByTestId('register-name')).toHaveValue(name);
  await page.getByTestId('nav-register').click();
}

/** A cash sale of the exact amount; the order id off its receipt. */
async function cashSale(page: Page, productId: string): Promise<string> {
  await addProduct(page, productId);
  await page.keyboard.press('F7');
  await page.getByTestId('cash-exact').click();
  await page.getByTestId('cash-take').click();
  await expect(page.getByTestId('receipt')).toBeVisible();
  const orderId = (await page.getByTestId('receipt-order-id').innerText()).trim();
  await page.getByTestId('new-sale').click();
  return orderId;
}

test('history on one register lists the other register’s sale with its name, and says when the shared store is away', async () => {
  const cleanups: Cleanup[] = [];
  try {
    const db = await createTestDatabase('e2e_shop_history');
    cleanups.unshift(() => db.drop());
    // Register B reaches the store through a proxy the test can cut like a network cable.
    const proxy = await startTcpProxy(hostPortOf(db.url).host, hostPortOf(db.url).port);
    cleanups.unshift(() => proxy.close());
    const keys = {
      clientKey: `test_ck_e2e_${randomBytes(6).toString('hex')}`,
      secretKey: `test_sk_e2e_${randomBytes(12).toString('hex')}`,
    };
    const sim = await startTossSimulator(keys);
    cleanups.unshift(() => sim.close());
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    cleanups.unshift(() => browser.close());
    const toss = { ...keys, apiBase: sim.apiBase, sdkSrc: sim.sdkSrc };
    const a = await liveRegister(browser, toss, db.url, cleanups);
    const b = await liveRegister(browser, toss, proxy.url(db.url), cleanups);
    await nameRegister(a, '카운터 A');
    await nameRegister(b, '카운터 B');

    const theirs = await cashSale(a, 'americano');
    const mine = await cashSale(b, 'croissant');

    // B's history: A's sale (once the outbox has sent it) with A's name, B's own with B's.
    await openAsManager(b, 'history');
    const theirRow = b.getByTestId(`history-row-${theirs}`);
    await expect(async () => {
      await b.getByTestId('nav-register').click();
      await openAsManager(b, 'history');
      await expect(theirRow).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(theirRow.getByTestId('history-register')).toHaveText('카운터 A');
    await expect(b.getByTestId(`history-row-${mine}`).getByTestId('history-register')).toHaveText('카운터 B');
    await expect(b.getByRole('columnheader', { name: '계산대' })).toBeVisible();
    await expect(b.getByTestId('history-only-this-register')).toHaveCount(0);

    // The other register's order opens, with its register, and offers its refund.
    await theirRow.click();
    await expect(b.getByTestId('detail-register')).toHaveText('계산대: 카운터 A');
    await expect(b.getByTestId('detail-refund')).toBeVisible();
    await b.getByTestId('detail-close').click();

    // The store cut away: B's own orders, and a banner that says so.
    proxy.cut();
    await b.getByTestId('nav-register').click();
    await openAsManager(b, 'history');
    await expect(b.getByTestId('history-only-this-register')).toHaveText(
      '공유 저장소에 연결할 수 없어 이 계산대의 주문만 보입니다',
    );
    await expect(b.getByTestId(`history-row-${mine}`)).toBeVisible();
    await expect(theirRow).toHaveCount(0);
    expect(await seriousFindings(b)).toEqual([]);

    // The day's figures say the same.
    await openAsManager(b, 'day-close');
    await expect(b.getByTestId('day-only-this-register')).toBeVisible();
    expect(await seriousFindings(b)).toEqual([]);

    // Back: the whole shop again.
    proxy.restore();
    await openAsManager(b, 'history');
    await expect(theirRow).toBeVisible();
    await expect(b.getByTestId('history-only-this-register')).toHaveCount(0);
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
});
