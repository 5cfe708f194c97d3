import { useEffect } from 'react';
import { isPlainKey } from '../../lib/keyboard';
import { startNewSale } from './start-new-sale';

/** Enter starts the next sale, unless it is meant for a focused link (the card receipt). */
export function useReceiptShortcuts(): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.key !== 'Enter' || event.defaultPrevented || !isPlainKey(event)) return;
      if (event.target instanceof HTMLAnchorElement) return;
      // Also stops the focused New sale button from firing a second click.
      event.preventDefault();
      startNewSale();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
