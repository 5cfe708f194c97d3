import { useState } from 'react';
import { historyStatusOf } from '../../../../shared/domain/history';
import type { Order } from '../../../../shared/domain/order';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { useHistoryStrings } from './history-strings';
import { whyNotRefundable } from './order-standing';
import { OrderLines } from './OrderLines';
import { OrderPayment } from './OrderPayment';
import { OrderTimeline } from './OrderTimeline';
import { ReceiptDialog } from './ReceiptDialog';
import { RefundDialog } from './RefundDialog';
import { StatusBadge, TrainingBadge } from './StatusBadges';
import { useOrder } from './use-order';

interface OrderDetailProps {
  orderId: string;
  /** The list's name for the order, for the title while the order loads. */
  orderName: string;
  /** Moves when main wrote the order since (another register's refund, taken in): it is read again. */
  version?: number;
  onRefunded: (order: Order) => void;
  onClose: () => void;
}

/** One order whole: what was sold and paid, by card through Toss or in cash, everything that happened to it; refund and receipt from here. */
export function OrderDetail({ orderId, orderName, version, onRefunded, onClose }: OrderDetailProps) {
  const text = useHistoryStrings();
  const { order, error, adopt, reload } = useOrder(orderId, version);
  const [open, setOpen] = useState<'refund' | 'receipt' | null>(null);
  const blocked = order === null ? null : whyNotRefundable(order);
  const settling = order?.refunds.some((refund) => refund.status === 'REFUNDING') ?? false;

  return (
    <Dialog title={text.detailTitle(order?.orderName ?? orderName)} onCancel={onClose} testId="order-detail" wide>
      {/* Close is there from the start, so focus has a place in the dialog while the order loads; then Refund takes it. */}
      <div className="detail-head">
        {order !== null && (
          <span className="history-badges">
            <StatusBadge status={historyStatusOf(order)} />
            {order.training && <TrainingBadge />}
          </span>
        )}
        <div className="detail-actions">
          {order !== null && (
            <>
              <button
                type="button"
                className="button button-primary button-small"
                disabled={blocked !== null}
                autoFocus
                onClick={() => setOpen('refund')}
                data-testid="detail-refund"
              >
                {text.refund}
              </button>
              <button
                type="button"
                className="button button-plain button-small"
                disabled={order.status !== 'PAID'}
                onClick={() => setOpen('receipt')}
                data-testid="detail-receipt"
              >
                {text.receiptAgain}
              </button>
            </>
          )}
          <button
            type="button"
            className="button button-plain button-small"
            onClick={onClose}
            data-testid="detail-close"
          >
            {text.close}
          </button>
        </div>
      </div>
      <FormError error={error} testId="order-detail-error" />
      {order === null ? (
        error === null && <span className="spinner spinner-large" role="status" aria-label={text.loading} />
      ) : (
        <>
          {blocked !== null && (
            <p className="field-hint" data-testid="detail-not-refundable">
              {text.notRefundable[blocked]}
            </p>
          )}
          {order.registerName !== undefined && (
            <p className="field-hint" data-testid="detail-register">
              {text.registerOf(order.registerName)}
            </p>
          )}
          {order.cashier != null && (
            <p className="field-hint" data-testid="detail-cashier">
              {text.cashierOf(order.cashier.name)}
            </p>
          )}
          {settling && (
            <p className="detail-settling" role="status">
              {text.refundSettling}
            </p>
          )}
          <div className="detail-body">
            <OrderLines order={order} />
            <div className="detail-side">
              <OrderPayment order={order} onChanged={adopt} />
              <OrderTimeline order={order} />
            </div>
          </div>
          {open === 'refund' && (
            <RefundDialog
              order={order}
              onRefunded={(refunded) => {
                adopt(refunded);
                onRefunded(refunded);
              }}
              onClose={() => {
                setOpen(null);
                // Main cancels a refunded cash sale's 현금영수증 at Toss after answering the refund: asked again, the detail shows it.
                if (order.cash?.cashReceipt || order.parts.some((part) => part.cash?.cashReceipt)) reload();
              }}
            />
          )}
          {open === 'receipt' && <ReceiptDialog order={order} onClose={() => setOpen(null)} />}
        </>
      )}
    </Dialog>
  );
}
