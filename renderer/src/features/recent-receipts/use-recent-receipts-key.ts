import { useEffect, useEffectEvent } from 'react';
import { isPlainKey } from '../../lib/keyboard';

/** F1 opens the recent receipts from anywhere on the register but a dialog (and keeps the browser's help away). */
export function useRecentReceiptsKey(open: () => void): void {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.key !== 'F1' || event.shiftKey || event.defaultPrevented || !isPlainKey(event)) return;
    if (event.target instanceof Element && event.target.closest('[role="dialog"]') !== null) return;
    event.preventDefault();
    open();
  });
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
