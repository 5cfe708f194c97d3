import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { formatWon } from '../../../../shared/domain/money';
import type { Order } from '../../../../shared/domain/order';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-strings';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
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
  const list = useRef<HTMLUListElement>(null);
  const rows = orders ?? [];
  const selected = rows[Math.min(index, rows.length - 1)];
  const hasRows = rows.length > 0;

  useEffect(() => {
    if (hasRows && shown === null) list.current?.focus();
  }, [hasRows, shown]);

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>): void {
    if (event.key === 'ArrowDown') setIndex(Math.min(rows.length - 1, index + 1));
    else if (event.key === 'ArrowUp') setIndex(Math.max(0, index - 1));
    else if (event.key === 'Enter' && selected !== undefined) setShown(selected);
    else return;
    event.preventDefault();
  }

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
        <ul
          ref={list}
          className="recent-orders"
          role="listbox"
          tabIndex={0}
          aria-label={text.title}
          aria-activedescendant={selected === undefined ? undefined : `recent-${selected.orderId}`}
          onKeyDown={onKeyDown}
          data-testid="recent-orders"
        >
          {rows.map((order, i) => (
            <li
              key={order.orderId}
              id={`recent-${order.orderId}`}
              role="option"
              aria-selected={order === selected}
              className={order === selected ? 'recent-order is-selected' : 'recent-order'}
              onClick={() => setIndex(i)}
              onDoubleClick={() => setShown(order)}
              data-testid={`recent-order-${i}`}
            >
              <span className="recent-order-name">
                {order.callNumber !== null && `${text.callNumber(order.callNumber)} · `}
                {order.orderName}
              </span>
              <span className="recent-order-total">{formatWon(order.amount, locale)}</span>
              <span className="recent-order-detail">
                {formatDateTime(order.updatedAt, locale)}
                {order.cashier != null && ` · ${text.cashierOf(order.cashier.name)}`}
              </span>
            </li>
          ))}
        </ul>
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
