import type { Product } from '../../../../shared/domain/catalog';
import { formatWon } from '../../../../shared/domain/money';
import { useLocale, useStrings } from '../../i18n/use-strings';

interface ProductGridProps {
  products: readonly Product[];
  disabled: boolean;
  /** The search result Enter will add. */
  highlightedId: string | null;
  /** Products whose options are asked for when they are rung up. */
  withOptions: ReadonlySet<string>;
  onAdd: (productId: string) => void;
}

export function ProductGrid({ products, disabled, highlightedId, withOptions, onAdd }: ProductGridProps) {
  const text = useStrings();
  const locale = useLocale();

  // The search box names the results by this id, also when there are none (no match, or no product yet).
  if (products.length === 0)
    return (
      <p className="empty-note" id="product-results">
        {text.noMatches}
      </p>
    );
  return (
    // Focusable, so the keyboard can scroll the grid even while its buttons are disabled (payment open).
    <div className="product-grid" id="product-results" role="region" aria-label={text.productsLabel} tabIndex={0}>
      {products.map((product) => (
        <button
          key={product.id}
          id={`result-${product.id}`}
          type="button"
          className={product.id === highlightedId ? 'product-card is-highlighted' : 'product-card'}
          data-testid={`product-${product.id}`}
          data-highlighted={product.id === highlightedId ? 'true' : undefined}
          data-options={withOptions.has(product.id) ? 'true' : undefined}
          aria-haspopup={withOptions.has(product.id) ? 'dialog' : undefined}
          disabled={disabled || product.soldOut}
          onClick={() => onAdd(product.id)}
        >
          <span className="product-name">{product.name[locale]}</span>
          <span className="product-price">{product.soldOut ? text.soldOut : formatWon(product.price, locale)}</span>
        </button>
      ))}
    </div>
  );
}
