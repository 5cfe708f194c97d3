import type { CouponFilter } from '../../../../shared/domain/coupons';
import type { CsvHeaders } from '../../../../shared/domain/csv-headers';
import { saveTextFile } from '../../lib/save-file';
import { useAction } from '../../lib/use-action';
import { callAsManager } from '../staff';

/** Saves every code the filter matches as the CSV main writes, its header in `headers`' words. */
export function useCouponExport(filter: CouponFilter, headers: CsvHeaders) {
  const { busy, error, run } = useAction();
  async function exportCsv(): Promise<void> {
    const { fileName, csv } = await callAsManager('coupons:export', { ...filter, headers });
    saveTextFile(fileName, csv, 'text/csv;charset=utf-8');
  }
  return { busy, error, exportCsv: () => void run(exportCsv) };
}
