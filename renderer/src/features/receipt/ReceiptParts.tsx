import { formatWon } from '../../../../shared/domain/money';
import type { Order, PaymentPart } from '../../../../shared/domain/order';
import { paidParts } from '../../../../shared/domain/payment-parts';
import { partLabel } from '../../i18n/part-label';
import { useLocale } from '../../i18n/use-strings';
import { useReceiptStrings, type ReceiptStrings } from './receipt-strings';

/** What a paid part took: the card's masked number and approval, or the cash handed over, the change and its 현금영수증. */
function partDetails(part: PaymentPart, text: ReceiptStrings, won: (amount: number) => string): string[] {
  const cash = part.cash;
  if (cash !== null) {
    const receipt = cash.cashReceipt;
    return [
      `${text.received} ${won(cash.received)}`,
      `${text.change} ${won(cash.change)}`,
      ...(receipt === null
        ? []
        : [`${text.cashReceipt} ${receipt.issueNumber ?? text.cashReceiptState[receipt.status]}`]),
    ];
  }
  const payment = part.payment;
  if (payment === null) return [];
  return [
    ...(payment.cardNumber === null ? [] : [payment.cardNumber]),
    ...(payment.approveNo === null ? [] : [`${text.approveNo} ${payment.approveNo}`]),
  ];
}

/** An order paid in parts, on the receipt screen: how it was paid, then each paid part with its card or cash. */
export function ReceiptParts({ order }: { order: Order }) {
  const text = useReceiptStrings();
  const locale = useLocale();
  const won = (amount: number) => formatWon(amount, locale);
  return (
    <>
      <div className="receipt-field">
        <dt>{text.method}</dt>
        <dd data-testid="receipt-method">{text.splitPayment}</dd>
      </div>
      {paidParts(order).map((part) => (
        <div key={part.part} className="receipt-field">
          <dt className="receipt-part-name">{partLabel(part, locale)}</dt>
          <dd data-testid={`receipt-part-${part.part}`}>
            {won(part.amount)}
            <span className="receipt-part-detail">{partDetails(part, text, won).join(' · ')}</span>
          </dd>
        </div>
      ))}
    </>
  );
}
