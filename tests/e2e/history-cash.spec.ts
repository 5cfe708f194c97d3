import type { Page } from '@playwright/test';
import type { Order } from '../../shared/domain/order';
import { cards } from './cards';
import { expect, test } from './fixtures';
import { openAsManager } from './manager-screens';
import { addProduct, invoke, lineOf, payWithCard } from './register';

const PAYMENT_CANCEL = /^\/v1\/payments\/[^/]+\/cancel$/;
const CASH_RECEIPT_CANCEL = /^\/v1\/cash-receipts\/[^/]+\/cancel$/;

/** Reads the order id off the sale's receipt and starts the next sale. */
async function receiptOrderId(page: Page): Promise<string> {
  await expect(page.getByTestId('receipt')).toBeVisible();
  const orderId = (await page.getByTestId('receipt-order-id').innerText()).trim();
  await page.getByTestId('new-sale').click();
  return orderId;
}

/** Two 아메리카노 and a 크루아상 (12,900원) paid with a 20,000원 note, a 현금영수증 issued to a phone number. */
async function sellForCash(page: Page): Promise<string> {
  await addProduct(page, 'americano', 2);
  await addProduct(page, 'croissant');
  await page.keyboard.press('F7');
  await page.getByTestId('cash-received').fill('20000');
  await expect(page.getByTestId('cash-change')).toHaveText('거스름돈 7,100원');
  await page.getByTestId('cash-receipt-wanted').check();
  await page.getByTestId('cash-receipt-identity').fill('010-2345-6789');
  await page.getByTestId('cash-take').click();
  return receiptOrderId(page);
}

async function sellByCard(page: Page): Promise<string> {
  await addProduct(page, 'sandwich');
  await page.getByTestId('pay').click();
  await payWithCard(page, cards.approve);
  return receiptOrderId(page);
}

async function orderOf(page: Page, orderId: string): Promise<Order> {
  const answer = await invoke(page, 'history:order', { orderId });
  expect(answer.ok).toBe(true);
  return answer.data as Order;
}

test('a cash sale reads as cash in Sales history and is refunded in cash, by items then by amount, its 현금영수증 cancelled as it goes', async ({
  pos,
}) => {
  // Two sales and two refunds through the screens: more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  const { page } = pos;
  const card = await sellByCard(page);
  const cash = await sellForCash(page);

  await openAsManager(page, 'history');
  const row = page.getByTestId(`history-row-${cash}`);
  await expect(row.getByTestId('history-method')).toHaveText('현금');
  await expect(page.getByTestId(`history-row-${card}`).getByTestId('history-method')).toHaveText('카드');
  await page.getByTestId('history-filter-method').selectOption('현금');
  await expect(page.locator('[data-testid^="history-row-"]')).toHaveCount(1);
  await expect(row).toBeVisible();

  await row.click();
  await expect(page.getByTestId('detail-order-id')).toHaveText(cash);
  await expect(page.getByTestId('detail-payment-title')).toHaveText('현금 결제');
  await expect(page.getByTestId('detail-cash-received')).toHaveText('20,000원');
  await expect(page.getByTestId('detail-cash-change')).toHaveText('7,100원');
  await expect(page.getByTestId('detail-cash-receipt')).toContainText('발급됨 · 소득공제 · 010-****-6789');
  await expect(page.getByTestId('timeline-paid')).toContainText('현금 결제 완료 12,900원');
  await expect(page.getByTestId('detail-not-refundable')).toHaveCount(0);
  await expect(page.getByTestId('detail-refund')).toBeEnabled();

  // One 아메리카노 back, by items.
  await page.getByTestId('detail-refund').click();
  await page.getByTestId('refund-kind-lines').check();
  await lineOf(page, 'refund-more', 'americano').click();
  await page.getByTestId('refund-reason-0').click();
  await expect(page.getByTestId('refund-preview-amount')).toHaveText('4,500원');
  await expect(page.getByTestId('refund-preview-balance')).toHaveText('8,400원');
  await page.getByTestId('refund-next').click();
  await expect(page.getByTestId('refund-confirm-body')).toHaveText(
    '아메리카노 외 1건 주문에서 4,500원을 현금으로 돌려드립니다. 되돌릴 수 없습니다.',
  );
  await page.getByTestId('refund-confirm').click();
  await expect(page.getByTestId('refund-receipt-amount')).toHaveText('4,500원');
  await expect(page.getByTestId('refund-receipt-method')).toHaveText('현금으로 돌려드림');
  await expect(page.getByTestId('refund-receipt-cash-receipt')).toHaveText(
    '환불한 4,500원만큼 토스페이먼츠에서 취소합니다.',
  );
  await expect(page.getByTestId('refund-receipt-lines')).toContainText('아메리카노');
  await expect(page.getByTestId('refund-receipt-balance')).toHaveText('8,400원');
  // Main tells Toss after answering the refund; once Toss has it, the detail shows it when the receipt is closed.
  await expect.poll(async () => (await orderOf(page, cash)).cash?.cashReceipt?.canceledAmount).toBe(4_500);
  await page.getByTestId('refund-receipt-close').click();
  await expect(page.getByTestId('order-detail').getByTestId('history-status')).toHaveText('부분 환불');
  await expect(page.getByTestId('detail-cash-receipt')).toContainText('4,500원 취소됨');
  await expect(page.getByTestId('timeline-refund-done')).toContainText('현금으로 돌려드렸습니다.');

  // The rest, by amount.
  await page.getByTestId('detail-refund').click();
  await page.getByTestId('refund-kind-amount').check();
  await page.getByTestId('refund-amount').fill('8400');
  await page.getByTestId('refund-reason-1').click();
  await expect(page.getByTestId('refund-preview-amount')).toHaveText('8,400원');
  await expect(page.getByTestId('refund-preview-balance')).toHaveText('0원');
  await page.getByTestId('refund-next').click();
  await expect(page.getByTestId('refund-confirm-body')).toContainText('8,400원을 현금으로 돌려드립니다');
  await page.getByTestId('refund-confirm').click();
  await expect(page.getByTestId('refund-receipt-amount')).toHaveText('8,400원');
  await expect(page.getByTestId('refund-receipt-method')).toHaveText('현금으로 돌려드림');
  await expect(page.getByTestId('refund-receipt-lines')).toHaveText('금액 지정 환불');
  await expect(page.getByTestId('refund-receipt-balance')).toHaveText('0원');
  await expect.poll(async () => (await orderOf(page, cash)).cash?.cashReceipt?.status).toBe('CANCELED');
  await page.getByTestId('refund-receipt-close').click();

  await expect(page.getByTestId('order-detail').getByTestId('history-status')).toHaveText('환불 완료');
  await expect(page.getByTestId('detail-refund')).toBeDisabled();
  await expect(page.getByTestId('detail-not-refundable')).toHaveText('전액 환불된 주문입니다.');
  await expect(page.getByTestId('detail-cash-receipt')).toContainText('취소됨 · 소득공제');
  await expect(page.getByTestId('timeline-refund-done')).toHaveCount(2);
  await expect(row.getByTestId('history-status')).toHaveText('환불 완료');
  await expect(row.locator('s')).toHaveText('12,900원');

  const order = await orderOf(page, cash);
  expect(order.refunds).toMatchObject([
    { kind: 'lines', amount: 4_500, status: 'DONE', transactionKey: null },
    { kind: 'amount', amount: 8_400, status: 'DONE', transactionKey: null },
  ]);
  expect(order.cash?.cashReceipt).toMatchObject({ status: 'CANCELED', canceledAmount: 12_900 });
  const toss = await pos.tossRequests();
  expect(toss.filter((request) => PAYMENT_CANCEL.test(request.path))).toEqual([]);
  expect(toss.filter((request) => CASH_RECEIPT_CANCEL.test(request.path)).map((request) => request.status)).toEqual([
    200, 200,
  ]);
  const exported = await invoke(page, 'history:export', {
    filter: { from: order.businessDay, to: order.businessDay, method: '현금' },
  });
  expect((exported.data as { csv: string }).csv).toContain(`${cash},${order.businessDay},`);
  expect((exported.data as { csv: string }).csv).toContain(',refunded,training,아메리카노 외 1건,12900,12900,현금,,,');
});

test.describe('with a sale its coupon paid in full', () => {
  test.use({
    seed: {
      owner: true,
      then: async (core) => {
        const definition = await core.ok('coupons:define', {
          name: '무료 음료',
          benefit: { type: 'percent', percent: 100, maxDiscount: 10_000 },
          minOrderAmount: 0,
          scope: { categoryIds: [], productIds: [] },
        });
        await core.ok('coupons:issue', {
          definitionId: definition.id,
          count: 1,
          validFrom: '2020-01-01',
          validUntil: '2099-12-31',
        });
        const [coupon] = (await core.ok('coupons:list', { definitionId: definition.id, offset: 0, limit: 1 })).rows;
        const order = await core.ok('sale:create', {
          lines: [{ productId: 'americano', quantity: 1 }],
          couponCode: coupon?.code,
        });
        await core.ok('payment:complete-free', { orderId: order.orderId });
        return { orderId: order.orderId };
      },
    },
  });

  test('a 0-won order has nothing to refund: the button says why, and main refuses it too', async ({ pos }) => {
    const { page } = pos;
    const orderId = pos.seeded['orderId'] ?? '';
    await openAsManager(page, 'history');
    await expect(page.getByTestId(`history-row-${orderId}`).getByTestId('history-method')).toHaveText('—');
    await page.getByTestId(`history-row-${orderId}`).click();
    await expect(page.getByTestId('timeline-paid')).toContainText('쿠폰·할인으로 전액 결제');
    await expect(page.getByTestId('detail-refund')).toBeDisabled();
    await expect(page.getByTestId('detail-not-refundable')).toHaveText(
      '쿠폰·할인으로 0원 결제된 주문이라 카드로 환불할 금액이 없습니다.',
    );
    expect(
      await invoke(page, 'refund:create', { orderId, request: { kind: 'full' }, reason: '고객 변심' }),
    ).toMatchObject({ ok: false, error: { code: 'REFUND_NOTHING_LEFT' } });
    expect((await orderOf(page, orderId)).refunds).toEqual([]);
  });
});
