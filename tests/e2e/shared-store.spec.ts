import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { createTestDatabase } from '../support/postgres';
import { hostPortOf, startTcpProxy } from '../support/tcp-proxy';
import { seriousFindings } from './axe';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import { appEnv, expect, seedDataFolder, startHost, test } from './fixtures';
import { openAsManager } from './manager-screens';
import { addProduct, lineOf } from './register';

// The outbox asks the store every 15 s while all is sent, and tries again after 1, 2, 4 … s once it is gone.
test.describe.configure({ timeout: 120_000 });

test('the register shows a badge while the shared store is unreachable, and none once it is back', async () => {
  const db = await createTestDatabase('e2e_badge');
  const proxy = await startTcpProxy(hostPortOf(db.url).host, hostPortOf(db.url).port);
  const dataDir = await mkdtemp(join(tmpdir(), 'toss-pos-e2e-store-'));
  // A register on the shop's shared store, reached through a proxy the test can cut like a network cable.
  const env = { ...appEnv(dataDir), POS_STORE_URL: proxy.url(db.url) };
  const cleanups: Array<() => Promise<unknown>> = [
    () => db.drop(),
    () => proxy.close(),
    () => rm(dataDir, { recursive: true, force: true }),
  ];
  try {
    await seedDataFolder(env, { owner: true });
    const host = await startHost(env);
    cleanups.unshift(async () => host.child.kill('SIGTERM'));
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    cleanups.unshift(() => browser.close());
    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ko-KR' })
    ).newPage();
    await page.goto(host.url);
    await expect(page.getByTestId('product-americano')).toBeVisible();
    const badge = page.getByTestId('shared-store-offline');
    await expect(badge).toHaveCount(0);

    proxy.cut();
    await expect(badge).toHaveText('공유 저장소 연결 끊김 · 0건 대기', { timeout: 30_000 });
    // Selling goes on: the register is the register, badge or not.
    await addProduct(page, 'americano');
    await expect(lineOf(page, 'cart-line', 'americano')).toBeVisible();
    expect(await seriousFindings(page)).toEqual([]);

    proxy.restore();
    await expect(badge).toHaveCount(0, { timeout: 45_000 });
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
});

test('a manager switches the shared store on in Settings: tested first, refused in words, then shown masked', async ({
  pos,
}) => {
  const db = await createTestDatabase('e2e_setting');
  try {
    const { page } = pos;
    await openAsManager(page, 'settings');
    const panel = page.getByTestId('shared-store-panel');
    await expect(panel.getByTestId('shared-store-in-use')).toContainText('사용하지 않음');
    const wrong = new URL(db.url);
    wrong.password = 'not-the-password';
    await panel.getByTestId('shared-store-url').fill(wrong.toString());
    await panel.getByTestId('shared-store-save').click();
    await expect(panel.getByTestId('shared-store-error')).toContainText('비밀번호가 맞지 않습니다');
    await expect(panel.getByTestId('shared-store-in-use')).toContainText('사용하지 않음');

    await panel.getByTestId('shared-store-url').fill(db.url);
    await panel.getByTestId('shared-store-save').click();
    await expect(panel.getByTestId('shared-store-in-use')).toContainText(':****@');
    await expect(panel.getByTestId('shared-store-in-use')).not.toContainText(`:${new URL(db.url).password}@`);
    await expect(panel.getByTestId('register-name')).toHaveValue(/^POS [0-9A-F]{4}$/);
    expect(await seriousFindings(page)).toEqual([]);
  } finally {
    // FORCE ends the register's own connection to it, which it takes as the store going away.
    await db.drop();
  }
});
