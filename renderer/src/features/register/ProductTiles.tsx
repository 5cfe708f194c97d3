import type { ProductGridProps } from './ProductGrid';
import { ProductTile } from './ProductTile';

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
