import type { ReactNode } from 'react';
import { lineKeyOf } from '../../../../shared/domain/cart-line';
import { formatWon, sumWon } from '../../../../shared/domain/money';
import type { Order } from '../../../../shared/domain/order';
import { isSplit } from '../../../../shared/domain/payment-parts';
import { approvalNote, discountLabel } from '../../i18n/discount-label';
import { formatDateTime, formatTossTerm } from '../../i18n/format';
import { soldNames } from '../../i18n/sold-names';
import { orderSplit, taxRows } from '../../i18n/tax-rows';
import { useLocale, useStrings } from '../../i18n/use-strings';
import { selectCatalog, useSession } from '../../session/session-store';
import { HintBar } from '../../ui/HintBar';
import { useCheckout } from '../checkout';
import { useReceiptStrings } from './receipt-strings';
import { ReceiptParts } from './ReceiptParts';
import { ReceiptPrinting } from './ReceiptPrinting';
import { safeHttpUrl } from './safe-url';
import { startNewSale } from './start-new-sale';
import { useReceiptShortcuts } from './use-receipt-shortcuts';
import './receipt.css';

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="receipt-field">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

/** The sale just paid: its receipt, and the way to the next sale. */
export function ReceiptScreen() {
  const order = useCheckout((state) => state.paidOrder);
  const text = useStrings();
  const printText = useReceiptStrings();
  useReceiptShortcuts();
  // The 'paid' phase always carries its order; nothing to show otherwise.
  if (order === null) return null;
  return (
    <div className="screen">
      <Receipt order={order} tools={<ReceiptPrinting order={order} subject={{ kind: 'sale' }} compact />}>
        <button
          type="button"
          className="button button-primary button-large"
          data-testid="new-sale"
          title="Enter"
          onClick={startNewSale}
          autoFocus
        >
          {text.newSale}
        </button>
      </Receipt>
      <HintBar hints={[...text.receiptHints, ['Ctrl+P', printText.printHint], ['Ctrl+S', printText.pdfHint]]} />
    </div>
  );
}

/** A paid order's receipt on screen, just after the sale (history shows it again as it printed, on paper). */
function Receipt({ order, tools, children }: { order: Order; tools?: ReactNode; children?: ReactNode }) {
  const text = useStrings();
  const locale = useLocale();
  const catalog = useSession(selectCatalog);
  const won = (amount: number) => formatWon(amount, locale);
  // The recorded names are Korean; the cashier's language is nicer when the catalog still knows them.
  const names = soldNames(catalog, locale);
  const paperText = useReceiptStrings();
  const payment = order.payment;
  const cash = order.cash;
  const receiptUrl = safeHttpUrl(payment?.receiptUrl ?? cash?.cashReceipt?.receiptUrl ?? null);
  const installment = payment?.installmentPlanMonths;
  const discountTotal = sumWon(order.discounts.map((discount) => discount.amount));

  return (
    <article className="receipt" data-testid="receipt" aria-labelledby="receipt-title">
      <section className="receipt-summary">
        <span className="receipt-check" aria-hidden="true" />
        <h1 id="receipt-title" className="receipt-title">
          {text.receiptTitle}
        </h1>
        {order.callNumber !== null && (
          <p className="receipt-call-number" data-testid="call-number">
            <span>{text.callNumber}</span>
            <strong>{order.callNumber}</strong>
          </p>
        )}
        <p className="receipt-total" data-testid="receipt-total">
          {won(order.amount)}
        </p>
        {order.training && (
          <p className="receipt-training" data-testid="receipt-training">
            {text.trainingReceipt}
          </p>
        )}
        {order.cashier != null && (
          <p className="receipt-cashier" data-testid="receipt-cashier">
            {paperText.cashier}: {order.cashier.name}
          </p>
        )}
        {payment === null && order.amount === 0 && (
          <p className="receipt-free" data-testid="receipt-free">
            {text.paidByDiscount}
          </p>
        )}
        <table className="receipt-lines">
          <thead>
            <tr>
              <th scope="col">{text.item}</th>
              <th scope="col">{text.quantity}</th>
              <th scope="col">{text.total}</th>
            </tr>
          </thead>
          <tbody>
            {order.lines.map((line) => (
              <tr key={lineKeyOf(line)} data-testid="receipt-line">
                <td>
                  <span className="receipt-line-name">{names.product(line)}</span>
                  {line.options.length > 0 && (
                    <span className="receipt-line-options" data-testid="receipt-line-options">
                      {names.options(line)}
                    </span>
                  )}
                  {line.memo !== null && (
                    <span className="receipt-line-memo" data-testid="receipt-line-memo">
                      {line.memo}
                    </span>
                  )}
                  <span className="receipt-line-unit">{won(line.unitPrice)}</span>
                </td>
                <td>{line.quantity}</td>
                <td>{won(line.lineTotal)}</td>
              </tr>
            ))}
          </tbody>
          {order.discounts.length > 0 && (
            <tfoot>
              {order.discounts.map((discount, index) => (
                <tr key={index} className="receipt-discount" data-testid="receipt-discount">
                  <td colSpan={2}>
                    <span className="receipt-line-name">{discountLabel(discount, locale)}</span>
                    {approvalNote(discount, locale) !== null && (
                      <span className="receipt-line-unit">{approvalNote(discount, locale)}</span>
                    )}
                  </td>
                  <td>−{won(discount.amount)}</td>
                </tr>
              ))}
            </tfoot>
          )}
        </table>
      </section>

      <section className="receipt-details">
        <dl className="receipt-fields">
          <Field label={text.orderId} testId="receipt-order-id">
            {order.orderId}
          </Field>
          {order.memo !== null && (
            <Field label={paperText.memo} testId="receipt-memo">
              {order.memo}
            </Field>
          )}
          {cash === null && !isSplit(order) ? (
            <Field label={text.approvedAt}>
              {payment === null ? text.none : formatDateTime(payment.approvedAt, locale)}
            </Field>
          ) : (
            <Field label={paperText.tradedAt}>{formatDateTime(cash?.paidAt ?? order.updatedAt, locale)}</Field>
          )}
          {discountTotal > 0 && (
            <Field label={text.discountTotal} testId="receipt-discount-total">
              −{won(discountTotal)}
            </Field>
          )}
          {taxRows(orderSplit(order), locale).map((row) => (
            <Field key={row.key} label={row.label} testId={`receipt-${row.key}`}>
              {row.value}
            </Field>
          ))}
          <Field label={text.total}>{won(order.amount)}</Field>
          {isSplit(order) ? (
            <ReceiptParts order={order} />
          ) : cash === null ? (
            <>
              <Field label={text.method}>
                {payment?.method == null ? text.none : formatTossTerm(payment.method, locale)}
              </Field>
              <Field label={text.card} testId="receipt-card">
                {payment?.cardNumber ?? text.none}
              </Field>
              {payment?.cardType != null && (
                <Field label={text.cardType}>{formatTossTerm(payment.cardType, locale)}</Field>
              )}
              {installment != null && (
                <Field label={text.installment}>{installment === 0 ? text.lumpSum : text.months(installment)}</Field>
              )}
              <Field label={text.approveNo} testId="receipt-approve-no">
                {payment?.approveNo ?? text.none}
              </Field>
            </>
          ) : (
            <>
              <Field label={text.method}>{paperText.cash}</Field>
              <Field label={paperText.received} testId="receipt-cash-received">
                {won(cash.received)}
              </Field>
              <Field label={paperText.change} testId="receipt-cash-change">
                {won(cash.change)}
              </Field>
              {cash.cashReceipt !== null && (
                <Field label={paperText.cashReceipt} testId="receipt-cash-receipt">
                  {cash.cashReceipt.issueNumber ?? paperText.cashReceiptState[cash.cashReceipt.status]} ·{' '}
                  {cash.cashReceipt.identityMasked}
                  {cash.cashReceipt.selfIssued && ` (${paperText.cashReceiptSelfIssued})`}
                </Field>
              )}
            </>
          )}
        </dl>
        <div className="receipt-actions">
          {/* Side by side: the card's receipt at Toss and printing ours take one row. */}
          <div className="receipt-tools">
            {receiptUrl !== null && (
              <a className="button button-secondary" href={receiptUrl} target="_blank" rel="noreferrer">
                {cash === null ? text.receiptLink : paperText.cashReceiptLink}
              </a>
            )}
            {tools}
          </div>
          {children}
        </div>
      </section>
    </article>
  );
}
