import type { FailedCashReceipt } from '../../../../shared/domain/cash';
import { formatWon } from '../../../../shared/domain/money';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-strings';
import { useFailedCashReceiptsStrings } from './failed-cash-receipts-strings';

/** The 현금영수증 the tax office refused, whatever their day, with what to do and the order one button away. */
export function FailedCashReceipts({
  failed,
  onOpenOrder,
}: {
  failed: FailedCashReceipt[];
  onOpenOrder: (orderId: string) => void;
}) {
  const text = useFailedCashReceiptsStrings();
  const locale = useLocale();
  if (failed.length === 0) return null;
  return (
    <section className="panel day-panel" aria-labelledby="day-failed-receipts-title" data-testid="day-failed-receipts">
      <div className="day-panel-head">
        <h2 id="day-failed-receipts-title">
          {text.title} ({text.count(failed.length)})
        </h2>
      </div>
      <p className="day-mismatch-count" role="alert">
        {text.whatToDo}
      </p>
      <ul className="day-mismatches">
        {failed.map((receipt) => (
          <li key={receipt.orderId} className="day-mismatch" data-testid="day-failed-receipt">
            <span>
              {text.line(
                receipt.orderName,
                formatWon(receipt.amount, locale),
                formatDateTime(receipt.paidAt, locale),
                receipt.selfIssued ? `${receipt.identityMasked} (${text.selfIssued})` : receipt.identityMasked,
              )}
              {receipt.failure !== null && <span className="field-hint"> {receipt.failure.message}</span>}
            </span>
            <button
              type="button"
              className="button button-plain button-small day-failed-open"
              onClick={() => onOpenOrder(receipt.orderId)}
              data-testid="day-failed-receipt-open"
            >
              {text.openOrder}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
