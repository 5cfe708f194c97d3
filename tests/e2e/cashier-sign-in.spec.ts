import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, OWNER, test } from './fixtures';
import { openAsManager } from './manager-screens';
import { addProduct } from './register';

const CASHIER = { name: '이알바', pin: '5531' } as const;

/** The serious and critical axe findings on the page as it is now, one line each. */
async function seriousFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
}

test.describe.configure({ timeout: 120_000 });

test('a cashier signs in with their PIN, rings up a cash sale under their name, reprints it without a manager, and the manager finds it in history by cashier', async ({
  pos,
}) => {
  const { page } = pos;
  // The owner was signed in at the till by the first start.
  await expect(page.getByTestId('till-badge')).toContainText(OWNER.name);

  // The manager adds a cashier with a PIN; the staff panel says who is at the till.
  await openAsManager(page, 'settings');
  const panel = page.getByTestId('staff-panel');
  await expect(page.getByTestId('staff-signed-in')).toContainText(OWNER.name);
  await expect(panel).toContainText('사용 중');
  // Signing in by name is off: the PIN field says a cashier without one could never sign in.
  await expect(page.getByTestId('staff-pin')).toHaveAccessibleDescription(
    '이름으로 로그인이 꺼져 있어, PIN이 없는 캐셔는 로그인할 수 없습니다.',
  );
  await page.getByTestId('staff-name').fill(CASHIER.name);
  await page.getByTestId('staff-pin').fill(CASHIER.pin);
  await page.getByTestId('staff-add').click();
  await expect(panel).toContainText(CASHIER.name);

  // Sign out: nobody at the till, so the sign-in screen, and no manager session either.
  await page.getByTestId('till-sign-out').click();
  await expect(page.getByTestId('sign-in-screen')).toBeVisible();
  await expect(page.getByTestId('nav-register')).toHaveCount(0);
  await expect(page.getByTestId('manager-badge')).toHaveCount(0);
  expect(await seriousFindings(page)).toEqual([]);

  // Keyboard first: a wrong PIN is refused in words, then the cashier's digits and Enter.
  await page.keyboard.type('9999');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sign-in-error')).toContainText('PIN');
  await page.keyboard.type('55310');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('till-badge')).toContainText(CASHIER.name);

  // A cash sale: the receipt names the cashier.
  await addProduct(page, 'americano');
  await page.keyboard.press('F7');
  await page.getByTestId('cash-exact').click();
  await page.getByTestId('cash-take').click();
  await expect(page.getByTestId('receipt')).toBeVisible();
  await expect(page.getByTestId('receipt-cashier')).toContainText(CASHIER.name);
  const orderId = (await page.getByTestId('receipt-order-id').innerText()).trim();
  await page.getByTestId('new-sale').click();

  // The cashier reprints it from the recent receipts: no manager PIN asked.
  await page.keyboard.press('F1');
  const recent = page.getByTestId('recent-receipts');
  await expect(recent).toBeVisible();
  await expect(page.getByTestId('recent-order-0')).toContainText(CASHIER.name);
  expect(await seriousFindings(page)).toEqual([]);
  await page.keyboard.press('Enter');
  const again = page.getByTestId('recent-receipt');
  await expect(again.getByTestId('paper-preview')).toContainText(CASHIER.name);
  await expect(again.getByTestId('paper-preview')).toContainText(orderId);
  await expect(again.getByTestId('receipt-print')).toBeEnabled();
  await expect(page.getByTestId('unlock-dialog')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(recent).toHaveCount(0);

  // History stays the manager's: it asks for a PIN, then shows the cashier and filters by them.
  await openAsManager(page, 'history');
  const row = page.getByTestId(`history-row-${orderId}`);
  await expect(row.getByTestId('history-cashier')).toContainText(CASHIER.name);
  const cashierId = await page
    .getByTestId('history-filter-cashier')
    .locator('option', { hasText: CASHIER.name })
    .getAttribute('value');
  await page.getByTestId('history-filter-cashier').selectOption(cashierId ?? '');
  await expect(row).toBeVisible();
  await page.getByTestId('history-filter-cashier').selectOption({ label: OWNER.name });
  await expect(row).toHaveCount(0);
  await page.getByTestId('history-filter-cashier').selectOption(cashierId ?? '');
  await row.click();
  await expect(page.getByTestId('detail-cashier')).toContainText(CASHIER.name);
  await page.getByTestId('detail-close').click();

  // A cashier at the till and a manager unlocked, in English, down to 1024 px: both names whole,
  // Lock and the language switch on screen, and the page no wider than the window.
  await page.getByTestId('lang-toggle').click();
  await expect(page.getByTestId('nav-register')).toHaveText('Register');
  // A name cut short on a narrower screen is whole in its badge's title.
  await expect(page.getByTestId('till-badge').locator('span').first()).toHaveAttribute(
    'title',
    `Till: ${CASHIER.name}`,
  );
  for (const width of [1280, 1024]) {
    await page.setViewportSize({ width, height: 768 });
    await expect(page.getByTestId('till-badge')).toContainText(CASHIER.name);
    await expect(page.getByTestId('manager-lock')).toBeInViewport({ ratio: 1 });
    await expect(page.getByTestId('lang-toggle')).toBeInViewport({ ratio: 1 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    const cut = await page
      .locator('.till-badge > span:first-child, .manager-badge > span:first-child')
      .evaluateAll((labels) => labels.filter((label) => label.scrollWidth > label.clientWidth).length);
    expect(cut).toBe(0);
  }
});
