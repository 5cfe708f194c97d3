import { expect, test } from './fixtures';
import { cards } from './cards';
import { addProduct, closePaymentWindow, invoke, lineOf, payWithCard } from './register';

test('a card sale: cart, VAT split, Toss window, one confirm, receipt', async ({ pos }) => {
  const { page } = pos;
  await expect(page.getByTestId('training-banner')).toBeVisible();
  await addProduct(page, 'americano', 2);
  await addProduct(page, 'croissant');
  // 4,500 × 2 + 3,900 = 12,900; VAT = round(12,900 / 11) = 1,173.
  await expect(page.getByTestId('cart-total')).toContainText('12,900');
  await expect(page.getByTestId('vat-amount')).toContainText('1,173');
  await expect(page.getByTestId('vat-supply')).toContainText('11,727');

  await page.getByTestId('pay').click();
  await payWithCard(page, cards.approve);

  const receipt = page.getByTestId('receipt');
  await expect(receipt).toBeVisible();
  await expect(page.getByTestId('receipt-total')).toContainText('12,900');
  await expect(page.getByTestId('receipt-card')).toContainText('****');
  await expect(page.getByTestId('receipt-approve-no')).toHaveText(/\d{8}/);
  const orderId = (await page.getByTestId('receipt-order-id').innerText()).trim();
  expect(orderId).toMatch(/^\d{8}-[0-9A-Z]{12}$/);

  const order = await invoke(page, 'sale:get', { orderId });
  expect(order).toMatchObject({ ok: true, data: { status: 'PAID', amount: 12900 } });
  const confirms = (await pos.tossRequests()).filter((r) => r.path === '/v1/payments/confirm');
  expect(confirms).toHaveLength(1);
  expect(confirms[0]).toMatchObject({ orderId, status: 200 });

  await page.getByTestId('new-sale').click();
  await expect(page.getByTestId('cart-total')).toContainText('0');
  await expect(page.getByTestId('receipt')).toHaveCount(0);
});

test('a card declined in the window leaves the cart ready to pay again', async ({ pos }) => {
  const { page } = pos;
  await addProduct(page, 'cafe-latte');
  await page.getByTestId('pay').click();
  await payWithCard(page, cards.windowDecline);

  await expect(page.getByTestId('error')).toContainText('카드사에서 결제를 거절했습니다');
  await expect(lineOf(page, 'cart-line', 'cafe-latte')).toBeVisible();
  await expect(page.getByTestId('pay')).toBeEnabled();
  expect((await pos.tossRequests()).filter((r) => r.path === '/v1/payments/confirm')).toHaveLength(0);
});

test("a card Toss refuses at confirm shows Toss's reason; another card then pays the same order", async ({ pos }) => {
  const { page } = pos;
  await addProduct(page, 'cheesecake');
  await page.getByTestId('pay').click();
  await payWithCard(page, cards.overLimit);
  await expect(page.getByTestId('error')).toContainText('한도 초과 또는 잔액 부족');

  await page.getByTestId('pay').click();
  await payWithCard(page, cards.approve);
  await expect(page.getByTestId('receipt')).toBeVisible();

  const confirms = (await pos.tossRequests()).filter((r) => r.path === '/v1/payments/confirm');
  expect(confirms.map((r) => r.status)).toEqual([403, 200]);
  expect(confirms[0]?.orderId).toBe(confirms[1]?.orderId);
});

test('the customer closes the window, then pays: one order, one charge', async ({ pos }) => {
  const { page } = pos;
  await addProduct(page, 'lemonade');
  await page.getByTestId('pay').click();
  await closePaymentWindow(page);
  await expect(page.getByTestId('error')).toContainText('고객이 결제창을 닫았습니다');
  await expect(page.getByTestId('cart-line-lemonade')).toBeVisible();

  await page.getByTestId('pay').click();
  await payWithCard(page, cards.approve);
  await expect(page.getByTestId('receipt')).toBeVisible();
  const orderId = (await page.getByTestId('receipt-order-id').innerText()).trim();
  const confirms = (await pos.tossRequests()).filter((r) => r.path === '/v1/payments/confirm');
  expect(confirms).toHaveLength(1);
  expect(confirms[0]?.orderId).toBe(orderId);
});

test('double-clicking Pay opens one window and confirms once', async ({ pos }) => {
  const { page } = pos;
  await addProduct(page, 'sandwich');
  await page.getByTestId('pay').dblclick();
  await expect(page.getByTestId('toss-payment-window')).toHaveCount(1);
  await payWithCard(page, cards.approve);
  await expect(page.getByTestId('receipt')).toBeVisible();
  const orderId = (await page.getByTestId('receipt-order-id').innerText()).trim();

  const order = (await invoke(page, 'sale:get', { orderId })) as {
    data: { payment: { paymentKey: string }; amount: number };
  };
  // A renderer that sends the same confirmation again gets the same sale back, and Toss hears nothing new.
  const again = await invoke(page, 'payment:confirm', {
    orderId,
    paymentKey: order.data.payment.paymentKey,
    amount: order.data.amount,
  });
  expect(again).toMatchObject({ ok: true, data: { status: 'PAID' } });
  expect((await pos.tossRequests()).filter((r) => r.path === '/v1/payments/confirm')).toHaveLength(1);
});

test('the cashier can switch the screen to English', async ({ pos }) => {
  const { page } = pos;
  await page.getByTestId('lang-toggle').click();
  await expect(page.getByTestId('training-banner')).toContainText('Training mode');
  await addProduct(page, 'americano');
  await page.getByTestId('pay').click();
  await closePaymentWindow(page);
  await expect(page.getByTestId('error')).toContainText('The customer closed the payment window');

  await page.getByTestId('pay').click();
  await payWithCard(page, cards.approve);
  // Toss answers in Korean (카드, 신용); the English receipt says it in English.
  await expect(page.getByTestId('receipt')).toContainText('Payment complete');
  await expect(page.getByTestId('receipt')).toContainText('Credit');
  await expect(page.getByTestId('receipt')).not.toContainText('카드');
});
