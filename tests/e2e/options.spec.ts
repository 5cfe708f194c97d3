import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { cards } from './cards';
import { openAsManager } from './manager-screens';
import { invoke, lineOf, paymentWindow, payWithCard } from './register';

const ICED_LARGE_TWO_SHOTS = 'ICE · 라지 · 샷 추가 ×2';
const LINE_MEMO = '얼음 적게';
const ORDER_MEMO = '5번 테이블';

/** Every request the page and its frames (the Toss window) send to Toss's origin, with its body. */
async function recordTossTraffic(page: Page): Promise<string[]> {
  const info = (await invoke(page, 'app:info', {})).data as { sdkSrc: string };
  const toss = new URL(info.sdkSrc).origin;
  const seen: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(toss)) seen.push(`${request.url()} ${request.postData() ?? ''}`);
  });
  return seen;
}

test('an iced large latte with two extra shots, picked by touch: 6,500원 in the cart, at Toss and on the receipt', async ({
  pos,
}) => {
  const { page } = pos;
  await page.getByTestId('product-cafe-latte').click();
  const picker = page.getByTestId('option-picker');
  await expect(picker).toBeVisible();
  // The usual is preselected: hot, regular, at the latte's own price.
  await expect(page.getByTestId('pick-hot')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('pick-size-r')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('picker-price')).toHaveText('5,000원');
  await page.getByTestId('pick-ice').click();
  await page.getByTestId('pick-size-l').click();
  await page.getByTestId('pick-shot').click();
  await page.getByTestId('pick-shot').click();
  await expect(page.getByTestId('pick-hot')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('pick-count-shot')).toHaveText('×2');
  await expect(page.getByTestId('picker-price')).toHaveText('6,500원');
  await page.getByTestId('picker-add').click();
  await expect(picker).toHaveCount(0);

  const line = lineOf(page, 'cart-line', 'cafe-latte');
  await expect(line).toContainText(ICED_LARGE_TWO_SHOTS);
  await expect(line).toContainText('6,500원');
  await expect(page.getByTestId('cart-total')).toContainText('6,500');

  // The usual latte is another line.
  await page.getByTestId('product-cafe-latte').click();
  await page.getByTestId('picker-add').click();
  await expect(lineOf(page, 'cart-line', 'cafe-latte')).toHaveCount(2);
  await expect(lineOf(page, 'cart-line', 'cafe-latte').nth(1)).toContainText('HOT · 레귤러');
  await page.getByTestId(`remove-${await lineKeyOf(lineOf(page, 'cart-line', 'cafe-latte').nth(1))}`).click();
  await expect(page.getByTestId('cart-total')).toContainText('6,500');

  await page.getByTestId('pay').click();
  await expect(paymentWindow(page).getByTestId('amount')).toContainText('6,500');
  await payWithCard(page, cards.approve);
  await expect(page.getByTestId('receipt-total')).toContainText('6,500원');
  await expect(page.getByTestId('receipt-line-options')).toHaveText(ICED_LARGE_TWO_SHOTS);
  const orderId = (await page.getByTestId('receipt-order-id').innerText()).trim();
  expect(await invoke(page, 'sale:get', { orderId })).toMatchObject({
    ok: true,
    data: { amount: 6_500, lines: [{ productId: 'cafe-latte', unitPrice: 6_500, quantity: 1 }] },
  });
});

/** The cart line's key, from its test id ("cart-line-cafe-latte~1a2b3c4d"). */
async function lineKeyOf(row: ReturnType<typeof lineOf>): Promise<string> {
  return ((await row.getAttribute('data-testid')) ?? '').replace(/^cart-line-/, '');
}

test('the same sale by keyboard only, with a line memo and an order memo: on the customer screen, the receipt and in history, never at Toss', async ({
  pos,
}) => {
  const { page } = pos;
  const customer = await pos.openCustomerScreen();
  const tossTraffic = await recordTossTraffic(page);

  await page.keyboard.press('F2');
  await page.keyboard.type('카페라테');
  await page.keyboard.press('Enter');
  const picker = page.getByTestId('option-picker');
  await expect(picker).toBeVisible();
  // Numbered across the picker: 1 HOT 2 ICE · 3 레귤러 4 라지 · 5 샷 추가 …
  await page.keyboard.press('2');
  await page.keyboard.press('4');
  await page.keyboard.press('5');
  await page.keyboard.press('5');
  await page.keyboard.press('5');
  await expect(page.getByTestId('pick-count-shot')).toHaveText('×3');
  await page.keyboard.press('Shift+Digit5');
  await expect(page.getByTestId('pick-count-shot')).toHaveText('×2');
  // A required group left empty is refused in words until a temperature is picked again.
  await page.keyboard.press('Shift+Digit2');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('picker-short')).toHaveText('온도: 1개를 골라 주세요.');
  await page.keyboard.press('2');
  await expect(page.getByTestId('picker-price')).toHaveText('6,500원');
  await page.keyboard.press('Enter');
  await expect(picker).toHaveCount(0);
  await expect(lineOf(page, 'cart-line', 'cafe-latte')).toContainText(ICED_LARGE_TWO_SHOTS);

  await page.keyboard.press('F3');
  await expect(page.getByTestId('memo-input')).toBeFocused();
  await page.keyboard.type(LINE_MEMO);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+F3');
  await expect(page.getByTestId('memo-input')).toBeFocused();
  await page.keyboard.type(ORDER_MEMO);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('memo-dialog')).toHaveCount(0);
  await expect(lineOf(page, 'cart-line', 'cafe-latte')).toContainText(LINE_MEMO);
  await expect(page.getByTestId('cart-order-memo')).toContainText(ORDER_MEMO);
  await expect(page.getByTestId('cart-total')).toContainText('6,500');

  if (customer !== null) {
    await expect(customer.getByTestId('customer-line-options')).toContainText(ICED_LARGE_TWO_SHOTS);
    await expect(customer.getByTestId('customer-line-options')).toContainText('Iced · Large · Extra shot ×2');
    await expect(customer.getByTestId('customer-line-memo')).toHaveText(LINE_MEMO);
    await expect(customer.getByTestId('customer-memo')).toContainText(ORDER_MEMO);
    await expect(customer.getByTestId('customer-total')).toContainText('6,500원');
  }

  await page.keyboard.press('F9');
  await expect(paymentWindow(page).getByTestId('amount')).toContainText('6,500');
  await payWithCard(page, cards.approve);
  await expect(page.getByTestId('receipt-total')).toContainText('6,500원');
  await expect(page.getByTestId('receipt-line-options')).toHaveText(ICED_LARGE_TWO_SHOTS);
  await expect(page.getByTestId('receipt-line-memo')).toHaveText(LINE_MEMO);
  await expect(page.getByTestId('receipt-memo')).toHaveText(ORDER_MEMO);
  const orderId = (await page.getByTestId('receipt-order-id').innerText()).trim();

  // Nothing the register or the Toss window sent to Toss carries a memo.
  const sentToToss = JSON.stringify([tossTraffic, await pos.tossRequests()]);
  expect(tossTraffic.length).toBeGreaterThan(0);
  for (const memo of [LINE_MEMO, ORDER_MEMO]) {
    expect(sentToToss).not.toContain(memo);
    expect(sentToToss).not.toContain(encodeURIComponent(memo));
  }

  await page.getByTestId('new-sale').click();
  await openAsManager(page, 'history');
  await page.getByTestId(`history-row-${orderId}`).click();
  await expect(page.getByTestId('detail-memo')).toContainText(ORDER_MEMO);
  const sold = lineOf(page, 'detail-line', 'cafe-latte');
  await expect(sold).toContainText(ICED_LARGE_TWO_SHOTS);
  await expect(sold).toContainText(LINE_MEMO);
  await expect(sold).toContainText('6,500원');
  await page.getByTestId('detail-receipt').click();
  await expect(page.getByTestId('paper-receipt')).toContainText(ICED_LARGE_TWO_SHOTS);
  await expect(page.getByTestId('paper-receipt')).toContainText(`메모${ORDER_MEMO}`);
});

test('Esc leaves the picker with nothing added; a product without options is added at once', async ({ pos }) => {
  const { page } = pos;
  await page.getByTestId('product-americano').click();
  await expect(page.getByTestId('option-picker')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('option-picker')).toHaveCount(0);
  await expect(page.locator('.cart-line')).toHaveCount(0);
  await page.getByTestId('product-croissant').click();
  await expect(page.getByTestId('option-picker')).toHaveCount(0);
  await expect(page.getByTestId('cart-line-croissant')).toBeVisible();
});
