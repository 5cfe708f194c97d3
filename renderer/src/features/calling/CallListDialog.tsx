import { useEffect, useState } from 'react';
import type { BarTicket } from '../../../../shared/domain/call-board';
import { optionsText } from '../../../../shared/domain/option-text';
import { useLocale } from '../../i18n/use-strings';
import { useAction } from '../../lib/use-action';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { PickList } from '../../ui/PickList';
import { callReady, preparingOrders } from './call-list';
import { timeOfDay, useCallingStrings } from './calling-strings';

/**
 * The numbers being prepared, oldest first: ↑ ↓ choose one, Enter calls it ready (the customer's
 * screen moves it to the ready column and chimes); the list stays open for the next one.
 */
export function CallListDialog({ onClose }: { onClose: () => void }) {
  const text = useCallingStrings();
  const locale = useLocale();
  const [orders, setOrders] = useState<BarTicket[] | null>(null);
  const [index, setIndex] = useState(0);
  const { busy, error, run } = useAction();
  const shown = orders ?? [];
  const at = Math.min(index, shown.length - 1);
  const selected = shown[at];
  const hasOrders = shown.length > 0;

  useEffect(() => {
    run(preparingOrders, setOrders);
  }, [run]);

  function ready(order: BarTicket | undefined): void {
    if (order !== undefined)
      run(async () => {
        await callReady(order.orderId);
        return preparingOrders();
      }, setOrders);
  }

  const summary = (order: BarTicket) =>
    order.lines
      .map((line) => {
        const options = optionsText(line.options.map((o) => ({ name: o.name[locale], count: o.count })));
        return `${line.name[locale]}${options === '' ? '' : ` (${options})`} ×${line.quantity}`;
      })
      .join(', ');

  return (
    <Dialog title={text.callListTitle} onCancel={onClose} testId="call-list">
      {orders === null ? null : !hasOrders ? (
        <p className="call-empty" data-testid="call-empty">
          {text.callListEmpty}
        </p>
      ) : (
        <PickList
          items={shown}
          index={at}
          onIndex={setIndex}
          onChoose={ready}
          idOf={(order) => `call-${order.orderId}`}
          label={text.callListTitle}
          className="call-orders"
          itemClassName="call-order"
          testId="call-orders"
          itemTestId={() => 'call-order'}
        >
          {(order) => (
            <>
              <strong className="call-order-number">{order.callNumber}</strong>
              <span className="call-order-items">{summary(order)}</span>
              <span className="call-order-time">{timeOfDay(order.paidAt, locale)}</span>
            </>
          )}
        </PickList>
      )}
      <FormError error={error} testId="call-error" />
      {hasOrders && <p className="field-hint">{text.callListKeys}</p>}
      <div className="dialog-actions">
        <button type="button" className="button button-plain" onClick={onClose}>
          {text.close}
        </button>
        <button
          type="button"
          className="button button-primary"
          data-testid="call-ready"
          disabled={selected === undefined || busy}
          aria-busy={busy}
          onClick={() => ready(selected)}
        >
          {text.markReady}
        </button>
      </div>
    </Dialog>
  );
}
