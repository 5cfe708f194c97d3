import type { DayReport } from '../../../../shared/domain/day-close';
import { useAction } from '../../lib/use-action';
import { callAsManager } from '../staff';

/** The Z close of `day`: main freezes its figures and answers with the Z report. */
export function useCloseDay(day: string, onClosed: (report: DayReport) => void) {
  const { busy, error, run } = useAction();
  return { busy, error, close: () => void run(() => callAsManager('day:close', { day }), onClosed) };
}
