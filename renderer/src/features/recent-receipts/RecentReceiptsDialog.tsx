import { useState } from 'react';
import { formatWon } from '../../../../shared/domain/money';
import type { Order } from '../../../../shared/domain/order';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-strings';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { PickList } from '../../ui/PickList';
import { ReceiptPrinting } from '../receipt';
import { useRecentReceiptsStrings } from './recent-receipts-strings';
import { useRecentReceipts } from './use-recent-receipts';

/**
 * The business day's last paid orders, newest first: ↑ ↓ choose one, Enter shows its receipt to
 * print or save again. A cashier's own: no manager PIN (refunds stay in the manager's history).
 */
export function RecentReceiptsDialog({ onClose }: { onClose: () => void }) {
  const text = useRecentReceiptsStrings();
  const locale = useLocale();
  const { orders, error } = useRecentReceipts();
  const [index, setIndex] = useState(0);
  const [shown, setShown] = useState<Order | null>(null);
  const rows = orders ?? [];
  const at = Math.min(index, rows.length - 1);
  const selected = rows[at];
  const hasRows = rows.length > 0;

  if (shown !== null)
    return (
      <Dialog title={text.title} onCancel={() => setShown(null)} testId="recent-receipt" wide>
        <ReceiptPrinting order={shown} subject={{ kind: 'sale' }} preview />
        <div className="dialog-actions">
          <button type="button" className="button button-plain" onClick={() => setShown(null)}>
            {text.back}
          </button>
        </div>
      </Dialog>
    );

  return (
    <Dialog title={text.title} onCancel={onClose} testId="recent-receipts">
      {orders === null ? (
        <p className="recent-empty" role="status">
          {text.loading}
        </p>
      ) : !hasRows ? (
        <p className="recent-empty" data-testid="recent-empty">
          {text.empty}
        </p>
      ) : (
        <PickList
          items={rows}
          index={at}
          onIndex={setIndex}
          onChoose={setShown}
          idOf={(order) => `recent-${order.orderId}`}
          label={text.title}
          testId="recent-orders"
          itemTestId={(_order, i) => `recent-order-${i}`}
        >
          {(order) => (
            <>
              <span className="pick-item-name">
                {order.callNumber !== null && `${text.callNumber(order.callNumber)} · `}
                {order.orderName}
              </span>
              <span className="pick-item-total">{formatWon(order.amount, locale)}</span>
              <span className="pick-item-detail">
                {formatDateTime(order.updatedAt, locale)}
                {order.cashier != null && ` · ${text.cashierOf(order.cashier.name)}`}
              </span>
            </>
          )}
        </PickList>
      )}
      <FormError error={error} testId="recent-error" />
      {hasRows && <p className="field-hint">{text.keys}</p>}
      <div className="dialog-actions">
        <button type="button" className="button button-plain" onClick={onClose}>
          {text.close}
        </button>
        <button
          type="button"
          className="button button-primary"
          data-testid="recent-show"
          disabled={selected === undefined}
          onClick={() => setShown(selected ?? null)}
        >
          {text.show}
        </button>
      </div>
    </Dialog>
  );
}
