import { useEffect, useEffectEvent } from 'react';
import { isPlainKey } from '../../lib/keyboard';
import { CALL_LIST_KEY } from './call-key';

/** F5 opens the call list from anywhere on the register but a dialog (and never reloads the page there). */
export function useCallKey(open: () => void): void {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.key !== CALL_LIST_KEY || event.shiftKey || !isPlainKey(event)) return;
    if (event.target instanceof Element && event.target.closest('[role="dialog"]') !== null) return;
    event.preventDefault();
    open();
  });
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
