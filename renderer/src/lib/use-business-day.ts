import { useEffect, useState } from 'react';
import type { PosErrorData } from '../../../shared/domain/errors';
import { call, toPosError } from './ipc';

/**
 * Main's business day (the day a sale made now belongs to): what a screen's dates start from,
 * never this browser's clock, which knows neither the shop's closes nor main's clock.
 */
export function useBusinessDay(): { day: string | null; error: PosErrorData | null } {
  const [answer, setAnswer] = useState<{ day: string | null; error: PosErrorData | null }>({ day: null, error: null });
  useEffect(() => {
    let current = true;
    call('day:today', {}).then(
      ({ day }) => current && setAnswer({ day, error: null }),
      (error: unknown) => current && setAnswer({ day: null, error: toPosError(error) }),
    );
    return () => {
      current = false;
    };
  }, []);
  return answer;
}
