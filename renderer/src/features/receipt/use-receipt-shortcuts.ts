import { useEffect } from 'react';
import { isPlainKey } from '../../lib/keyboard';
import { scanForNextSale, useBarcodeScanner } from '../register';
import { startNewSale } from './start-new-sale';

/** Enter during this long after the receipt appears is the tail of a double tap, not "next order". */
export const RECEIPT_ENTER_GUARD_MS = 700;

/**
 * Enter starts the next sale, unless it is meant for a focused link (the card receipt) or print
 * button, or is a held key's repeat, or comes so soon after the receipt appeared that it was the
 * same rush of taps. A scan is the next customer's first product: the next sale starts with it.
 */
export function useReceiptShortcuts(): void {
  useBarcodeScanner(({ code }) => {
    scanForNextSale(code);
    startNewSale();
    return true;
  });
  useEffect(() => {
    const shownAt = performance.now();
    function onKeyDown(event: KeyboardEvent): void {
      if (event.key !== 'Enter' || event.defaultPrevented || !isPlainKey(event)) return;
      if (
        event.target instanceof HTMLAnchorElement ||
        (event.target instanceof HTMLElement && event.target.closest('.receipt-printing') !== null)
      )
        return;
      // Also stops the focused Next order button from firing a second click.
      event.preventDefault();
      if (event.repeat || performance.now() - shownAt < RECEIPT_ENTER_GUARD_MS) return;
      startNewSale();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
