import type { CouponFilter } from '../../../../shared/domain/coupons';
import { FormError } from '../../ui/FormError';
import { useCouponsStrings } from './coupons-strings';
import { useCouponExport } from './use-coupon-export';

/** Downloads the codes the filter matches, all of them (not just the page shown), as main writes the CSV. */
export function ExportButton({ filter }: { filter: CouponFilter }) {
  const text = useCouponsStrings();
  const { busy, error, exportCsv } = useCouponExport(filter);

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
      <FormError error={error} testId="coupon-export-error" />
    </>
  );
}
