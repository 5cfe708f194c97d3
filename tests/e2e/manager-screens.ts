import type { Page } from '@playwright/test';
import { expect, OWNER } from './fixtures';

/** Opens a manager screen the way a manager does: the tab, then the PIN. */
export async function openAsManager(page: Page, screen: 'settings' | 'catalog' | 'coupons', pin: string = OWNER.pin): Promise<void> {
  await page.getByTestId(`nav-${screen}`).click();
  const dialog = page.getByTestId('unlock-dialog');
  if (await dialog.isVisible().catch(() => false)) {
    await page.getByTestId('unlock-pin').fill(pin);
    await page.getByTestId('unlock-submit').click();
  }
  await expect(page.getByTestId(`${screen}-screen`)).toBeVisible();
}

/** Types a barcode the way a keyboard-wedge scanner does: all at once, then Enter. */
export async function scan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code, { delay: 0 });
  await page.keyboard.press('Enter');
}
