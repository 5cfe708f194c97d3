import type { DayReport } from '../../../../shared/domain/day-close';
import { useAction } from '../../lib/use-action';
import { callAsManager } from '../staff';

/** The Z close of `day`: main freezes its figures and answers with the Z report; in practice (training) nothing is frozen. */
export function useCloseDay(day: string, practice: boolean, onClosed: (report: DayReport) => void) {
  const { busy, error, run } = useAction();
  const channel = practice ? 'day:practice-close' : 'day:close';
  return { busy, error, close: () => void run(() => callAsManager(channel, { day }), onClosed) };
}
