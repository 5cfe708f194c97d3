import { useStrings } from '../../i18n/use-strings';
import { ProductTiles, type ProductGridProps } from './ProductTiles';
import { WindowedProductGrid } from './WindowedProductGrid';

/** Up to this many products every tile is on the page (a café); more (a mart) and only those in sight are. */
const ALL_TILES_UP_TO = 240;

export function ProductGrid(props: ProductGridProps) {
  const { products, disabled, highlightedId, withOptions, onAdd } = props;
  const text = useStrings();

  // The search box names the results by this id, also when there are none (no match, or no product yet).
  if (products.length === 0)
    return (
      <p className="empty-note" id="product-results">
        {text.noMatches}
      </p>
    );
  if (products.length > ALL_TILES_UP_TO) return <WindowedProductGrid {...props} />;
  return (
    // Focusable, so the keyboard can scroll the grid even while its buttons are disabled (payment open).
    <div className="product-grid" id="product-results" role="region" aria-label={text.productsLabel} tabIndex={0}>
      <ProductTiles
        products={products}
        disabled={disabled}
        highlightedId={highlightedId}
        withOptions={withOptions}
        onAdd={onAdd}
      />
    </div>
  );
}
