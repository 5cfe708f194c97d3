import type { Ref } from 'react';
import { needsManagerApproval } from '../../../../shared/domain/discount-approval';
import { formatWon } from '../../../../shared/domain/money';
import { discountLabel } from '../../i18n/discount-label';
import { useLocale } from '../../i18n/use-strings';
import { FormError } from '../../ui/FormError';
import { useCart } from './cart-store';
import { CouponField } from './CouponField';
import { useDiscountStrings } from './discount-strings';
import { useSaleQuote } from './sale-quote';

/**
 * The cart's coupon and manual discount, and why main will not take them as they stand; a
 * discount whose approval main no longer takes can be approved again from here.
 */
export function CartDiscounts({
  couponRef,
  locked,
  onOpenDiscount,
  onApproveAgain,
}: {
  couponRef: Ref<HTMLInputElement>;
  locked: boolean;
  onOpenDiscount: () => void;
  onApproveAgain: () => void;
}) {
  const text = useDiscountStrings();
  const locale = useLocale();
  const manual = useCart((state) => state.manualDiscount);
  const quote = useSaleQuote((state) => state.quote);
  const problem = useSaleQuote((state) => state.problem);
  const applied = quote?.discounts.find((d) => d.source === 'manual');

  return (
    <section className="cart-discounts" aria-label={text.discountTitle}>
      <div className="cart-discounts-row">
        <CouponField ref={couponRef} disabled={locked} />
        {manual === null ? (
          <button
            type="button"
            className="button button-plain discount-open"
            data-testid="discount-open"
            disabled={locked}
            onClick={onOpenDiscount}
          >
            {text.discountButton}
          </button>
        ) : (
          <div className="discount-chip" data-testid="discount-applied">
            <span className="discount-chip-name">{applied ? discountLabel(applied, locale) : manual.reason}</span>
            {applied && <strong className="discount-chip-amount">−{formatWon(applied.amount, locale)}</strong>}
            <button
              type="button"
              className="remove-button"
              data-testid="discount-remove"
              aria-label={text.discountRemove}
              title={text.discountRemove}
              disabled={locked}
              onClick={() => useCart.getState().setManualDiscount(null)}
            >
              ×
            </button>
          </div>
        )}
      </div>
      <FormError error={problem} testId="quote-problem" />
      {manual !== null && problem !== null && needsManagerApproval(problem.code) && (
        <button
          type="button"
          className="button button-plain discount-approve-again"
          data-testid="discount-approve-again"
          disabled={locked}
          onClick={onApproveAgain}
        >
          {text.approveAgain}
        </button>
      )}
    </section>
  );
}
