import { Fragment } from 'react';
import { formatWon } from '../../../../shared/domain/money';
import type { Order } from '../../../../shared/domain/order';
import { paidParts, partBalance } from '../../../../shared/domain/payment-parts';
import { formatDateTime } from '../../i18n/format';
import { partLabel } from '../../i18n/part-label';
import { useLocale } from '../../i18n/use-strings';
import { CashPayment } from './CashPayment';
import { Field } from './Field';
import { useHistoryStrings } from './history-strings';

/**
 * An order paid in parts, in its detail: every part in the order it was opened (a declined one
 * too, nothing charged), what it took, and what is left to refund of it; a card part's card and
 * approval, the cash part's tender and 현금영수증 (which covers that part only).
 */
export function SplitPayment({ order, onChanged }: { order: Order; onChanged: (order: Order) => void }) {
  const text = useHistoryStrings();
  const locale = useLocale();
  const won = (amount: number) => formatWon(amount, locale);
  return (
    <>
      <Field label={text.method} testId="detail-method">
        {text.paymentSplit(paidParts(order).length)}
      </Field>
      {order.parts.map((part) => {
        const balance = partBalance(order, part.part);
        const refunded = part.status === 'PAID' && balance < part.amount;
        return (
          <Fragment key={part.part}>
            <Field label={partLabel(part, locale)} testId={`detail-part-${part.part}`}>
              {won(part.amount)} · {text.partStatus[part.status]}
              {refunded && ` · ${text.partLeft(won(balance))}`}
            </Field>
            {part.payment !== null && (
              <>
                <Field label={text.cardNumber} testId={`detail-part-${part.part}-card`}>
                  {part.payment.cardNumber ?? '—'}
                </Field>
                <Field label={text.approveNo} testId={`detail-part-${part.part}-approve-no`}>
                  {part.payment.approveNo ?? '—'}
                </Field>
                <Field label={text.approvedAt}>{formatDateTime(part.payment.approvedAt, locale)}</Field>
              </>
            )}
            {part.cash !== null && <CashPayment order={order} cash={part.cash} onChanged={onChanged} />}
          </Fragment>
        );
      })}
    </>
  );
}
