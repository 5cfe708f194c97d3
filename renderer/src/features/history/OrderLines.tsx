import { lineKeyOf } from '../../../../shared/domain/cart-line';
import { formatWon, sumWon } from '../../../../shared/domain/money';
import type { Order } from '../../../../shared/domain/order';
import { refundedAmount } from '../../../../shared/domain/refunds';
import { approvalNote, discountLabel } from '../../i18n/discount-label';
import { orderSplit, taxRows } from '../../i18n/tax-rows';
import { useLocale } from '../../i18n/use-strings';
import { useHistoryStrings } from './history-strings';
import { balanceOf, refundedQuantities } from './order-standing';
import { useSoldNames } from './use-line-name';

/** What was sold: each line with its share of the discounts and what was paid for it, then the order's sums and VAT. */
export function OrderLines({ order }: { order: Order }) {
  const text = useHistoryStrings();
  const locale = useLocale();
  const names = useSoldNames();
  const won = (amount: number) => formatWon(amount, locale);
  const refunded = refundedQuantities(order);
  const refundTotal = refundedAmount(order.refunds);

  return (
    <section className="detail-section" aria-labelledby="detail-lines-title">
      <h3 id="detail-lines-title">{text.linesTitle}</h3>
      {order.memo !== null && (
        <p className="detail-memo" data-testid="detail-memo">
          <span>{text.orderMemo}</span> {order.memo}
        </p>
      )}
      <table className="data-table detail-lines">
        <thead>
          <tr>
            <th scope="col">{text.item}</th>
            <th scope="col" className="num">
              {text.quantity}
            </th>
            <th scope="col" className="num">
              {text.lineTotal}
            </th>
            <th scope="col" className="num">
              {text.discountShare}
            </th>
            <th scope="col" className="num">
              {text.net}
            </th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => {
            const key = lineKeyOf(line);
            const options = names.options(line);
            return (
              <tr key={key} data-testid={`detail-line-${key}`}>
                <td>
                  <span className="detail-line-name">{names.product(line)}</span>
                  {options !== '' && <span className="detail-line-options">{options}</span>}
                  {line.memo !== null && <span className="detail-line-memo">{line.memo}</span>}
                  <span className="history-sub">
                    {text.unitPrice} {won(line.unitPrice)}
                    {(refunded.get(key) ?? 0) > 0 && (
                      <span className="detail-refunded"> · {text.refundedQuantity(refunded.get(key) ?? 0)}</span>
                    )}
                  </span>
                </td>
                <td className="num">{line.quantity}</td>
                <td className="num">{won(line.lineTotal)}</td>
                <td className="num">{line.discount === 0 ? '—' : `−${won(line.discount)}`}</td>
                <td className="num detail-net">{won(line.lineTotal - line.discount)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <dl className="detail-sums">
        <div>
          <dt>{text.subtotal}</dt>
          <dd>{won(sumWon(order.lines.map((line) => line.lineTotal)))}</dd>
        </div>
        {order.discounts.map((discount, index) => (
          <div key={index} data-testid="detail-discount">
            <dt>
              {discountLabel(discount, locale)}
              {approvalNote(discount, locale) !== null && (
                <span className="history-sub"> {approvalNote(discount, locale)}</span>
              )}
            </dt>
            <dd>−{won(discount.amount)}</dd>
          </div>
        ))}
        <div className="detail-sum-total">
          <dt>{text.total}</dt>
          <dd data-testid="detail-total">{won(order.amount)}</dd>
        </div>
        {taxRows(orderSplit(order), locale).map((row) => (
          <div key={row.key}>
            <dt>{row.label}</dt>
            <dd data-testid={`detail-${row.key}`}>{row.value}</dd>
          </div>
        ))}
        {refundTotal > 0 && (
          <>
            <div className="detail-sum-refund">
              <dt>{text.refundedTotal}</dt>
              <dd data-testid="detail-refunded">−{won(refundTotal)}</dd>
            </div>
            <div>
              <dt>{text.balance}</dt>
              <dd data-testid="detail-balance">{won(balanceOf(order))}</dd>
            </div>
          </>
        )}
      </dl>
    </section>
  );
}
