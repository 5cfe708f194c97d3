import type { Order } from '../../../../shared/domain/order';
import { isSplit } from '../../../../shared/domain/payment-parts';
import { formatDateTime, formatTossTerm } from '../../i18n/format';
import { useLocale } from '../../i18n/use-strings';
import { safeHttpUrl } from '../receipt';
import { CashPayment } from './CashPayment';
import { Field } from './Field';
import { useHistoryStrings } from './history-strings';
import { SplitPayment } from './SplitPayment';

/** The order's own numbers and how it was paid: what Toss approved (masked card, approval number and time), the cash taken, or its parts. */
export function OrderPayment({ order, onChanged }: { order: Order; onChanged: (order: Order) => void }) {
  const text = useHistoryStrings();
  const locale = useLocale();
  const payment = order.payment;
  const receiptUrl = safeHttpUrl(payment?.receiptUrl ?? null);
  return (
    <section className="detail-section" aria-labelledby="detail-payment-title">
      <h3 id="detail-payment-title" data-testid="detail-payment-title">
        {isSplit(order) ? text.paymentTitleSplit : order.cash !== null ? text.paymentTitleCash : text.paymentTitle}
      </h3>
      <dl className="detail-fields">
        <Field label={text.orderId} testId="detail-order-id">
          {order.orderId}
        </Field>
        <Field label={text.businessDay}>{order.businessDay}</Field>
        {order.callNumber !== null && <Field label={text.callNumberLabel}>{order.callNumber}</Field>}
        {isSplit(order) ? (
          <SplitPayment order={order} onChanged={onChanged} />
        ) : order.cash !== null ? (
          <CashPayment order={order} cash={order.cash} onChanged={onChanged} />
        ) : payment === null ? (
          <Field label={text.method}>{text.paymentNone}</Field>
        ) : (
          <>
            <Field label={text.method}>{payment.method === null ? '—' : formatTossTerm(payment.method, locale)}</Field>
            <Field label={text.cardNumber} testId="detail-card">
              {payment.cardNumber ?? '—'}
            </Field>
            {payment.cardType !== null && (
              <Field label={text.cardType}>{formatTossTerm(payment.cardType, locale)}</Field>
            )}
            <Field label={text.approveNo} testId="detail-approve-no">
              {payment.approveNo ?? '—'}
            </Field>
            <Field label={text.approvedAt}>{formatDateTime(payment.approvedAt, locale)}</Field>
            {receiptUrl !== null && (
              <Field label={text.tossReceipt}>
                <a href={receiptUrl} target="_blank" rel="noreferrer" data-testid="detail-receipt-link">
                  {text.tossReceiptLink}
                </a>
              </Field>
            )}
          </>
        )}
      </dl>
    </section>
  );
}
