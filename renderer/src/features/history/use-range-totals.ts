import { useEffect, useState } from 'react';
import type { PosErrorData } from '../../../../shared/domain/errors';
import type { HistoryTotals } from '../../../../shared/domain/history';
import { toPosError } from '../../lib/ipc';
import { callAsManager } from '../staff';

/** The real sales of the date range, read again when the range or `version` (bumped after a refund) moves. */
export function useRangeTotals(
  from: string,
  to: string,
  version: number,
): { totals: HistoryTotals | null; error: PosErrorData | null } {
  const [answer, setAnswer] = useState<{ totals: HistoryTotals | null; error: PosErrorData | null }>({
    totals: null,
    error: null,
  });
  useEffect(() => {
    let current = true;
    callAsManager('history:totals', { from, to }).then(
      (totals) => current && setAnswer({ totals, error: null }),
      (error: unknown) => current && setAnswer({ totals: null, error: toPosError(error) }),
    );
    return () => {
      current = false;
    };
  }, [from, to, version]);
  return answer;
}
