import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { TAX_OFFICE_REFUSES_ENDING } from '../../electron/training/cash-receipts';
import type { Order } from '../../shared/domain/order';
import { seoulDay } from '../../shared/domain/time';
import { expect, test } from './fixtures';
import { openAsManager } from './manager-screens';
import { addProduct, invoke } from './register';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The serious and critical axe findings on the page as it is now, one line each. */
async function seriousFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
}

async function issueStatusOf(page: Page, orderId: string): Promise<string | null> {
  const answer = await invoke(page, 'sale:get', { orderId });
  return (answer.data as Order | undefined)?.cash?.cashReceipt?.issueStatus ?? null;
}

test.describe('a 현금영수증 the tax office refuses the next day', () => {
  // Yesterday by the test clock: a cash sale whose 현금영수증 goes to the simulator's failing number (…0404).
  const yesterday = seoulDay(new Date(Date.now() - DAY_MS));
  test.use({
    seed: {
      owner: true,
      at: new Date(Date.now() - DAY_MS).toISOString(),
      then: async (core) => {
        const order = await core.ok('sale:create', { lines: [{ productId: 'americano', quantity: 2 }] });
        const paid = await core.ok('cash:sale', {
          orderId: order.orderId,
          received: 10_000,
          cashReceipt: { type: '소득공제', identity: `010-2345-${TAX_OFFICE_REFUSES_ENDING}` },
        });
        if (paid.cash?.cashReceipt?.issueStatus !== 'IN_PROGRESS') throw new Error('the receipt was not IN_PROGRESS');
        return { orderId: order.orderId };
      },
    },
  });

  test('history marks it FAILED and says what to do, the day close lists it, and it is issued again from the order', async ({
    pos,
  }) => {
    test.setTimeout(90_000);
    const { page } = pos;
    const orderId = pos.seeded['orderId'] ?? '';
    // The settler asks Toss at start, in the background: the next business day, the tax office has answered.
    await expect.poll(() => issueStatusOf(page, orderId), { timeout: 20_000 }).toBe('FAILED');

    await openAsManager(page, 'history');
    await page.getByTestId('history-from').fill(yesterday);
    const row = page.getByTestId(`history-row-${orderId}`);
    await expect(row.getByTestId('history-cash-receipt-failed')).toHaveText('현금영수증 실패');
    await row.click();
    await expect(page.getByTestId('detail-cash-receipt')).toContainText('발급 실패 · 소득공제 · 010-****-0404');
    await expect(page.getByTestId('detail-cash-receipt-status')).toContainText('국세청 등록 실패');
    await expect(page.getByTestId('detail-cash-receipt-todo')).toContainText('다시 발급하거나 고객에게 안내하세요');
    await expect(page.getByTestId('detail-cash-receipt-todo')).toContainText(
      '국세청에서 현금영수증 등록을 거절했습니다',
    );
    expect(await seriousFindings(page)).toEqual([]);
    await page.getByTestId('detail-close').click();

    await openAsManager(page, 'day-close');
    const failed = page.getByTestId('day-failed-receipts');
    await expect(failed).toContainText('다시 발급하거나 고객에게 안내하세요');
    await expect(failed.getByTestId('day-failed-receipt')).toHaveCount(1);
    await expect(failed.getByTestId('day-failed-receipt')).toContainText('9,000원');
    expect(await seriousFindings(page)).toEqual([]);

    // Issued again from the order, to a number the tax office takes: it leaves the list.
    await failed.getByTestId('day-failed-receipt-open').click();
    await page.getByTestId('detail-cash-identity').fill('010-2345-6789');
    await page.getByTestId('detail-cash-issue-submit').click();
    await expect(page.getByTestId('detail-cash-receipt-status')).toContainText('국세청 등록 중');
    await page.getByTestId('detail-close').click();
    await expect(page.getByTestId('day-failed-receipts')).toHaveCount(0);
  });
});

test('의무발행업종: a manager switches it on in Settings; cash of 100,000원 without a number is issued to 010-000-1234 (자진발급) and the receipt says so', async ({
  pos,
}) => {
  const { page } = pos;
  await openAsManager(page, 'settings');
  const mandatory = page.getByTestId('mandatory-cash-receipt');
  await expect(mandatory).not.toBeChecked();
  await mandatory.check();
  await expect(page.getByTestId('mandatory-cash-receipt-saved')).toBeVisible();
  expect(await seriousFindings(page)).toEqual([]);

  await page.getByTestId('nav-register').click();
  await addProduct(page, 'tumbler', 4);
  await page.keyboard.press('F7');
  await page.getByTestId('cash-received').fill('100000');
  await page.getByTestId('cash-take').click();
  await expect(page.getByTestId('receipt-cash-receipt')).toContainText('010-000-1234 (국세청 번호 자진발급)');
  const orderId = (await page.getByTestId('receipt-order-id').innerText()).trim();
  const order = (await invoke(page, 'sale:get', { orderId })).data as Order;
  expect(order.cash?.cashReceipt).toMatchObject({ type: '소득공제', selfIssued: true, issueStatus: 'IN_PROGRESS' });
});
