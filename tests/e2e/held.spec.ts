import type { Page } from '@playwright/test';
import { cards } from './cards';
import { expect, OWNER, test } from './fixtures';
import { addProduct, invoke, payWithCard } from './register';

/** The customer pays in the (simulated) Toss window; the register shows the receipt. */
async function customerPays(page: Page, total: string): Promise<void> {
  await payWithCard(page, cards.approve);
  await expect(page.getByTestId('receipt')).toBeVisible();
  await expect(page.getByTestId('receipt-total')).toContainText(total);
}

test('hold a cart with a name, sell another, then resume the held one and pay it; nothing is left held', async ({
  pos,
}) => {
  const { page } = pos;
  await addProduct(page, 'croissant', 2);
  await addProduct(page, 'bagel');
  await page.getByTestId('hold-open').click();
  await page.getByTestId('hold-label').fill('5번');
  await page.getByTestId('hold-confirm').click();
  await expect(page.getByTestId('hold-dialog')).toHaveCount(0);
  await expect(page.locator('.cart-line')).toHaveCount(0);
  await expect(page.getByTestId('held-open')).toHaveText(/ 1$/);

  await addProduct(page, 'scone');
  await page.getByTestId('pay').click();
  await customerPays(page, '3,300');
  await page.getByTestId('new-sale').click();

  await page.getByTestId('held-open').click();
  await expect(page.getByTestId('held-cart-0')).toContainText('5번');
  await expect(page.getByTestId('held-cart-0')).toContainText('11,300원');
  await expect(page.getByTestId('held-cart-0')).toContainText('크루아상 외 1건 · 3개');
  await page.getByTestId('held-resume').click();
  await expect(page.getByTestId('held-list')).toHaveCount(0);
  await expect(page.getByTestId('qty-croissant')).toHaveText('2');
  await expect(page.getByTestId('cart-total')).toContainText('11,300');
  await page.getByTestId('pay').click();
  await customerPays(page, '11,300');
  await page.getByTestId('new-sale').click();

  await expect(page.getByTestId('held-open')).toHaveText(/ 0$/);
  await page.getByTestId('held-open').click();
  await expect(page.getByTestId('held-empty')).toBeVisible();
  expect((await pos.tossRequests()).filter((r) => r.path === '/v1/payments/confirm')).toHaveLength(2);
});

test('the same by keyboard alone: F10 and a name, Shift+F10, arrows, Enter, F9, and Delete with Enter to confirm', async ({
  pos,
}) => {
  const { page } = pos;
  await expect(page.getByTestId('search')).toBeFocused();
  for (const name of ['크루아상', '크루아상']) {
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
  }
  await page.keyboard.press('F10');
  await expect(page.getByTestId('hold-label')).toBeFocused();
  await page.keyboard.type('5번');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('hold-dialog')).toHaveCount(0);
  await expect(page.locator('.cart-line')).toHaveCount(0);

  // A second cart waits too, without a name.
  await page.keyboard.type('베이글');
  await page.keyboard.press('Enter');
  await page.keyboard.press('F10');
  await expect(page.getByTestId('hold-dialog')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('held-open')).toHaveText(/ 2$/);

  // Another customer pays meanwhile.
  await page.keyboard.type('스콘');
  await page.keyboard.press('Enter');
  await page.keyboard.press('F9');
  await customerPays(page, '3,300');
  await page.waitForTimeout(800); // past the receipt's guard against a double tap arriving with the approval
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('search')).toBeFocused();

  // Newest first: the nameless cart, then 5번.
  await page.keyboard.press('Shift+F10');
  const list = page.getByTestId('held-carts');
  await expect(list).toBeFocused();
  await expect(page.getByTestId('held-cart-0')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('held-cart-1')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('held-cart-1')).toContainText('5번');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('held-list')).toHaveCount(0);
  await expect(page.getByTestId('qty-croissant')).toHaveText('2');
  await page.keyboard.press('F9');
  await customerPays(page, '7,800');
  await page.waitForTimeout(800);
  await page.keyboard.press('Enter');

  // The nameless one is thrown away: Delete asks, Enter confirms.
  await page.keyboard.press('Shift+F10');
  await expect(list).toBeFocused();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('held-discard-dialog')).toContainText('플레인 베이글');
  await expect(page.getByTestId('held-discard-confirm')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('held-discard-dialog')).toHaveCount(0);
  await expect(list).toBeFocused();
  await page.keyboard.press('Delete');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('held-empty')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('held-list')).toHaveCount(0);
  await expect(page.getByTestId('held-open')).toHaveText(/ 0$/);
});

test('a held cart survives a reload of the window', async ({ pos }) => {
  const { page } = pos;
  await addProduct(page, 'croissant');
  await addProduct(page, 'bagel');
  await page.getByTestId('hold-open').click();
  await page.getByTestId('hold-label').fill('창가');
  await page.getByTestId('hold-confirm').click();
  await expect(page.locator('.cart-line')).toHaveCount(0);

  await page.reload();
  await expect(page.getByTestId('held-open')).toHaveText(/ 1$/);
  await expect(page.locator('.cart-line')).toHaveCount(0);
  await page.getByTestId('held-open').click();
  await expect(page.getByTestId('held-cart-0')).toContainText('창가');
  await expect(page.getByTestId('held-cart-0')).toContainText('7,400원');
  await page.getByTestId('held-resume').click();
  await expect(page.getByTestId('cart-line-croissant')).toBeVisible();
  await expect(page.getByTestId('cart-total')).toContainText('7,400');
});

test('resuming says what changed while the cart was held, and the cart shows main’s prices now', async ({ pos }) => {
  const { page } = pos;
  await addProduct(page, 'croissant', 2);
  await addProduct(page, 'bagel');
  await page.getByTestId('hold-open').click();
  await page.getByTestId('hold-confirm').click();
  await expect(page.locator('.cart-line')).toHaveCount(0);

  // A manager changes a price and marks a product sold out while the cart waits.
  expect(await invoke(page, 'staff:unlock', { pin: OWNER.pin })).toMatchObject({ ok: true });
  const croissant = {
    id: 'croissant',
    categoryId: 'bakery',
    name: { ko: '크루아상', en: 'Croissant' },
    price: 4_200,
    barcode: '8801234000123',
  };
  expect(await invoke(page, 'catalog:save-product', croissant)).toMatchObject({ ok: true });
  expect(await invoke(page, 'catalog:set-sold-out', { productId: 'bagel', soldOut: true })).toMatchObject({
    ok: true,
  });
  expect(await invoke(page, 'staff:lock', {})).toMatchObject({ ok: true });

  await page.getByTestId('held-open').click();
  await page.getByTestId('held-resume').click();
  const notice = page.getByTestId('resume-notice');
  await expect(notice).toContainText('크루아상: 3,900원 → 4,200원');
  await expect(notice).toContainText('플레인 베이글 (품절)');
  await expect(page.getByTestId('resume-total')).toHaveText('합계 11,300원 → 8,400원');
  await expect(page.getByTestId('resume-notice-ok')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(notice).toHaveCount(0);
  await expect(page.locator('.cart-line')).toHaveCount(1);
  await expect(page.getByTestId('cart-total')).toContainText('8,400');
});
