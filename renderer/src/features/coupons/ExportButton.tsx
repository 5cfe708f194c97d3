import { useState } from 'react';
import type { CouponFilter } from '../../../../shared/domain/coupons';
import type { PosErrorData } from '../../../../shared/domain/errors';
import { toPosError } from '../../lib/ipc';
import { FormError } from '../../ui/FormError';
import { callAsManager } from '../staff';
import { useCouponsStrings } from './coupons-strings';
import { saveTextFile } from '../../lib/save-file';

/** Downloads the codes the filter matches, all of them (not just the page shown), as main writes the CSV. */
export function ExportButton({ filter }: { filter: CouponFilter }) {
  const text = useCouponsStrings();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PosErrorData | null>(null);

  async function exportCsv(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const { fileName, csv } = await callAsManager('coupons:export', filter);
      saveTextFile(fileName, csv, 'text/csv;charset=utf-8');
    } catch (failure) {
      setError(toPosError(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="button button-plain" data-testid="coupon-export" disabled={busy} onClick={() => void exportCsv()}>
        {busy ? text.exporting : text.export}
      </button>
      <FormError error={error} testId="coupon-export-error" />
    </>
  );
}
