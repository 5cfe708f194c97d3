import type { CouponFilter } from '../../../../shared/domain/coupons';
import { saveTextFile } from '../../lib/save-file';
import { useAction } from '../../lib/use-action';
import { callAsManager } from '../staff';

/** Saves every code the filter matches as the CSV main writes. */
export function useCouponExport(filter: CouponFilter) {
  const { busy, error, run } = useAction();
  async function exportCsv(): Promise<void> {
    const { fileName, csv } = await callAsManager('coupons:export', filter);
    saveTextFile(fileName, csv, 'text/csv;charset=utf-8');
  }
  return { busy, error, exportCsv: () => void run(exportCsv) };
}
