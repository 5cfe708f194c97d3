import { useEffect, useRef } from 'react';
import type { CustomerView } from '../../../shared/domain/register';
import { useSounds } from '../lib/sounds';

/**
 * Chimes when a number is newly called ready (not for what was ready when the screen opened), if
 * the register's chimes are on.
 */
export function useReadyChime(view: CustomerView | null): void {
  const newest = view?.board.ready[0];
  const key = newest === undefined ? null : `${newest.orderId}@${newest.readyAt}`;
  const seen = useRef<string | null | undefined>(undefined);
  const sounds = view?.sounds ?? true;
  useEffect(() => {
    useSounds.getState().adopt(sounds);
  }, [sounds]);
  useEffect(() => {
    if (view === null) return;
    const before = seen.current;
    seen.current = key;
    if (before !== undefined && key !== null && key !== before) useSounds.getState().play('called');
  }, [view, key]);
}
