import { useEffect, useEffectEvent } from 'react';

/** Whether a key opens the drawer: Shift+F7 (F7 is cash; with Shift, the cash drawer). */
export function isDrawerKey(
  event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey'>,
): boolean {
  return event.key === 'F7' && event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey;
}

/**
 * Shift+F7 opens the drawer from anywhere on the register but a dialog. Listened to before the
 * register's own keys (capture), so its F7 (cash) never takes the Shift+F7 meant for the drawer.
 */
export function useDrawerKey(open: () => void): void {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || !isDrawerKey(event) || event.isComposing) return;
    if (event.target instanceof Element && event.target.closest('[role="dialog"]') !== null) return;
    event.preventDefault();
    open();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener, true);
    return () => window.removeEventListener('keydown', listener, true);
  }, []);
}
