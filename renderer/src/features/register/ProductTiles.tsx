import type { Product } from '../../../../shared/domain/catalog';
import { ProductTile } from './ProductTile';

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

/** A run of products as tiles: the whole grid of a café, or one row of a mart's windowed grid. */
export function ProductTiles(props: Omit<ProductGridProps, 'listKey'>) {
  const { products, disabled, highlightedId, withOptions, onAdd } = props;
  return products.map((product) => (
    <ProductTile
      key={product.id}
      product={product}
      disabled={disabled}
      highlighted={product.id === highlightedId}
      withOptions={withOptions.has(product.id)}
      onAdd={onAdd}
    />
  ));
}
