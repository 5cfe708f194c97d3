import { useEffect, useEffectEvent } from 'react';
import { isPlainKey } from '../../lib/keyboard';
import { heldKeyAction } from './held-keys';

/** F10 holds the cart, Shift+F10 opens the held list: from anywhere on the register but a dialog. */
export function useHeldKeys(actions: { hold(): void; openList(): void }): void {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    const action = heldKeyAction(event.key, event.shiftKey);
    if (event.defaultPrevented || action === null || !isPlainKey(event)) return;
    if (event.target instanceof Element && event.target.closest('[role="dialog"]') !== null) return;
    // Also keeps the browser's own F10 (its menu bar) and Shift+F10 (the context menu) away.
    event.preventDefault();
    if (action === 'open-list') actions.openList();
    else actions.hold();
  });
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
