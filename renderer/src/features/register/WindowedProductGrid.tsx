import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useStrings } from '../../i18n/use-strings';
import type { ProductGridProps } from './ProductTiles';
import { ProductTiles } from './ProductTiles';
import { tileLayoutOf, type TileLayout } from './tile-layout';

/**
 * The register's grid for a big catalog: rows of tiles, only those in sight (and a few either
 * side) on the page, so 50,000 products cost what a screenful does. The tiles keep the café's
 * look; the sizes come from the stylesheet (its `--tile-*` properties), so the compact terminal
 * layout applies here too.
 */
export function WindowedProductGrid(props: ProductGridProps) {
  const { products, disabled, highlightedId, withOptions, onAdd, listKey } = props;
  const text = useStrings();
  const scroller = useRef<HTMLDivElement>(null);
  const [layout, setLayout] = useState<TileLayout>({ columns: 1, rowHeight: 112, gap: 12 });

  useLayoutEffect(() => {
    const element = scroller.current;
    if (element === null) return;
    const measure = () => {
      const next = tileLayoutOf(element.clientWidth, getComputedStyle(element));
      setLayout((now) =>
        now.columns === next.columns && now.rowHeight === next.rowHeight && now.gap === next.gap ? now : next,
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const { columns, rowHeight, gap } = layout;
  // The build runs no React Compiler, so nothing memoizes this component behind the virtualizer's back.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: Math.ceil(products.length / columns),
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    gap,
    overscan: 2,
  });

  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight, gap, columns]);

  // Another category or another search: its list starts at the top, not where the last one was scrolled to.
  useEffect(() => virtualizer.scrollToOffset(0), [virtualizer, listKey]);

  // ↑ ↓ in the search move the highlight: its row comes into sight, so aria-activedescendant names a tile on the page.
  const highlightedAt = highlightedId === null ? -1 : products.findIndex((p) => p.id === highlightedId);
  useEffect(() => {
    if (highlightedAt >= 0) virtualizer.scrollToIndex(Math.floor(highlightedAt / columns), { align: 'auto' });
  }, [virtualizer, highlightedAt, columns]);

  return (
    // Focusable, so the keyboard can scroll the grid even while its buttons are disabled (payment open).
    <div
      ref={scroller}
      className="product-grid is-windowed"
      id="product-results"
      role="region"
      aria-label={text.productsLabel}
      tabIndex={0}
    >
      <div className="product-rows" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div
            key={row.key}
            className="product-row"
            data-index={row.index}
            style={{
              transform: `translateY(${row.start}px)`,
              height: rowHeight,
              gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
            }}
          >
            <ProductTiles
              products={products.slice(row.index * columns, (row.index + 1) * columns)}
              disabled={disabled}
              highlightedId={highlightedId}
              withOptions={withOptions}
              onAdd={onAdd}
            />
          </div>
        ))}
      </div>
    </div>
  );
}
