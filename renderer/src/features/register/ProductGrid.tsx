import type { Product } from '../../../../shared/domain/catalog';
import { useStrings } from '../../i18n/use-strings';
import { ProductTiles } from './ProductTiles';
import { WindowedProductGrid } from './WindowedProductGrid';

/** Up to this many products every tile is on the page (a café); more (a mart) and only those in sight are. */
const ALL_TILES_UP_TO = 240;

export interface ProductGridProps {
  products: readonly Product[];
  disabled: boolean;
  /** The search result Enter will add. */
  highlightedId: string | null;
  /** Products whose options are asked for when they are rung up. */
  withOptions: ReadonlySet<string>;
  onAdd: (productId: string) => void;
  /** What the list is (the category, the search): a new one is shown from its top. */
  listKey: string;
}

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
