import { formatWon, vatSplit, type Won } from '../../../../shared/domain/money';
import { useLocale, useStrings } from '../../i18n/use-strings';

/** What the cashier reads out. The amount charged is main's, from order:create. */
export function CartTotals({ subtotal }: { subtotal: Won }) {
  const text = useStrings();
  const locale = useLocale();
  const { supply, vat } = vatSplit(subtotal);

  return (
    <dl className="cart-totals">
      <div className="totals-row">
        <dt>{text.subtotal}</dt>
        <dd>{formatWon(subtotal, locale)}</dd>
      </div>
      <div className="totals-row totals-minor">
        <dt>{text.supply}</dt>
        <dd data-testid="vat-supply">{formatWon(supply, locale)}</dd>
      </div>
      <div className="totals-row totals-minor">
        <dt>{text.vat}</dt>
        <dd data-testid="vat-amount">{formatWon(vat, locale)}</dd>
      </div>
      <div className="totals-row totals-grand">
        <dt>{text.total}</dt>
        <dd data-testid="cart-total">{formatWon(subtotal, locale)}</dd>
      </div>
    </dl>
  );
}
