import type { Page } from '@playwright/test';
import type { Order } from '../../shared/domain/order';
import { cards } from './cards';
import { expect, OWNER, test } from './fixtures';
import { openAsManager } from './manager-screens';
import { addProduct, invoke, paymentWindow, payWithCard, tabTo } from './register';

const CANCEL_PATH = /^\/v1\/payments\/([^/]+)\/cancel$/;

async function orderOf(page: Page, orderId: string): Promise<Order> {
  const answer = await invoke(page, 'sale:get', { orderId });
  expect(answer.ok).toBe(true);
  return answer.data as Order;
}

/** What the split sale must leave on the books: card 1 paid, card 2 declined (nothing charged), the rest in cash; one confirm, at card 1's own orderId. */
async function expectSplitSale(
  pos: { page: Page; tossRequests: () => Promise<Array<{ path: string; orderId?: string; status: number }>> },
  orderId: string,
) {
  const order = await orderOf(pos.page, orderId);
  expect(order).toMatchObject({
    status: 'PAID',
    amount: 10_700,
    payment: null,
    cash: null,
    parts: [
      { part: 1, method: 'card', amount: 5_350, status: 'PAID', tossOrderId: `${orderId}-p1` },
      { part: 2, method: 'card', amount: 5_350, status: 'FAILED', tossOrderId: `${orderId}-p2` },
      { part: 3, method: 'cash', amount: 5_350, status: 'PAID', cash: { received: 10_000, change: 4_650 } },
    ],
  });
  expect(order.callNumber).toBeGreaterThan(0);
  const confirms = (await pos.tossRequests()).filter((r) => r.path === '/v1/payments/confirm');
  // The second card was refused in the window itself: nothing of it reached Toss's confirm.
  expect(confirms).toEqual([expect.objectContaining({ orderId: `${orderId}-p1`, status: 200 })]);
  return order;
}

test('a 2-way card split: the second card is declined, the rest is paid in cash, and a manager refunds the card part from history', async ({
  pos,
}) => {
  // Two payment windows, a cash part and a refund: more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  const { page } = pos;
  await addProduct(page, 'croissant');
  await addProduct(page, 'bagel');
  await addProduct(page, 'scone');
  await expect(page.getByTestId('cart-total')).toContainText('10,700');

  await page.getByTestId('pay-split').click();
  const dialog = page.getByTestId('split-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('split-total')).toHaveText('10,700원');
  await expect(page.getByTestId('split-left')).toHaveText('10,700원');
  await page.getByTestId('split-evenly-2').click();
  await expect(page.getByTestId('split-amount')).toHaveValue('5350');

  // Card 1 pays its half.
  await page.getByTestId('split-card').click();
  await payWithCard(page, cards.approve);
  await expect(page.getByTestId('split-part-1')).toHaveAttribute('data-status', 'PAID');
  await expect(page.getByTestId('split-paid')).toHaveText('5,350원');
  await expect(page.getByTestId('split-left')).toHaveText('5,350원');
  await expect(page.getByTestId('split-amount')).toHaveValue('5350');
  // The cart is the order's now: it cannot change while part of it is paid.
  await expect(page.getByTestId('receipt')).toHaveCount(0);

  // Card 2 is declined: card 1 stays paid and listed.
  await page.getByTestId('split-card').click();
  await payWithCard(page, cards.windowDecline);
  await expect(page.getByTestId('split-error')).toContainText('카드사에서 결제를 거절했습니다');
  await expect(page.getByTestId('split-part-2')).toHaveAttribute('data-status', 'FAILED');
  await expect(page.getByTestId('split-part-1')).toHaveAttribute('data-status', 'PAID');
  await expect(page.getByTestId('split-paid')).toHaveText('5,350원');
  await expect(page.getByTestId('split-another-card')).toBeFocused();

  // The rest, another way: cash.
  await page.getByTestId('split-another-way').click();
  await expect(page.getByTestId('cash-due')).toHaveText('5,350원');
  await page.getByTestId('cash-received').fill('10000');
  await expect(page.getByTestId('cash-change')).toHaveText('거스름돈 4,650원');
  await page.getByTestId('cash-take').click();

  await expect(page.getByTestId('receipt')).toBeVisible();
  await expect(page.getByTestId('call-number')).toContainText('1');
  await expect(page.getByTestId('receipt-method')).toHaveText('나눠 결제');
  await expect(page.getByTestId('receipt-part-1')).toContainText('5,350원');
  await expect(page.getByTestId('receipt-part-1')).toContainText('승인번호');
  await expect(page.getByTestId('receipt-part-3')).toContainText('받은 금액 10,000원');
  await expect(page.getByTestId('receipt-part-3')).toContainText('거스름돈 4,650원');
  await expect(page.getByTestId('receipt-part-2')).toHaveCount(0);
  const orderId = (await page.getByTestId('receipt-order-id').innerText()).trim();
  const sold = await expectSplitSale(pos, orderId);
  await page.getByTestId('new-sale').click();

  // History: the parts, the declined one too; then the card part is refunded, and only it.
  await openAsManager(page, 'history');
  await page.getByTestId(`history-row-${orderId}`).click();
  await expect(page.getByTestId('detail-payment-title')).toHaveText('나눠 결제');
  await expect(page.getByTestId('detail-part-1')).toContainText('5,350원 · 결제 완료');
  await expect(page.getByTestId('detail-part-1-approve-no')).toHaveText(sold.parts[0]?.payment?.approveNo ?? '');
  await expect(page.getByTestId('detail-part-2')).toContainText('결제 안 됨');
  await expect(page.getByTestId('detail-part-3')).toContainText('5,350원 · 결제 완료');
  await expect(page.getByTestId('detail-cash-received')).toHaveText('10,000원');

  await page.getByTestId('detail-refund').click();
  await expect(page.getByTestId('refund-dialog')).toBeVisible();
  await page.getByTestId('refund-reason-0').click();
  // Which payment the money goes back to is asked, never guessed.
  await page.getByTestId('refund-next').click();
  await expect(page.getByTestId('refund-part-problem')).toBeVisible();
  await expect(page.getByTestId('refund-confirm')).toHaveCount(0);
  await page.getByTestId('refund-part-1').check();
  await expect(page.getByTestId('refund-part-1').locator('..')).toContainText('카드 1 · 5,350원 (남은 5,350원)');
  await expect(page.getByTestId('refund-preview-amount')).toHaveText('5,350원');
  await expect(page.getByTestId('refund-preview-goes-to')).toContainText('카드 1 결제를 취소');
  await page.getByTestId('refund-next').click();
  await expect(page.getByTestId('refund-confirm-body')).toContainText('카드로 돌려드립니다');
  await page.getByTestId('refund-confirm').click();
  await expect(page.getByTestId('refund-receipt-amount')).toHaveText('5,350원');
  await expect(page.getByTestId('refund-receipt-part')).toHaveText('카드 1 · 5,350원');
  await expect(page.getByTestId('refund-receipt-method')).toHaveText('카드 결제 취소');
  await page.getByTestId('refund-receipt-close').click();
  await expect(page.getByTestId('detail-part-1')).toContainText('남은 0원');

  // Toss cancelled card 1's payment, and nothing else; the order stands partly refunded.
  const cancels = (await pos.tossRequests()).filter((r) => CANCEL_PATH.test(r.path));
  expect(cancels).toHaveLength(1);
  expect(CANCEL_PATH.exec(cancels[0]?.path ?? '')?.[1]).toBe(sold.parts[0]?.payment?.paymentKey);
  const refunded = await orderOf(page, orderId);
  expect(refunded.status).toBe('PAID');
  expect(refunded.refunds).toMatchObject([{ part: 1, amount: 5_350, status: 'DONE' }]);
  await page.getByTestId('detail-close').click();
  await expect(page.getByTestId(`history-row-${orderId}`)).toContainText('부분 환불');
  await expect(page.getByTestId(`history-row-${orderId}`).getByTestId('history-method')).toHaveText('카드+현금');
});

test('the same split by keyboard alone: Shift+F9, split evenly, Enter for a card, F7 for the rest in cash, then the card part refunded', async ({
  pos,
}) => {
  test.setTimeout(90_000);
  const { page } = pos;
  await expect(page.getByTestId('search')).toBeFocused();
  for (const name of ['croissant', 'bagel', 'scone']) {
    // As a person types: a burst of 8 keys and Enter is a barcode scanner's.
    await page.keyboard.type(name, { delay: 120 });
    await expect(page.getByTestId('search-scope')).toContainText('1');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId(`cart-line-${name}`)).toBeVisible();
  }
  await expect(page.getByTestId('cart-total')).toContainText('10,700');

  await page.keyboard.press('Shift+F9');
  await expect(page.getByTestId('split-dialog')).toBeVisible();
  await expect(page.getByTestId('split-amount')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('split-evenly-2')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('split-amount')).toHaveValue('5350');
  await expect(page.getByTestId('split-amount')).toBeFocused();

  // Enter: card 1, typed into Toss's window and paid with Enter.
  await page.keyboard.press('Enter');
  await expect(paymentWindow(page).getByTestId('card-number')).toBeFocused();
  await page.keyboard.type(cards.approve);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('split-part-1')).toHaveAttribute('data-status', 'PAID');
  await expect(page.getByTestId('split-amount')).toBeFocused();
  await expect(page.getByTestId('split-amount')).toHaveValue('5350');

  // Enter again: card 2, declined in the window.
  await page.keyboard.press('Enter');
  await expect(paymentWindow(page).getByTestId('card-number')).toBeFocused();
  await page.keyboard.type(cards.windowDecline);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('split-part-2')).toHaveAttribute('data-status', 'FAILED');
  await expect(page.getByTestId('split-another-card')).toBeFocused();

  // F7: the rest in cash.
  await page.keyboard.press('F7');
  await expect(page.getByTestId('cash-received')).toBeFocused();
  await expect(page.getByTestId('cash-due')).toHaveText('5,350원');
  await page.keyboard.type('10000');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('receipt')).toBeVisible();
  await expect(page.getByTestId('call-number')).toBeVisible();
  const orderId = (await page.getByTestId('receipt-order-id').innerText()).trim();
  const sold = await expectSplitSale(pos, orderId);
  // An Enter this soon after the receipt appeared would be taken for the tail of the last one (RECEIPT_ENTER_GUARD_MS).
  await page.waitForTimeout(800);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('search')).toBeFocused();

  // The manager refunds card 1 from history, keys only.
  await tabTo(page, 'nav-history', 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('unlock-pin')).toBeFocused();
  await page.keyboard.type(OWNER.pin);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('history-screen')).toBeVisible();
  await tabTo(page, `history-open-${orderId}`);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('detail-refund')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('refund-part-1')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('refund-part-1')).toBeChecked();
  await tabTo(page, 'refund-reason-0');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('refund-preview-amount')).toHaveText('5,350원');
  await tabTo(page, 'refund-next');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('refund-confirm')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('refund-receipt-part')).toHaveText('카드 1 · 5,350원');
  await expect(page.getByTestId('refund-receipt-close')).toBeFocused();
  await page.keyboard.press('Enter');

  const cancels = (await pos.tossRequests()).filter((r) => CANCEL_PATH.test(r.path));
  expect(cancels.map((r) => CANCEL_PATH.exec(r.path)?.[1])).toEqual([sold.parts[0]?.payment?.paymentKey]);
  expect((await orderOf(page, orderId)).refunds).toMatchObject([{ part: 1, amount: 5_350, status: 'DONE' }]);
});

test('a reload between parts brings the split back with its paid part; Esc closes it, and Pay opens it again', async ({
  pos,
}) => {
  const { page } = pos;
  await addProduct(page, 'croissant');
  await addProduct(page, 'scone');
  await page.keyboard.press('Shift+F9');
  await page.getByTestId('split-amount').fill('3000');
  await page.keyboard.press('Enter');
  await payWithCard(page, cards.approve);
  await expect(page.getByTestId('split-part-1')).toHaveAttribute('data-status', 'PAID');
  await expect(page.getByTestId('split-left')).toHaveText('4,200원');

  await page.reload();
  await expect(page.getByTestId('split-dialog')).toBeVisible();
  await expect(page.getByTestId('split-part-1')).toHaveAttribute('data-status', 'PAID');
  await expect(page.getByTestId('split-paid')).toHaveText('3,000원');
  await expect(page.getByTestId('split-amount')).toHaveValue('4200');

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('split-dialog')).toHaveCount(0);
  await expect(page.getByTestId('split-standing')).toHaveText('나눠 결제 중 · 3,000원 받음 · 4,200원 남음');
  // The cart belongs to the partly paid order: it does not change.
  await expect(page.getByTestId('product-bagel')).toBeDisabled();
  await page.keyboard.press('F9');
  await expect(page.getByTestId('split-dialog')).toBeVisible();
  await page.keyboard.press('Enter');
  await payWithCard(page, cards.approve);
  await expect(page.getByTestId('receipt')).toBeVisible();
  await expect(page.getByTestId('receipt-part-1')).toContainText('3,000원');
  await expect(page.getByTestId('receipt-part-2')).toContainText('4,200원');
});

test('a card declined on Pay offers another way: split, on the same order, or cash', async ({ pos }) => {
  const { page } = pos;
  await addProduct(page, 'bagel');
  await addProduct(page, 'scone');
  await page.getByTestId('pay').click();
  await payWithCard(page, cards.windowDecline);
  await expect(page.getByTestId('error')).toContainText('카드사에서 결제를 거절했습니다');
  await page.getByTestId('problem-another-way').click();
  await expect(page.getByTestId('problem-pay-cash')).toBeFocused();
  await page.getByTestId('problem-pay-split').click();
  await expect(page.getByTestId('split-dialog')).toBeVisible();
  await expect(page.getByTestId('checkout-problem')).toHaveCount(0);
  await expect(page.getByTestId('split-total')).toHaveText('6,800원');
  await page.getByTestId('split-amount').fill('3000');
  await page.keyboard.press('Enter');
  await payWithCard(page, cards.approve);
  await expect(page.getByTestId('split-part-1')).toHaveAttribute('data-status', 'PAID');
  await page.keyboard.press('F7');
  await page.getByTestId('cash-received').fill('3800');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('receipt')).toBeVisible();
  const orderId = (await page.getByTestId('receipt-order-id').innerText()).trim();
  // The order the declined card was tried on is the one paid in parts.
  const confirms = (await pos.tossRequests()).filter((r) => r.path === '/v1/payments/confirm');
  expect(confirms).toEqual([expect.objectContaining({ orderId: `${orderId}-p1`, status: 200 })]);
  expect((await orderOf(page, orderId)).attempts.length).toBeGreaterThan(0);
});
