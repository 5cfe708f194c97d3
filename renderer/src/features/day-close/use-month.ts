import type { HistorySource } from '../../../../shared/domain/history';
import type { MonthReport } from '../../../../shared/domain/month-report';
import { saveTextFile } from '../../lib/save-file';
import { useAction } from '../../lib/use-action';
import { callAsManager } from '../staff';

/** The month for the 세무사: its report on screen, or its CSV saved. */
export function useMonth(month: string) {
  const { busy, error, run } = useAction();
  return {
    busy,
    error,
    show: (done: (report: MonthReport) => void) => run(() => callAsManager('month:report', { month }), done),
    exportCsv: (done: (saved: { fileName: string; source?: HistorySource }) => void) =>
      run(async () => {
        const { fileName, csv, source } = await callAsManager('month:export', { month });
        saveTextFile(fileName, csv, 'text/csv;charset=utf-8');
        return { fileName, source };
      }, done),
  };
}
