import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startPos } from '../../electron/compose/start-pos';
import { plainTextCipher } from '../../electron/core/shop/secrets/key-cipher';
import { startTossSimulator } from '../../electron/training/simulator';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import { createTestDatabase } from '../support/postgres';
import { seriousFindings } from './axe';
import { cards } from './cards';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import { appEnv, expect, OWNER, seedDataFolder, startHost, test } from './fixtures';
import { openAsManager } from './manager-screens';

// Two registers started one after the other on one PostgreSQL, a card sale and a refund through Toss.
test.describe.configure({ timeout: 120_000 });

const CANCEL_PATH = /^\/v1\/payments\/[^/]+\/cancel$/;
const RECEIPT_CANCEL_PATH = /^\/v1\/cash-receipts\/[^/]+\/cancel$/;
const NONE_LEFT = '마무리되지 않은 결제, 환불, 현금영수증이 없습니다.';
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * One shop on a fresh database with its own Toss: register A runs in this process (its fetch to
 * Toss as the test makes it, a manager signed in), and B is a browser host the test opens.
 */
async function shop(cleanups: Array<() => Promise<unknown>>, fetchOfA: typeof fetch) {
  const db = await createTestDatabase('e2e_elsewhere');
  cleanups.unshift(() => db.drop());
  const keys = {
    clientKey: `test_ck_e2e_${randomBytes(6).toString('hex')}`,
    secretKey: `test_sk_e2e_${randomBytes(12).toString('hex')}`,
  };
  const sim = await startTossSimulator(keys);
  cleanups.unshift(() => sim.close());
  const live = (dataDir: string) => ({
    ...appEnv(dataDir),
    TOSS_CLIENT_KEY: keys.clientKey,
    TOSS_SECRET_KEY: keys.secretKey,
    TOSS_API_BASE: sim.apiBase,
    TOSS_SDK_SRC: sim.sdkSrc,
    POS_STORE_URL: db.url,
  });
  const folder = async (name: string) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'toss-pos-e2e-elsewhere-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    await seedDataFolder(appEnv(dataDir), {
      owner: true,
      then: async (core) => {
        await core.ok('store:save-register-name', { name });
      },
    });
    return dataDir;
  };
  const a = await startPos({
    env: live(await folder('카운터 A')),
    packaged: false,
    cipher: plainTextCipher,
    keepEnvironmentKey: false,
    log: quiet,
    fetch: fetchOfA,
  });
  const ok = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const result = await a.dispatch(channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
    return result.data as ChannelOutput<C>;
  };
  await ok('staff:unlock', { pin: OWNER.pin });
  /** Register B, live on the same store, its Settings open as a manager. */
  const openB = async () => {
    const host = await startHost(live(await folder('카운터 B')));
    cleanups.unshift(async () => host.child.kill('SIGTERM'));
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    cleanups.unshift(() => browser.close());
    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ko-KR' })
    ).newPage();
    await page.goto(host.url);
    await expect(page.getByTestId('product-americano')).toBeVisible();
    await openAsManager(page, 'settings');
    return page;
  };
  return { sim, keys, a, ok, openB };
}

test('a refund a register gone for good left under way is settled by a manager on another register, in Settings', async () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  try {
    // Register A sells by card, then starts a refund whose answer from Toss never comes back
    // (Toss makes the cancel); then A's machine is gone for good.
    const lost: typeof fetch = async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (!url.includes('/v1/payments/') || url.endsWith('/confirm')) return fetch(input, init);
      if (init?.method === 'POST') await fetch(input, init);
      throw new TypeError('fetch failed');
    };
    const { sim, keys, a, ok, openB } = await shop(cleanups, lost);
    const order = await ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
    const authorized = await fetch(`${sim.origin}/sim/authorize`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...order, clientKey: keys.clientKey, cardNumber: cards.approve }),
    });
    const { paymentKey } = (await authorized.json()) as { paymentKey: string };
    await ok('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
    const unknown = await a.dispatch('refund:create', {
      orderId: order.orderId,
      request: { kind: 'full' },
      reason: '고객 요청',
    });
    expect(unknown.ok === false && unknown.error.code).toBe('TOSS_UNREACHABLE');
    await a.sharedStore.flush();
    await a.close();

    // Register B, live on the same store: its manager finds A's refund in Settings and settles it.
    const page = await openB();
    const open = page.getByTestId('open-work-elsewhere');
    const row = open.getByTestId('open-work-elsewhere-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('카운터 A');
    await expect(row).toContainText(order.orderId);
    await expect(row).toContainText('4,500원');
    await open.scrollIntoViewIfNeeded();
    expect(await seriousFindings(page)).toEqual([]);

    await row.getByTestId('open-work-elsewhere-settle').click();
    await expect(open.getByTestId('open-work-elsewhere-none')).toHaveText(NONE_LEFT);
    await expect(open.getByTestId('open-work-elsewhere-error')).toHaveCount(0);
    // Toss had made the cancel A asked for: it is recorded, never sent again.
    expect(sim.requests().filter((r) => r.method === 'POST' && CANCEL_PATH.test(r.path))).toHaveLength(1);
    expect(sim.payments().find((p) => p.paymentKey === paymentKey)?.status).toBe('CANCELED');
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
});

test('a 현금영수증 cancel a register gone for good still owed is settled in one click on another register', async () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  try {
    // Register A refunds its own cash sale; the cash goes back over the counter, but Toss never
    // hears of the receipt's cancel (its requests to cancel one never leave A). Then A is gone.
    const noReceiptCancels: typeof fetch = async (input, init) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      if (init?.method === 'POST' && RECEIPT_CANCEL_PATH.test(url.pathname)) throw new TypeError('fetch failed');
      return fetch(input, init);
    };
    const { sim, a, ok, openB } = await shop(cleanups, noReceiptCancels);
    const order = await ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
    const paid = await ok('cash:sale', {
      orderId: order.orderId,
      received: order.amount,
      cashReceipt: { type: '소득공제', identity: '010-2345-6789' },
    });
    expect(paid.cash?.cashReceipt?.status).toBe('ISSUED');
    const refunded = await ok('refund:create', {
      orderId: order.orderId,
      request: { kind: 'full' },
      reason: '고객 요청',
    });
    expect(refunded.cash?.cashReceipt).toMatchObject({ status: 'ISSUED', canceledAmount: 0 });
    await a.sharedStore.flush();
    await a.close();

    const page = await openB();
    const open = page.getByTestId('open-work-elsewhere');
    const row = open.getByTestId('open-work-elsewhere-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('카운터 A');
    await expect(row).toContainText('현금영수증 취소 대기');
    await expect(row).toContainText(order.orderId);
    await expect(row).toContainText('4,500원');
    await open.scrollIntoViewIfNeeded();
    expect(await seriousFindings(page)).toEqual([]);

    await row.getByTestId('open-work-elsewhere-settle').click();
    await expect(open.getByTestId('open-work-elsewhere-none')).toHaveText(NONE_LEFT);
    await expect(open.getByTestId('open-work-elsewhere-error')).toHaveCount(0);
    const cancels = sim.requests().filter((r) => r.method === 'POST' && RECEIPT_CANCEL_PATH.test(r.path));
    expect(cancels.map((r) => r.status)).toEqual([200]);

    // B's history shows A's sale refunded, its 현금영수증 cancelled.
    await openAsManager(page, 'history');
    await page.getByTestId(`history-row-${order.orderId}`).click();
    await expect(page.getByTestId('detail-cash-receipt')).toContainText('취소됨 · 소득공제 · 010-****-6789');
    expect(await seriousFindings(page)).toEqual([]);
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
});
