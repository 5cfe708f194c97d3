import { useCallback, useMemo, useRef, useState } from 'react';
import type { Catalog, Product } from '../../../../shared/domain/catalog';
import { HintBar } from '../../app/HintBar';
import { useStrings } from '../../i18n/use-strings';
import { selectCartLocked, useCheckout } from '../checkout';
import { CartPanel } from './CartPanel';
import { useCart } from './cart-store';
import { CategoryTabs } from './CategoryTabs';
import { ProductGrid } from './ProductGrid';
import { ALL_CATEGORIES, filterProducts } from './product-filter';
import { SearchBox } from './SearchBox';
import { useBarcodeScanner } from './use-barcode-scanner';
import { useRegisterShortcuts } from './use-register-shortcuts';
import './register.css';

export function RegisterScreen({ catalog }: { catalog: Catalog }) {
  const text = useStrings();
  const [categoryId, setCategoryId] = useState(ALL_CATEGORIES);
  const [query, setQuery] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  const add = useCart((state) => state.add);
  const locked = useCheckout(selectCartLocked);

  const productsById = useMemo(() => new Map<string, Product>(catalog.products.map((p) => [p.id, p])), [catalog]);
  const visible = useMemo(() => filterProducts(catalog.products, categoryId, query), [catalog, categoryId, query]);
  const clearQuery = useCallback(() => setQuery(''), []);

  const [scanProblem, setScanProblem] = useState<string | null>(null);

  useRegisterShortcuts(searchRef, clearQuery);
  useBarcodeScanner((code) => {
    // What the scanner typed into the search box was the code, not a search.
    setQuery('');
    const product = catalog.products.find((p) => p.barcode === code);
    if (product === undefined) return setScanProblem(text.barcodeUnknown(code));
    if (product.soldOut) return setScanProblem(`${product.name.ko} — ${text.soldOut}`);
    if (locked) return;
    setScanProblem(null);
    add(product.id);
  });

  function addFirstMatch(): void {
    const first = visible.find((product) => !product.soldOut);
    if (first === undefined || locked) return;
    add(first.id);
    setScanProblem(null);
    // Ready for the next product, and + / − now reach the line just added.
    setQuery('');
  }

  return (
    <div className="screen">
      <h1 className="visually-hidden">{text.registerTitle}</h1>
      <div className="register">
        <section className="catalog-pane" aria-label={text.searchLabel}>
          <SearchBox ref={searchRef} value={query} onChange={setQuery} onSubmit={addFirstMatch} />
          <p className="scan-problem" role="alert" data-testid="scan-problem">
            {scanProblem}
          </p>
          <CategoryTabs categories={catalog.categories} selectedId={categoryId} onSelect={setCategoryId} />
          <ProductGrid products={visible} disabled={locked} onAdd={add} />
        </section>
        <CartPanel products={productsById} />
      </div>
      <HintBar hints={text.registerHints} />
    </div>
  );
}
