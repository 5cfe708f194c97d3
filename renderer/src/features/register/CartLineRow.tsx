import { Fragment, useEffect, useRef } from 'react';
import { formatWon } from '../../../../shared/domain/money';
import { MAX_LINE_QUANTITY } from '../../../../shared/domain/cart-line';
import { optionsText } from '../../../../shared/domain/option-text';
import { useLocale, useStrings } from '../../i18n/use-strings';
import { useCart, type CartLineView } from './cart-store';

interface CartLineRowProps {
  line: CartLineView;
  selected: boolean;
  locked: boolean;
  /** A quantity being typed with the number keys for this line, shown until Enter or *. */
  typedQuantity: string | null;
}

export function CartLineRow({ line, selected, locked, typedQuantity }: CartLineRowProps) {
  const text = useStrings();
  const locale = useLocale();
  const select = useCart((state) => state.select);
  const changeQuantity = useCart((state) => state.changeQuantity);
  const remove = useCart((state) => state.remove);
  const rowRef = useRef<HTMLLIElement>(null);
  const id = line.key;

  // Arrow keys can select a line scrolled out of view.
  useEffect(() => {
    if (selected) rowRef.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  return (
    <li
      ref={rowRef}
      className={selected ? 'cart-line is-selected' : 'cart-line'}
      data-testid={`cart-line-${id}`}
      aria-current={selected ? 'true' : undefined}
      onClick={() => select(id)}
    >
      <div className="cart-line-info">
        <span className="cart-line-name">{line.product.name[locale]}</span>
        {line.options.length > 0 && (
          <span className="cart-line-options" data-testid={`line-options-${id}`}>
            {line.options.map((option, index) => (
              // Each option stays whole when the list wraps ("샷 추가 ×2" never splits).
              <Fragment key={option.optionId}>
                {index > 0 && ' · '}
                <span className="cart-line-option">
                  {optionsText([{ name: option.name[locale], count: option.count }])}
                </span>
              </Fragment>
            ))}
          </span>
        )}
        {line.memo !== null && (
          <span className="cart-line-memo" data-testid={`line-memo-${id}`}>
            {line.memo}
          </span>
        )}
      </div>
      <div className="qty-stepper" role="group" aria-label={text.quantity}>
        <button
          type="button"
          className="qty-button"
          data-testid={`qty-dec-${id}`}
          aria-label={text.decrease}
          title={text.decrease}
          disabled={locked || line.quantity <= 1}
          onClick={() => changeQuantity(id, -1)}
        >
          −
        </button>
        <span
          className={typedQuantity === null ? 'qty-value' : 'qty-value is-typing'}
          aria-live="polite"
          data-testid={`qty-${id}`}
        >
          {typedQuantity === null ? line.quantity : `${typedQuantity}_`}
        </span>
        <button
          type="button"
          className="qty-button"
          data-testid={`qty-inc-${id}`}
          aria-label={text.increase}
          title={text.increase}
          disabled={locked || line.quantity >= MAX_LINE_QUANTITY}
          onClick={() => changeQuantity(id, 1)}
        >
          +
        </button>
      </div>
      {/* The unit price sits under the total, leaving the name's column to the options and memo. */}
      <span className="cart-line-amounts">
        <span className="cart-line-total">{formatWon(line.total, locale)}</span>
        <span className="cart-line-unit">{text.unitPrice(formatWon(line.unitPrice, locale))}</span>
      </span>
      <button
        type="button"
        className="remove-button"
        data-testid={`remove-${id}`}
        aria-label={text.remove}
        title={text.remove}
        disabled={locked}
        onClick={(event) => {
          // Removing must not also select the row that is going away.
          event.stopPropagation();
          remove(id);
        }}
      >
        ×
      </button>
    </li>
  );
}
