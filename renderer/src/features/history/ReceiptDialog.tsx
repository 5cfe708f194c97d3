import { formatWon } from '../../../../shared/domain/money';
import type { Order } from '../../../../shared/domain/order';
import { refundedAmount } from '../../../../shared/domain/refunds';
import { useLocale } from '../../i18n/use-strings';
import { Dialog } from '../../ui/Dialog';
import { Receipt } from '../receipt';
import { useHistoryStrings } from './history-strings';

/** The order's receipt as the customer got it, shown again; a note says what was refunded since. */
export function ReceiptDialog({ order, onClose }: { order: Order; onClose: () => void }) {
  const text = useHistoryStrings();
  const locale = useLocale();
  const refunded = refundedAmount(order.refunds);
  return (
    <Dialog title={text.receiptTitle} onCancel={onClose} testId="receipt-again" wide>
      {refunded > 0 && (
        <p className="receipt-again-note" data-testid="receipt-again-refunded">
          {text.receiptRefunded(formatWon(refunded, locale))}
        </p>
      )}
      <div className="receipt-again">
        <Receipt order={order}>
          <button type="button" className="button button-plain" onClick={onClose} data-testid="receipt-again-close">
            {text.close}
          </button>
        </Receipt>
      </div>
    </Dialog>
  );
}
