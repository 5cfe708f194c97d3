import type { ReactNode } from 'react';
import type { Order } from '../../../../shared/domain/order';
import { formatDateTime, formatTossTerm } from '../../i18n/format';
import { useLocale } from '../../i18n/use-strings';
import { safeHttpUrl } from '../receipt';
import { useHistoryStrings } from './history-strings';

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

/** The order's own numbers and what Toss approved: method, masked card, approval number and time. */
export function OrderPayment({ order }: { order: Order }) {
  const text = useHistoryStrings();
  const locale = useLocale();
  const payment = order.payment;
  const receiptUrl = safeHttpUrl(payment?.receiptUrl ?? null);
  return (
    <section className="detail-section" aria-labelledby="detail-payment-title">
      <h3 id="detail-payment-title">{text.paymentTitle}</h3>
      <dl className="detail-fields">
        <Field label={text.orderId} testId="detail-order-id">
          {order.orderId}
        </Field>
        <Field label={text.businessDay}>{order.businessDay}</Field>
        {order.callNumber !== null && <Field label={text.callNumberLabel}>{order.callNumber}</Field>}
        {payment === null ? (
          <Field label={text.method}>{text.paymentNone}</Field>
        ) : (
          <>
            <Field label={text.method}>{payment.method === null ? '—' : formatTossTerm(payment.method, locale)}</Field>
            <Field label={text.cardNumber} testId="detail-card">
              {payment.cardNumber ?? '—'}
            </Field>
            {payment.cardType !== null && <Field label={text.cardType}>{formatTossTerm(payment.cardType, locale)}</Field>}
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
