import type { Page } from '@playwright/test';
import { expect, OWNER } from './fixtures';

/** Opens a manager screen the way a manager does: the tab, then the PIN. */
export async function openAsManager(
  page: Page,
  screen: 'settings' | 'catalog' | 'coupons' | 'history' | 'day-close',
  pin: string = OWNER.pin,
): Promise<void> {
  await page.getByTestId(`nav-${screen}`).click();
  const dialog = page.getByTestId('unlock-dialog');
  if (await dialog.isVisible().catch(() => false)) {
    await page.getByTestId('unlock-pin').fill(pin);
    await page.getByTestId('unlock-submit').click();
  }
  await expect(page.getByTestId(`${screen}-screen`)).toBeVisible();
}

/**
 * Saves the live key pair on the open Settings screen and switches to live payments, as a
 * manager does: the switch is pressed once the masked keys show, that is once Toss has accepted them.
 */
export async function goLive(page: Page, keys: { clientKey: string; secretKey: string }): Promise<void> {
  await page.getByTestId('toss-client-key').fill(keys.clientKey);
  await page.getByTestId('toss-secret-key').fill(keys.secretKey);
  await page.getByTestId('toss-accept-unencrypted').check();
  await page.getByTestId('toss-save').click();
  await expect(page.getByTestId('toss-saved-keys')).toContainText(`test_sk_…${keys.secretKey.slice(-4)}`);
  await page.getByTestId('toss-switch-mode').click();
  await page.getByTestId('mode-confirm-yes').click();
  await expect(page.getByTestId('product-americano')).toBeVisible();
  await expect(page.getByTestId('training-banner')).toHaveCount(0);
}

/** Milliseconds between a scanner's keys: what a USB wedge sends. */
const SCAN_KEY_GAP_MS = 4;

/**
 * Presses the keys of `text`, then Enter, stamped `gapMs(index)` apart the way the OS stamps a
 * real device's keys, so a busy test machine pausing between two of them changes no timing the
 * page sees.
 */
export async function typeStamped(page: Page, text: string, gapMs: (index: number) => number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  let at = Date.now();
  const keys = [
    ...text
      .split('')
      .map((ch) => ({ key: ch, text: ch, code: '', windowsVirtualKeyCode: ch.toUpperCase().charCodeAt(0) })),
    { key: 'Enter', text: '\r', code: 'Enter', windowsVirtualKeyCode: 13 },
  ];
  for (const [index, key] of keys.entries()) {
    const timestamp = at / 1000;
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...key, timestamp });
    await cdp.send('Input.dispatchKeyEvent', {
      type: 'keyUp',
      key: key.key,
      code: key.code,
      windowsVirtualKeyCode: key.windowsVirtualKeyCode,
      timestamp,
    });
    at += gapMs(index);
  }
  await cdp.detach();
}

/** Types a barcode the way a keyboard-wedge scanner does: its keys a few milliseconds apart, then Enter. */
export async function scan(page: Page, code: string): Promise<void> {
  await typeStamped(page, code, () => SCAN_KEY_GAP_MS);
}
