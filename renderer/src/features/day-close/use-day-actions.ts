import { useState } from 'react';
import type { CsvHeaders } from '../../../../shared/domain/csv-headers';
import type { DayReport, DayMatch } from '../../../../shared/domain/day-close';
import { saveTextFile } from '../../lib/save-file';
import { useAction } from '../../lib/use-action';
import { callAsManager } from '../staff';

export type DayTask = 'match' | 'x-report' | 'export';

/** The day close screen's work with main on `day`: one task at a time, and which one is running; CSV headed in `headers`' words. */
export function useDayActions(day: string, headers: CsvHeaders) {
  const { busy, error, setError, run } = useAction();
  const [task, setTask] = useState<DayTask>('match');

  function start<T>(what: DayTask, work: () => Promise<T>, done: (result: T) => void): void {
    if (run(work, done)) setTask(what);
  }

  return {
    busy: busy ? task : null,
    error,
    clearError: () => setError(null),
    /** Matches the day's sales with Toss's records. */
    match: (done: (found: DayMatch) => void) => start('match', () => callAsManager('day:match', { day }), done),
    xReport: (done: (report: DayReport) => void) =>
      start('x-report', () => callAsManager('day:x-report', { day }), done),
    /** Saves the day's CSV; `done` gets its file name. */
    exportCsv: (done: (fileName: string) => void) =>
      start(
        'export',
        async () => {
          const { fileName, csv } = await callAsManager('day:export', { day, headers });
          saveTextFile(fileName, csv, 'text/csv;charset=utf-8');
          return fileName;
        },
        done,
      ),
  };
}
