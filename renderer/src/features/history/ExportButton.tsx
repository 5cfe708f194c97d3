import type { HistoryFilter } from '../../../../shared/domain/history';
import { useCsvHeaders } from '../../lib/use-csv-headers';
import { FormError } from '../../ui/FormError';
import { MachineColumnsCheck } from '../../ui/MachineColumnsCheck';
import { useHistoryStrings } from './history-strings';
import { useHistoryExport } from './use-history-export';

/** Downloads every order the filter matches (not just the rows loaded), as main writes the CSV: UTF-8 with a BOM, headed in the screen's language or machine words. */
export function ExportButton({ filter }: { filter: HistoryFilter }) {
  const text = useHistoryStrings();
  const { machine, setMachine, headers } = useCsvHeaders();
  const { busy, error, exportCsv } = useHistoryExport(filter, headers);

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
      <MachineColumnsCheck checked={machine} onChange={setMachine} testId="history-export-machine" />
      <FormError error={error} testId="history-export-error" />
    </div>
  );
}
