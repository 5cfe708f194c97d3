import { formatWon } from '../../../../shared/domain/money';
import type { PaymentPart } from '../../../../shared/domain/order';
import { partLabel } from '../../i18n/part-label';
import { useLocale } from '../../i18n/use-strings';
import { useSplitTexts } from './split-strings';

/** What one part took: the card Toss approved, or the cash handed over and the change. */
function partDetail(part: PaymentPart, text: ReturnType<typeof useSplitTexts>, won: (n: number) => string): string {
  if (part.cash !== null) {
    const receipt =
      part.cash.cashReceipt === null ? '' : ` · ${text.cashReceipt} ${part.cash.cashReceipt.identityMasked}`;
    return `${text.cashDetail(won(part.cash.received), won(part.cash.change))}${receipt}`;
  }
  const payment = part.payment;
  if (payment === null) return '';
  return [payment.cardNumber, payment.approveNo === null ? null : text.approveNo(payment.approveNo)]
    .filter((piece) => piece !== null)
    .join(' · ');
}

/** The order's parts in the order they were opened: the paid ones, and the ones that failed (nothing charged). */
export function PartList({ parts }: { parts: readonly PaymentPart[] }) {
  const text = useSplitTexts();
  const locale = useLocale();
  const won = (amount: number) => formatWon(amount, locale);
  if (parts.length === 0) return <p className="split-no-parts">{text.noParts}</p>;
  return (
    <ol className="split-parts" aria-label={text.partsTitle} data-testid="split-parts">
      {parts.map((part) => (
        <li
          key={part.part}
          className={`split-part split-part-${part.status.toLowerCase()}`}
          data-testid={`split-part-${part.part}`}
          data-status={part.status}
        >
          <span className="split-part-name">{partLabel(part, locale)}</span>
          <span className="split-part-amount">{won(part.amount)}</span>
          <span className="split-part-status">{text.status[part.status]}</span>
          <span className="split-part-detail">{partDetail(part, text, won)}</span>
        </li>
      ))}
    </ol>
  );
}
