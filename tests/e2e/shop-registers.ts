import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { cards } from './cards';
import { appEnv, expect, seedDataFolder, startHost } from './fixtures';
import { goLive, openAsManager } from './manager-screens';
import { addProduct, payWithCard } from './register';

/** Rings a sale up and pays it by card in the payment window, as a cashier does. */
export async function sell(page: Page, products: string[]): Promise<void> {
  for (const product of products) await addProduct(page, product);
  await page.getByTestId('pay').click();
  await payWithCard(page, cards.approve);
  await expect(page.getByTestId('receipt')).toBeVisible();
  await page.getByTestId('new-sale').click();
}

/** A register of the shop: its own data folder and browser host, on the shop's database and Toss, named and live. */
export async function openRegister(
  browser: Browser,
  env: NodeJS.ProcessEnv,
  name: string,
  keys: { clientKey: string; secretKey: string },
  cleanups: Array<() => Promise<unknown>>,
): Promise<Page> {
  const dataDir = await mkdtemp(join(tmpdir(), 'toss-pos-e2e-shop-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const own = { ...appEnv(dataDir), ...env };
  await seedDataFolder(own, { owner: true });
  const host = await startHost(own);
  cleanups.unshift(async () => host.child.kill('SIGTERM'));
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ko-KR' })).newPage();
  await page.goto(host.url);
  await openAsManager(page, 'settings');
  await page.getByTestId('register-name').fill(name);
  await page.getByTestId('register-name-save').click();
  await expect(page.getByTestId('register-name-save')).toBeEnabled();
  await goLive(page, keys);
  return page;
}
