import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { createTestDatabase } from '../support/postgres';
import { seriousFindings } from './axe';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import { appEnv, expect, seedDataFolder, startHost, test } from './fixtures';
import { openAsManager } from './manager-screens';
import { addProduct, lineOf } from './register';

// The shop's changes are followed every 2 s (or at once, on NOTIFY); the register page asks main every 3 s.
test.describe.configure({ timeout: 120_000 });

async function registerPage(browser: Browser, url: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ko-KR' })).newPage();
  await page.goto(url);
  await expect(page.getByTestId('product-americano')).toBeVisible();
  return page;
}

test('a price edited on register A’s catalog screen shows on register B’s tiles within seconds, and B charges it', async () => {
  const db = await createTestDatabase('e2e_shop_changes');
  const cleanups: Array<() => Promise<unknown>> = [() => db.drop()];
  try {
    const hosts: Array<{ url: string }> = [];
    // Two registers of one shop, each its own data folder, both on the shop's shared store.
    for (const name of ['a', 'b']) {
      const dataDir = await mkdtemp(join(tmpdir(), `toss-pos-e2e-shop-${name}-`));
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      const env = { ...appEnv(dataDir), POS_STORE_URL: db.url };
      await seedDataFolder(env, { owner: true });
      const host = await startHost(env);
      cleanups.unshift(async () => host.child.kill('SIGTERM'));
      hosts.push(host);
    }
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    cleanups.unshift(() => browser.close());
    const a = await registerPage(browser, hosts[0]!.url);
    const b = await registerPage(browser, hosts[1]!.url);
    await expect(b.getByTestId('product-americano')).toContainText('4,500');

    await openAsManager(a, 'catalog');
    await a.getByTestId('catalog-edit-americano').click();
    await a.getByTestId('product-price').fill('5200');
    await a.getByTestId('product-save').click();
    await expect(a.getByTestId('catalog-price-americano')).toContainText('5,200');

    // B's register, left as it was, shows the new price by itself, and sells at it.
    await expect(b.getByTestId('product-americano')).toContainText('5,200', { timeout: 30_000 });
    await addProduct(b, 'americano');
    await expect(lineOf(b, 'cart-line', 'americano')).toContainText('5,200');
    expect(await seriousFindings(b)).toEqual([]);
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
});
