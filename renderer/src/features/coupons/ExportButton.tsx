import type { CouponFilter } from '../../../../shared/domain/coupons';
import { useCsvHeaders } from '../../lib/use-csv-headers';
import { FormError } from '../../ui/FormError';
import { MachineColumnsCheck } from '../../ui/MachineColumnsCheck';
import { useCouponsStrings } from './coupons-strings';
import { useCouponExport } from './use-coupon-export';

/** Downloads the codes the filter matches, all of them (not just the page shown), as main writes the CSV. */
export function ExportButton({ filter }: { filter: CouponFilter }) {
  const text = useCouponsStrings();
  const { machine, setMachine, headers } = useCsvHeaders();
  const { busy, error, exportCsv } = useCouponExport(filter, headers);

  return (
    <>
      <button
        type="button"
        className="button button-plain"
        data-testid="coupon-export"
        disabled={busy}
        onClick={exportCsv}
      >
        {busy ? text.exporting : text.export}
      </button>
      <MachineColumnsCheck checked={machine} onChange={setMachine} testId="coupon-export-machine" />
      <FormError error={error} testId="coupon-export-error" />
    </>
  );
}
