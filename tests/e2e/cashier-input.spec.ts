import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { formatCode } from '../../shared/domain/coupon-code';
import { expect, test, type SeedCore } from './fixtures';
import { scan } from './manager-screens';
import { addProduct, invoke } from './register';

/** A Latin code as a keyboard left in 한글 mode types it (the 두벌식 jamo under each key). */
function typedInHangulMode(code: string): string {
  const jamo: Record<string, string> = Object.fromEntries(
    [...'abcdefghijklmnopqrstuvwxyz'].map((key, i) => [
      key,
      'ㅁㅠㅊㅇㄷㄹㅎㅗㅑㅓㅏㅣㅡㅜㅐㅔㅂㄱㄴㅅㅕㅍㅈㅌㅛㅋ'[i] ?? key,
    ]),
  );
  return [...code.toLowerCase()].map((key) => jamo[key] ?? key).join('');
}

/** Pays the cart in cash, the exact amount, and waits for the receipt. */
async function payExactCash(page: Page): Promise<void> {
  await page.keyboard.press('F7');
  await page.getByTestId('cash-exact').click();
  await page.getByTestId('cash-take').click();
  await expect(page.getByTestId('receipt')).toBeVisible();
}

test('a 현금영수증 number typed at scanner speed stays in its field, and the dialog’s Enter takes the cash', async ({
  pos,
}) => {
  const { page } = pos;
  await addProduct(page, 'croissant');
  await page.keyboard.press('F7');
  await page.getByTestId('cash-exact').click();
  await page.getByTestId('cash-receipt-wanted').check();
  await page.getByTestId('cash-receipt-identity').focus();
  await page.keyboard.type('01023456789', { delay: 0 });
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('receipt')).toBeVisible();
  await expect(page.getByTestId('scan-problem')).toHaveCount(0);
  const orderId = (await page.getByTestId('receipt-order-id').innerText()).trim();
  const order = (await invoke(page, 'sale:get', { orderId })) as {
    data: { cash: { cashReceipt: { identityMasked: string } } };
  };
  expect(order.data.cash.cashReceipt.identityMasked).toBe('010-****-6789');
});

test('the amount received shows its thousands separators while typed, and one Tab reaches the 현금영수증', async ({
  pos,
}) => {
  const { page } = pos;
  await addProduct(page, 'croissant');
  await page.keyboard.press('F7');
  const received = page.getByTestId('cash-received');
  await expect(received).toBeFocused();
  await page.keyboard.type('12000');
  await expect(received).toHaveValue('12,000');
  await expect(page.getByTestId('cash-change')).toHaveText('거스름돈 8,100원');
  // A digit typed in the middle keeps the caret after it.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Backspace');
  await expect(received).toHaveValue('1,000');
  await page.keyboard.type('5');
  await expect(received).toHaveValue('15,000');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('cash-receipt-wanted')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('cash-receipt-identity')).toBeVisible();
  const findings = (await new AxeBuilder({ page }).include('[data-testid="cash-dialog"]').analyze()).violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(findings.map((v) => v.id)).toEqual([]);
});

test('a scan at once after 다음 주문 rings the product up, whether 다음 주문 was clicked or Enter, or before it', async ({
  pos,
}) => {
  const { page } = pos;
  await addProduct(page, 'croissant');
  await payExactCash(page);
  await page.getByTestId('new-sale').click();
  await scan(page, '8801234000123');
  await expect(page.getByTestId('cart-line-croissant')).toBeVisible();
  await expect(page.getByTestId('scan-problem')).toBeEmpty();

  await payExactCash(page);
  await page.waitForTimeout(800);
  await page.keyboard.press('Enter');
  await page.keyboard.type('8801234000123', { delay: 0 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cart-line-croissant')).toBeVisible();
  await expect(page.getByTestId('scan-problem')).toBeEmpty();

  // Scanned while the receipt still shows: the next customer's first product, not a lost scan.
  await payExactCash(page);
  await scan(page, '8801234000123');
  await expect(page.getByTestId('cart-line-croissant')).toBeVisible();
  await expect(page.getByTestId('cart-total')).toContainText('3,900');
});

test('F7 pressed right after F8 opens the cash dialog for the repeated order', async ({ pos }) => {
  const { page } = pos;
  await addProduct(page, 'croissant', 2);
  await payExactCash(page);
  await page.getByTestId('new-sale').click();
  await expect(page.getByTestId('search')).toBeFocused();
  await page.keyboard.press('F8');
  await page.keyboard.press('F7');
  await expect(page.getByTestId('cash-dialog')).toBeVisible();
  await expect(page.getByTestId('cash-due')).toHaveText('7,800원');
});

test.describe('with a coupon issued', () => {
  test.use({
    seed: {
      owner: true,
      then: async (core: SeedCore) => {
        const definition = await core.ok('coupons:define', {
          name: '단골 1,000원',
          benefit: { type: 'fixed', amount: 1_000 },
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
        return { code: coupon?.code ?? '' };
      },
    },
  });

  test('a coupon code typed with the keyboard in 한글 mode is accepted', async ({ pos }) => {
    const { page } = pos;
    await addProduct(page, 'croissant');
    const typed = typedInHangulMode(formatCode(pos.seeded['code'] ?? ''));
    expect(typed).toMatch(/[ㄱ-ㅣ]/);
    await page.getByTestId('coupon-input').fill(typed);
    await page.getByTestId('coupon-input').press('Enter');
    await expect(page.getByTestId('coupon-applied')).toContainText('단골 1,000원');
    await expect(page.getByTestId('cart-total')).toContainText('2,900');
  });
});
