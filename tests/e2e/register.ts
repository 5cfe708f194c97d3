import type { FrameLocator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** What a cashier does at the register, in the words of the screen's test ids; a product with options is added as the usual (Enter in its picker). */
export async function addProduct(page: Page, productId: string, times = 1): Promise<void> {
  const tile = page.getByTestId(`product-${productId}`);
  for (let i = 0; i < times; i += 1) {
    await tile.click();
    if ((await tile.getAttribute('data-options')) === 'true') await takeTheUsual(page);
  }
}

/** Enter in the option picker that just opened: the product with its preselected options. */
export async function takeTheUsual(page: Page): Promise<void> {
  const picker = page.getByTestId('option-picker');
  await expect(picker).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(picker).toHaveCount(0);
}

/**
 * A cart, history or refund line of a product by its test id prefix ("cart-line", "qty",
 * "refund-more" …): its key is the product id, or the id and a hash of its options and memo.
 */
export function lineOf(page: Page, prefix: string, productId: string) {
  return page.locator(`[data-testid="${prefix}-${productId}"], [data-testid^="${prefix}-${productId}~"]`);
}

export function paymentWindow(page: Page): FrameLocator {
  return page.frameLocator('[data-testid="toss-payment-window"]');
}

/** Types a card into the (simulated) Toss payment window and presses its Pay button. */
export async function payWithCard(page: Page, cardNumber: string): Promise<void> {
  const window = paymentWindow(page);
  await window.getByTestId('card-number').fill(cardNumber);
  await window.getByTestId('pay').click();
}

export async function closePaymentWindow(page: Page): Promise<void> {
  await paymentWindow(page).getByTestId('close').click();
  await expect(page.getByTestId('toss-payment-window')).toHaveCount(0);
}

/** Calls main through `window.pos` exactly as a (possibly tampered) renderer could. */
export function invoke(
  page: Page,
  channel: string,
  input: unknown,
): Promise<{ ok: boolean; data?: unknown; error?: { code: string } }> {
  return page.evaluate(
    ([c, i]) =>
      (
        window as unknown as {
          pos: { invoke(c: string, i: unknown): Promise<{ ok: boolean; data?: unknown; error?: { code: string } }> };
        }
      ).pos.invoke(c as string, i),
    [channel, input] as const,
  );
}

/** Count of cart lines fully inside the cart's visible list. */
export async function fullyVisibleCartLines(page: Page): Promise<number> {
  return page.evaluate(() => {
    const list = document.querySelector('.cart-lines');
    if (!list) return 0;
    const box = list.getBoundingClientRect();
    return [...list.querySelectorAll('.cart-line')].filter((line) => {
      const r = line.getBoundingClientRect();
      return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
    }).length;
  });
}

/** Presses Tab (or Shift+Tab) until the element with this test id has focus, as a keyboard user would. */
export async function tabTo(page: Page, testId: string, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let i = 0; i < 60; i += 1) {
    if (
      await page
        .getByTestId(testId)
        .evaluate((element) => element === document.activeElement)
        .catch(() => false)
    )
      return;
    await page.keyboard.press(key);
  }
  throw new Error(`${testId} never got focus with ${key}`);
}
