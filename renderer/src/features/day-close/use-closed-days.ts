import { useEffect, useState } from 'react';
import type { DayCloseSummary } from '../../../../shared/domain/day-close';
import type { PosErrorData } from '../../../../shared/domain/errors';
import { toPosError } from '../../lib/ipc';
import { callAsManager } from '../staff';

/** The days already closed, newest first, read again whenever `version` moves. */
export function useClosedDays(version: number): { closes: DayCloseSummary[] | null; error: PosErrorData | null } {
  const [closes, setCloses] = useState<DayCloseSummary[] | null>(null);
  const [error, setError] = useState<PosErrorData | null>(null);
  useEffect(() => {
    let current = true;
    callAsManager('day:closes', {}).then(
      (found) => current && setCloses(found),
      (reason: unknown) => current && setError(toPosError(reason)),
    );
    return () => {
      current = false;
    };
  }, [version]);
  return { closes, error };
}
