import { useState, type FormEvent, type KeyboardEvent, type Ref } from 'react';
import { formatCode } from '../../../../shared/domain/coupon-code';
import type { PosErrorData } from '../../../../shared/domain/errors';
import { formatWon } from '../../../../shared/domain/money';
import { useLocale } from '../../i18n/use-strings';
import { FormError } from '../../ui/FormError';
import { applyCoupon } from './apply-coupon';
import { useCart } from './cart-store';
import { useDiscountStrings } from './discount-strings';
import { useSaleQuote } from './sale-quote';

/** The cart's coupon: a field to type or scan one into (Enter applies), or the one applied with a way to take it off. */
export function CouponField({ ref, disabled }: { ref: Ref<HTMLInputElement>; disabled: boolean }) {
  const text = useDiscountStrings();
  const locale = useLocale();
  const couponCode = useCart((state) => state.couponCode);
  const quote = useSaleQuote((state) => state.quote);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<PosErrorData | null>(null);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (busy || disabled || typed.trim() === '') return;
    setBusy(true);
    const problem = await applyCoupon(typed);
    setBusy(false);
    setRefused(problem);
    if (problem === null) setTyped('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key !== 'Escape') return;
    setTyped('');
    setRefused(null);
    event.currentTarget.blur();
  }

  if (couponCode !== null) {
    const applied = quote?.discounts.find((d) => d.source === 'coupon');
    const name = applied?.source === 'coupon' ? applied.name : formatCode(couponCode);
    return (
      <div className="discount-chip" data-testid="coupon-applied" title={formatCode(couponCode)}>
        <span className="discount-chip-name">{name}</span>
        {applied && <strong className="discount-chip-amount">−{formatWon(applied.amount, locale)}</strong>}
        <button
          type="button"
          className="remove-button"
          data-testid="coupon-remove"
          aria-label={text.couponRemove(name)}
          title={text.couponRemove(name)}
          disabled={disabled}
          onClick={() => useCart.getState().setCoupon(null)}
        >
          ×
        </button>
      </div>
    );
  }

  return (
    <form className="coupon-field" onSubmit={(event) => void submit(event)}>
      <input
        ref={ref}
        className="coupon-input"
        data-testid="coupon-input"
        data-scan-field=""
        aria-label={text.couponLabel}
        placeholder={text.couponPlaceholder}
        value={typed}
        maxLength={40}
        disabled={disabled}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => {
          setTyped(event.target.value);
          setRefused(null);
        }}
        onKeyDown={onKeyDown}
      />
      <button
        type="submit"
        className="button button-secondary coupon-apply"
        data-testid="coupon-apply"
        disabled={disabled || busy || typed.trim() === ''}
        aria-busy={busy}
      >
        {busy ? text.couponApplying : text.couponApply}
      </button>
      <FormError error={refused} testId="coupon-error" />
    </form>
  );
}
