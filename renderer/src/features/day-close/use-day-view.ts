import { useEffect, useState } from 'react';
import type { DayView } from '../../../../shared/domain/day-close';
import type { PosErrorData } from '../../../../shared/domain/errors';
import { toPosError } from '../../lib/ipc';
import { callAsManager } from '../staff';

/** A business day as main sees it (figures, its close), read again whenever `version` moves. */
export function useDayView(day: string, version: number): { view: DayView | null; error: PosErrorData | null } {
  const [state, setState] = useState<{ day: string; view: DayView | null; error: PosErrorData | null }>({
    day,
    view: null,
    error: null,
  });
  useEffect(() => {
    let current = true;
    callAsManager('day:view', { day }).then(
      (view) => current && setState({ day, view, error: null }),
      (error: unknown) => current && setState({ day, view: null, error: toPosError(error) }),
    );
    return () => {
      current = false;
    };
  }, [day, version]);
  // Another day's answer is never shown as this day's while this one loads.
  return state.day === day ? { view: state.view, error: state.error } : { view: null, error: null };
}
