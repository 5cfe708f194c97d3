import { formatWon, vatSplit, type Won } from '../../../../shared/domain/money';
import type { SaleQuote } from '../../../../shared/domain/order';
import { useLocale, useStrings } from '../../i18n/use-strings';

/**
 * What the cashier reads out. With a coupon or discount every figure is main's quote (each
 * discount's amount is on its chip above); without, the cart's own sum. The amount charged is
 * main's either way, from sale:create.
 */
export function CartTotals({ subtotal, quote }: { subtotal: Won; quote: SaleQuote | null }) {
  const text = useStrings();
  const locale = useLocale();
  const own = vatSplit(subtotal);
  const total = quote?.amount ?? subtotal;
  const supply = quote?.supplyAmount ?? own.supply;
  const vat = quote?.vatAmount ?? own.vat;

  return (
    <dl className="cart-totals">
      <div className="totals-row">
        <dt>{text.subtotal}</dt>
        <dd data-testid="cart-subtotal">{formatWon(quote?.subtotal ?? subtotal, locale)}</dd>
      </div>
      {/* One row for both halves of the VAT split: the cart keeps its height for lines. */}
      <div className="totals-row totals-minor totals-vat">
        <dt>{text.supply}</dt>
        <dd data-testid="vat-supply">{formatWon(supply, locale)}</dd>
        <dt>{text.vat}</dt>
        <dd data-testid="vat-amount">{formatWon(vat, locale)}</dd>
      </div>
      <div className="totals-row totals-grand">
        <dt>{text.total}</dt>
        <dd data-testid="cart-total">{formatWon(total, locale)}</dd>
      </div>
    </dl>
  );
}
