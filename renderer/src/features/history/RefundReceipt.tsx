import type { ReactNode } from 'react';
import { formatWon } from '../../../../shared/domain/money';
import type { Order } from '../../../../shared/domain/order';
import { refundedBy } from '../../../../shared/domain/paid-by';
import { partBalance } from '../../../../shared/domain/payment-parts';
import type { RefundEntry } from '../../../../shared/domain/refunds';
import { formatDateTime } from '../../i18n/format';
import { partLabel } from '../../i18n/part-label';
import { useLocale } from '../../i18n/use-strings';
import { useHistoryStrings } from './history-strings';
import { balanceOf } from './order-standing';
import { reasonLabel } from './refund-reason';
import { useLineName } from './use-line-name';

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

/** The refund just made, on screen: for the customer's eyes and the manager's record. */
export function RefundReceipt({ order, entry }: { order: Order; entry: RefundEntry }) {
  const text = useHistoryStrings();
  const locale = useLocale();
  const lineName = useLineName(order);
  const won = (amount: number) => formatWon(amount, locale);
  const refundedLines = entry.lines.filter((line) => line.quantity > 0);
  // A refund of an order paid in parts went back to one part: its card's cancel, or cash (and only its 현금영수증).
  const part = order.parts.find((candidate) => candidate.part === entry.part);
  const by = refundedBy(order, entry);
  const cashReceipt = (part === undefined ? order.cash : part.cash)?.cashReceipt ?? null;
  // Main cancels an issued 현금영수증 by what was refunded (ISSUING and FAILED ones have nothing at Toss to cancel).
  const receiptFollows =
    entry.status === 'DONE' && (cashReceipt?.status === 'ISSUED' || cashReceipt?.status === 'CANCELED');

  return (
    <article className="refund-receipt" data-testid="refund-receipt" aria-label={text.refundReceiptAmount}>
      <p className="refund-receipt-amount">
        <span>{text.refundReceiptAmount}</span>
        <strong data-testid="refund-receipt-amount">{won(entry.amount)}</strong>
      </p>
      {entry.status === 'REFUNDING' && (
        <p className="refund-settling" role="status" data-testid="refund-receipt-settling">
          {text.refundSettlingBody}
        </p>
      )}
      <dl className="detail-fields">
        <Row label={text.refundReceiptOrder}>
          {order.orderName}
          <span className="history-sub"> {order.orderId}</span>
        </Row>
        <Row label={text.refundReceiptLines} testId="refund-receipt-lines">
          {refundedLines.length === 0 ? (
            text.refundReceiptByAmount
          ) : (
            <ul className="refund-receipt-lines">
              {refundedLines.map((line) => (
                <li key={line.lineKey}>
                  {lineName(line.lineKey)} {text.previewLineQuantity(line.quantity)} · {won(line.amount)}
                </li>
              ))}
            </ul>
          )}
        </Row>
        {part !== undefined && (
          <Row label={text.refundReceiptPart} testId="refund-receipt-part">
            {partLabel(part, locale)} · {won(part.amount)}
          </Row>
        )}
        {by !== 'discount' && by !== 'split' && (
          <Row label={text.refundReceiptMethod} testId="refund-receipt-method">
            {text.refundReceiptMethods[by]}
          </Row>
        )}
        {receiptFollows && (
          <Row label={text.refundReceiptCashReceipt} testId="refund-receipt-cash-receipt">
            {text.refundReceiptCashReceiptCancel(won(entry.amount))}
          </Row>
        )}
        <Row label={text.refundReceiptReason} testId="refund-receipt-reason">
          {reasonLabel(entry.reason, text)}
        </Row>
        <Row label={text.refundReceiptApprover} testId="refund-receipt-approver">
          {entry.approvedBy}
        </Row>
        <Row label={text.refundReceiptTime}>{formatDateTime(entry.canceledAt ?? entry.requestedAt, locale)}</Row>
        <Row label={text.refundReceiptBalance} testId="refund-receipt-balance">
          {won(entry.tossBalance ?? (part === undefined ? balanceOf(order) : partBalance(order, part.part)))}
        </Row>
        {entry.coupon !== null && entry.coupon !== 'none' && (
          <Row label={text.refundReceiptCoupon} testId="refund-receipt-coupon">
            {text.couponOutcome[entry.coupon]}
          </Row>
        )}
      </dl>
    </article>
  );
}
