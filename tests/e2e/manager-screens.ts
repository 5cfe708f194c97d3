import type { Page } from '@playwright/test';
import { expect, OWNER } from './fixtures';

/** Opens a manager screen the way a manager does: the tab, then the PIN. */
export async function openAsManager(page: Page, screen: 'settings' | 'catalog' | 'coupons' | 'history' | 'day-close', pin: string = OWNER.pin): Promise<void> {
  await page.getByTestId(`nav-${screen}`).click();
  const dialog = page.getByTestId('unlock-dialog');
  if (await dialog.isVisible().catch(() => false)) {
    await page.getByTestId('unlock-pin').fill(pin);
    await page.getByTestId('unlock-submit').click();
  }
  await expect(page.getByTestId(`${screen}-screen`)).toBeVisible();
}

/** Milliseconds between a scanner's keys: what a USB wedge sends. */
const SCAN_KEY_GAP_MS = 4;

/**
 * Types a barcode the way a keyboard-wedge scanner does: its keys a few milliseconds apart, then
 * Enter. The keys are stamped with the scanner's own timing (as the OS stamps a real device's),
 * so a busy test machine pausing between two of them does not turn a scan into typing.
 */
export async function scan(page: Page, code: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const start = Date.now() / 1000;
  const keys = [...code.split('').map((ch) => ({ key: ch, text: ch, code: '', windowsVirtualKeyCode: ch.toUpperCase().charCodeAt(0) })), { key: 'Enter', text: '\r', code: 'Enter', windowsVirtualKeyCode: 13 }];
  for (const [index, key] of keys.entries()) {
    const timestamp = start + (index * SCAN_KEY_GAP_MS) / 1000;
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...key, timestamp });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: key.key, code: key.code, windowsVirtualKeyCode: key.windowsVirtualKeyCode, timestamp });
  }
  await cdp.detach();
}
