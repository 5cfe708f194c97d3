import { useState } from 'react';
import type { PosErrorData } from '../../../../shared/domain/errors';
import type { HistoryFilter } from '../../../../shared/domain/history';
import { toPosError } from '../../lib/ipc';
import { saveTextFile } from '../../lib/save-file';
import { FormError } from '../../ui/FormError';
import { callAsManager } from '../staff';
import { useHistoryStrings } from './history-strings';

/** Downloads every order the filter matches (not just the rows loaded), as main writes the CSV: UTF-8 with a BOM. */
export function ExportButton({ filter }: { filter: HistoryFilter }) {
  const text = useHistoryStrings();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PosErrorData | null>(null);

  async function exportCsv(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const { fileName, csv } = await callAsManager('history:export', { filter });
      saveTextFile(fileName, csv, 'text/csv;charset=utf-8');
    } catch (failure) {
      setError(toPosError(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="history-export">
      <button type="button" className="button button-secondary button-small" data-testid="history-export" disabled={busy} onClick={() => void exportCsv()}>
        {busy ? text.exporting : text.export}
      </button>
      <FormError error={error} testId="history-export-error" />
    </div>
  );
}
