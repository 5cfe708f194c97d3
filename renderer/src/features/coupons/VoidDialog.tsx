import { formatCode } from '../../../../shared/domain/coupon-code';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { useCouponsStrings } from './coupons-strings';
import { useVoidCoupon } from './use-coupon-edits';

/**
 * Asks before voiding a code, which cannot be undone. Main may still refuse (an order took the
 * coupon meanwhile): the dialog then says why and stays open.
 */
export function VoidDialog({ code, onVoided, onCancel }: { code: string; onVoided: () => void; onCancel: () => void }) {
  const text = useCouponsStrings();
  const { busy, error, confirm } = useVoidCoupon(code, onVoided);

  return (
    <Dialog title={text.voidTitle} onCancel={onCancel} testId="coupon-void-dialog">
      <p>{text.voidBody(formatCode(code))}</p>
      <FormError error={error} testId="coupon-void-error" />
      <div className="dialog-actions">
        <button type="button" className="button button-plain" onClick={onCancel}>
          {text.cancel}
        </button>
        <button
          type="button"
          className="button button-danger"
          data-testid="coupon-void-confirm"
          disabled={busy}
          onClick={confirm}
        >
          {text.voidConfirm}
        </button>
      </div>
    </Dialog>
  );
}
