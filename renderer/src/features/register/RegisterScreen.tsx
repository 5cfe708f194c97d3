import { useCallback, useMemo, useRef, useState } from 'react';
import type { Catalog, Product } from '../../../../shared/domain/catalog';
import { HintBar } from '../../app/HintBar';
import { useStrings } from '../../i18n/use-strings';
import { selectCartLocked, useCheckout } from '../checkout/checkout-store';
import { CartPanel } from './CartPanel';
import { useCart } from './cart-store';
import { CategoryTabs } from './CategoryTabs';
import { ProductGrid } from './ProductGrid';
import { ALL_CATEGORIES, filterProducts } from './product-filter';
import { SearchBox } from './SearchBox';
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

  useRegisterShortcuts(searchRef, clearQuery);

  function addFirstMatch(): void {
    const first = visible[0];
    if (first === undefined || locked) return;
    add(first.id);
    // Ready for the next product, and + / − now reach the line just added.
    setQuery('');
  }

  return (
    <div className="screen">
      <div className="register">
        <section className="catalog-pane" aria-label={text.searchLabel}>
          <SearchBox ref={searchRef} value={query} onChange={setQuery} onSubmit={addFirstMatch} />
          <CategoryTabs categories={catalog.categories} selectedId={categoryId} onSelect={setCategoryId} />
          <ProductGrid products={visible} disabled={locked} onAdd={add} />
        </section>
        <CartPanel products={productsById} />
      </div>
      <HintBar hints={text.registerHints} />
    </div>
  );
}
