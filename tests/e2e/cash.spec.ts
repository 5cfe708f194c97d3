import { expect, test } from './fixtures';
import { openAsManager } from './manager-screens';
import { addProduct, invoke } from './register';

test('a cash sale from the keyboard: notes handed over, change shown, a 현금영수증 issued through Toss, nothing charged to a card', async ({
  pos,
}) => {
  const { page } = pos;
  await addProduct(page, 'americano', 2);
  await addProduct(page, 'croissant');
  await expect(page.getByTestId('cart-total')).toContainText('12,900');

  await page.keyboard.press('F7');
  const dialog = page.getByTestId('cash-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('cash-due')).toHaveText('12,900원');
  await page.getByTestId('cash-received').fill('10000');
  await expect(page.getByTestId('cash-change')).toHaveText('2,900원 부족합니다');
  await expect(page.getByTestId('cash-take')).toBeDisabled();
  await page.getByTestId('cash-note-5000').click();
  await expect(page.getByTestId('cash-change')).toHaveText('거스름돈 2,100원');

  await page.getByTestId('cash-receipt-wanted').check();
  const identity = page.getByTestId('cash-receipt-identity');
  await identity.fill('010-12');
  await identity.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('휴대폰 번호');
  await identity.fill('010-2345-6789');
  await identity.press('Enter');

  await expect(page.getByTestId('receipt')).toBeVisible();
  const orderId = (await page.getByTestId('receipt-order-id').innerText()).trim();
  const order = (await invoke(page, 'sale:get', { orderId })) as {
    ok: true;
    data: {
      status: string;
      payment: unknown;
      cash: { received: number; change: number; cashReceipt: { status: string; identityMasked: string } };
    };
  };
  expect(order.data).toMatchObject({
    status: 'PAID',
    payment: null,
    cash: { received: 15_000, change: 2_100, cashReceipt: { status: 'ISSUED', identityMasked: '010-****-6789' } },
  });
  const toss = await pos.tossRequests();
  expect(toss.filter((r) => r.path === '/v1/payments/confirm')).toEqual([]);
  expect(toss.filter((r) => r.path === '/v1/cash-receipts')).toEqual([
    expect.objectContaining({ orderId, status: 200 }),
  ]);
  await expect(page.getByTestId('receipt')).not.toContainText('01023456789');
});

test('Esc closes the cash dialog and the cart stays as it was', async ({ pos }) => {
  const { page } = pos;
  await addProduct(page, 'americano');
  await page.getByTestId('pay-cash').click();
  await expect(page.getByTestId('cash-dialog')).toBeVisible();
  await page.getByTestId('cash-exact').click();
  await expect(page.getByTestId('cash-change')).toHaveText('거스름돈 0원');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('cash-dialog')).toHaveCount(0);
  await expect(page.getByTestId('cart-total')).toContainText('4,500');
});

test('a 현금영수증 Toss refused is issued again from the order in history; the sale itself stood all along', async ({
  pos,
}) => {
  const { page } = pos;
  await addProduct(page, 'americano');
  await page.keyboard.press('F7');
  await page.getByTestId('cash-note-5000').click();
  await page.getByTestId('cash-receipt-wanted').check();
  // The training Toss refuses this number (electron/training/cash-receipts.ts).
  await page.getByTestId('cash-receipt-identity').fill('010-0000-0000');
  await page.getByTestId('cash-take').click();
  await expect(page.getByTestId('receipt')).toBeVisible();
  const orderId = (await page.getByTestId('receipt-order-id').innerText()).trim();
  await page.getByTestId('new-sale').click();

  await openAsManager(page, 'history');
  await page.getByTestId(`history-row-${orderId}`).click();
  await expect(page.getByTestId('detail-cash-received')).toHaveText('5,000원');
  await expect(page.getByTestId('detail-cash-change')).toHaveText('500원');
  await expect(page.getByTestId('detail-cash-receipt')).toContainText('발급 실패');
  await page.getByTestId('detail-cash-identity').fill('123-45-67891');
  await page.getByTestId('detail-cash-issue-submit').click();
  await expect(page.getByTestId('detail-cash-receipt')).toContainText('발급됨');
  await expect(page.getByTestId('detail-cash-receipt')).toContainText('123-45-*****');
  await expect(page.getByTestId('detail-cash-issue')).toHaveCount(0);
});
