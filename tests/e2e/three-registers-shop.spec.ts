import type { Page } from '@playwright/test';
import { seriousFindings } from './axe';
import { expect } from './fixtures';
import { openAsManager } from './manager-screens';
import { expectAllArrived, ONLINE_WAIT, sellByCard, test, type ShopRegister } from './three-registers';

// Three registers started, three sales, each register's history, a refund across registers, an
// outage and two day-close checks with Toss: a long test on 2 shared cores.
test.describe.configure({ timeout: 240_000 });

const CANCEL_PATH = /^\/v1\/payments\/[^/]+\/cancel$/;

function rows(page: Page) {
  return page.locator('[data-testid^="history-row-"]');
}

async function backToTheRegister(register: ShopRegister): Promise<void> {
  await register.page.getByTestId('nav-register').click();
  await expect(register.page.getByTestId('product-americano')).toBeVisible();
}

test('one shop on three registers: history on each shows every register’s sales by name, a manager on B refunds A’s sale and A learns of it, history falls back to its own sales with a banner while the store is down, and the day close adds up all three with no orphan charge', async ({
  shop,
}) => {
  const { a, b, c, registers, postgres, toss } = shop;
  const sales = new Map<string, { register: ShopRegister; amount: string }>();

  await test.step('each register sells by card, and its sales reach the shared store', async () => {
    sales.set(await sellByCard(a.page, ['americano']), { register: a, amount: '4,500원' });
    sales.set(await sellByCard(b.page, ['croissant']), { register: b, amount: '3,900원' });
    sales.set(await sellByCard(c.page, ['sandwich']), { register: c, amount: '6,900원' });
    for (const register of registers) await expectAllArrived(postgres.url, register);
  });

  await test.step('history on each register shows all three sales, each with the name of the register that made it', async () => {
    for (const register of registers) {
      await openAsManager(register.page, 'history');
      await expect(rows(register.page)).toHaveCount(3);
      for (const [orderId, sale] of sales) {
        const row = register.page.getByTestId(`history-row-${orderId}`);
        await expect(row).toContainText(sale.register.name);
        await expect(row.getByTestId('history-amount')).toContainText(sale.amount);
      }
      expect(await seriousFindings(register.page)).toEqual([]);
    }
  });

  const [aSale] = [...sales].find(([, sale]) => sale.register === a) ?? [];
  if (aSale === undefined) throw new Error('no sale on A');

  await test.step('a manager on B refunds A’s sale in full: one cancel at Toss, and the history open on A shows it refunded by itself', async () => {
    // A's manager has the sale open in A's history while B refunds it.
    await backToTheRegister(a);
    await openAsManager(a.page, 'history');
    await a.page.getByTestId(`history-row-${aSale}`).click();
    const onA = a.page.getByTestId('order-detail');
    await expect(onA.getByTestId('detail-order-id')).toHaveText(aSale);
    await expect(onA.getByTestId('history-status')).not.toHaveText('환불 완료');

    const page = b.page;
    await page.getByTestId(`history-row-${aSale}`).click();
    await expect(page.getByTestId('order-detail')).toBeVisible();
    await expect(page.getByTestId('detail-order-id')).toHaveText(aSale);
    await expect(page.getByTestId('order-detail')).toContainText(a.name);
    await page.getByTestId('detail-refund').click();
    await expect(page.getByTestId('refund-dialog')).toBeVisible();
    await page.getByTestId('refund-kind-full').check();
    await page.getByTestId('refund-reason-0').click();
    await expect(page.getByTestId('refund-preview-amount')).toHaveText('4,500원');
    await page.getByTestId('refund-next').click();
    await page.getByTestId('refund-confirm').click();
    await expect(page.getByTestId('refund-receipt-amount')).toHaveText('4,500원');
    await expect(page.getByTestId('refund-receipt-balance')).toHaveText('0원');
    await page.getByTestId('refund-receipt-close').click();
    await expect(page.getByTestId('order-detail').getByTestId('history-status')).toHaveText('환불 완료');
    expect(toss.sim.requests().filter((request) => CANCEL_PATH.test(request.path))).toHaveLength(1);

    // The register that made the sale takes B's refund into its books within seconds, and the
    // screen open on it follows by itself: the order's detail, then its row in the list.
    await expect(onA.getByTestId('history-status')).toHaveText('환불 완료', ONLINE_WAIT);
    await a.page.keyboard.press('Escape');
    await expect(onA).toHaveCount(0);
    await expect(a.page.getByTestId(`history-row-${aSale}`).getByTestId('history-status')).toHaveText('환불 완료');
    for (const register of registers) await expectAllArrived(postgres.url, register);
  });

  await test.step('while PostgreSQL is down, history on C shows C’s own sales only, with a banner saying so', async () => {
    await postgres.stop();
    await backToTheRegister(c);
    await expect(c.page.getByTestId('shared-store-offline')).toBeVisible(ONLINE_WAIT);
    await openAsManager(c.page, 'history');
    await expect(rows(c.page)).toHaveCount(1);
    await expect(c.page.getByTestId('history-screen')).toContainText('공유 저장소');
    expect(await seriousFindings(c.page)).toEqual([]);
    await postgres.start();
    for (const register of registers)
      await expect(register.page.getByTestId('shared-store-offline')).toHaveCount(0, ONLINE_WAIT);
  });

  await test.step('the day close on C adds up all three registers, and checking with Toss finds no orphan charge', async () => {
    const page = c.page;
    await backToTheRegister(c);
    await openAsManager(page, 'day-close');
    await expect(page.getByTestId('day-sales')).toHaveText('15,300원');
    await expect(page.getByTestId('day-refunds')).toHaveText('−4,500원');
    await expect(page.getByTestId('day-net')).toHaveText('10,800원');
    for (const register of registers) await expect(page.getByTestId('day-close-screen')).toContainText(register.name);
    await page.keyboard.press('r');
    await expect(page.getByTestId('day-reconcile-ok')).toBeVisible();
    await expect(page.getByTestId('day-mismatch-count')).toHaveCount(0);
    expect(await seriousFindings(page)).toEqual([]);
  });

  await test.step('on A too, the other registers’ sales are the shop’s, never orphan charges', async () => {
    const page = a.page;
    await backToTheRegister(a);
    await openAsManager(page, 'day-close');
    await expect(page.getByTestId('day-net')).toHaveText('10,800원');
    await page.keyboard.press('r');
    await expect(page.getByTestId('day-reconcile-ok')).toBeVisible();
    await expect(page.getByTestId('day-mismatch-orphan-charge')).toHaveCount(0);
  });
});
