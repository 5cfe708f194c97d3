import type { Product } from '../../../../shared/domain/catalog';
import { formatWon } from '../../../../shared/domain/money';
import { useLocale, useStrings } from '../../i18n/use-strings';

interface ProductTileProps {
  product: Product;
  disabled: boolean;
  highlighted: boolean;
  withOptions: boolean;
  onAdd: (productId: string) => void;
}

/** One product's button on the register. */
export function ProductTile({ product, disabled, highlighted, withOptions, onAdd }: ProductTileProps) {
  const text = useStrings();
  const locale = useLocale();
  return (
    <button
      id={`result-${product.id}`}
      type="button"
      className={highlighted ? 'product-card is-highlighted' : 'product-card'}
      data-testid={`product-${product.id}`}
      data-highlighted={highlighted ? 'true' : undefined}
      data-options={withOptions ? 'true' : undefined}
      aria-haspopup={withOptions ? 'dialog' : undefined}
      disabled={disabled || product.soldOut}
      onClick={() => onAdd(product.id)}
    >
      <span className="product-name">{product.name[locale]}</span>
      <span className="product-price">{product.soldOut ? text.soldOut : formatWon(product.price, locale)}</span>
    </button>
  );
}
