import type { CsvHeaders } from '../../../../shared/domain/csv-headers';
import type { HistoryFilter } from '../../../../shared/domain/history';
import { saveTextFile } from '../../lib/save-file';
import { useAction } from '../../lib/use-action';
import { callAsManager } from '../staff';

/** Saves every order the filter matches as the CSV main writes (UTF-8 with a BOM), its header in `headers`' words. */
export function useHistoryExport(filter: HistoryFilter, headers: CsvHeaders) {
  const { busy, error, run } = useAction();
  async function exportCsv(): Promise<void> {
    const { fileName, csv } = await callAsManager('history:export', { filter, headers });
    saveTextFile(fileName, csv, 'text/csv;charset=utf-8');
  }
  return { busy, error, exportCsv: () => void run(exportCsv) };
}
