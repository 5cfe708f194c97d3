import { formatWon, type Won } from '../../../../shared/domain/money';
import type { SaleQuote } from '../../../../shared/domain/order';
import { taxSplit } from '../../../../shared/domain/tax-split';
import { useLocale, useStrings } from '../../i18n/use-strings';

/**
 * What the cashier reads out. With a coupon or discount every figure is main's quote (each
 * discount's amount is on its chip above); without, the cart's own sum, VAT only on its 과세
 * part. The amount charged is main's either way, from sale:create.
 */
export function CartTotals({ subtotal, taxFree, quote }: { subtotal: Won; taxFree: Won; quote: SaleQuote | null }) {
  const text = useStrings();
  const locale = useLocale();
  const own = taxSplit(subtotal, taxFree);
  const total = quote?.amount ?? subtotal;
  const supply = quote?.supplyAmount ?? own.taxable;
  const vat = quote?.vatAmount ?? own.vat;
  const free = quote === null ? own.taxFree : (quote.taxFreeAmount ?? 0);

  return (
    <dl className="cart-totals">
      <div className="totals-row">
        <dt>{text.subtotal}</dt>
        <dd data-testid="cart-subtotal">{formatWon(quote?.subtotal ?? subtotal, locale)}</dd>
      </div>
      {/* One row for both halves of the VAT split: the cart keeps its height for lines. */}
      <div className="totals-row totals-minor totals-vat">
        <dt>{free > 0 ? text.taxableSupply : text.supply}</dt>
        <dd data-testid="vat-supply">{formatWon(supply, locale)}</dd>
        <dt>{text.vat}</dt>
        <dd data-testid="vat-amount">{formatWon(vat, locale)}</dd>
      </div>
      {free > 0 && (
        <div className="totals-row totals-minor">
          <dt>{text.taxFreeSupply}</dt>
          <dd data-testid="tax-free-amount">{formatWon(free, locale)}</dd>
        </div>
      )}
      <div className="totals-row totals-grand">
        <dt>{text.total}</dt>
        <dd data-testid="cart-total">{formatWon(total, locale)}</dd>
      </div>
    </dl>
  );
}
