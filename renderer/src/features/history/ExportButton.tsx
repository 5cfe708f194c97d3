import type { HistoryFilter } from '../../../../shared/domain/history';
import { FormError } from '../../ui/FormError';
import { useHistoryStrings } from './history-strings';
import { useHistoryExport } from './use-history-export';

/** Downloads every order the filter matches (not just the rows loaded), as main writes the CSV: UTF-8 with a BOM. */
export function ExportButton({ filter }: { filter: HistoryFilter }) {
  const text = useHistoryStrings();
  const { busy, error, exportCsv } = useHistoryExport(filter);

  return (
    <div className="history-export">
      <button
        type="button"
        className="button button-secondary button-small"
        data-testid="history-export"
        disabled={busy}
        onClick={exportCsv}
      >
        {busy ? text.exporting : text.export}
      </button>
      <FormError error={error} testId="history-export-error" />
    </div>
  );
}
