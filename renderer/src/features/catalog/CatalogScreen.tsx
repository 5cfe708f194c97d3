import { useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { OptionGroup, Product } from '../../../../shared/domain/catalog';
import { buildCatalogSearch } from '../../../../shared/domain/catalog-search';
import { formatWon } from '../../../../shared/domain/money';
import { useLocale } from '../../i18n/use-strings';
import { FormError } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import '../../ui/ui.css';
import { TrainingManagerNotice, useManagerData } from '../staff';
import { useCatalogStrings } from './catalog-strings';
import { OptionGroupDialog } from './OptionGroupDialog';
import { OptionGroupsPanel } from './OptionGroupsPanel';
import { ProductDialog } from './ProductDialog';
import './catalog.css';
import { useCatalogEdits } from './use-catalog-edits';
import { useRowWindow } from './use-row-window';

/** Products, option groups and categories, retired ones included: add, edit prices, mark sold out, retire. */
export function CatalogScreen() {
  const text = useCatalogStrings();
  const locale = useLocale();
  const { data: catalog, error: loadError, reload } = useManagerData('catalog:manage');
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const [editingGroup, setEditingGroup] = useState<OptionGroup | 'new' | null>(null);
  const edits = useCatalogEdits(reload);
  const [categoryKo, setCategoryKo] = useState('');
  const [categoryEn, setCategoryEn] = useState('');
  const [query, setQuery] = useState('');
  // Names (초성 too), product codes and barcodes, from one index per catalog as on the register.
  const finder = useMemo(() => (catalog === null ? null : buildCatalogSearch(catalog.products)), [catalog]);
  const shown = finder === null ? [] : finder.search(query);
  const positions = useMemo(() => new Map(catalog?.products.map((p, i) => [p.id, i + 1])), [catalog]);
  const body = useRef<HTMLTableSectionElement>(null);
  const rows = useRowWindow(shown.length, body);

  /** Alt+↑/↓ on a product's row moves its tile, as its buttons do. */
  function moveKey(event: KeyboardEvent, productId: string, position: number): void {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const to = position + (event.key === 'ArrowUp' ? -1 : 1);
    if (to >= 1 && to <= (catalog?.products.length ?? 0)) edits.moveProduct(productId, to);
  }

  function addCategory(event: FormEvent): void {
    event.preventDefault();
    if (categoryKo.trim() === '' || categoryEn.trim() === '') return;
    edits.addCategory({ name: { ko: categoryKo.trim(), en: categoryEn.trim() } }, () => {
      setCategoryKo('');
      setCategoryEn('');
    });
  }

  const categoryName = (id: string) => catalog?.categories.find((c) => c.id === id)?.name[locale] ?? id;
  const groupNames = (ids: readonly string[]) =>
    ids.map((id) => catalog?.optionGroups.find((g) => g.id === id)?.name[locale] ?? id).join(' · ');

  return (
    <div className="manager-screen" data-testid="catalog-screen">
      <h1>{text.title}</h1>
      <TrainingManagerNotice />
      <FormError error={edits.error ?? loadError} testId="catalog-error" withDetail />
      {catalog !== null && (
        <>
          <section className="panel" aria-labelledby="products-title">
            <h2 id="products-title">{text.products}</h2>
            <div className="form-actions">
              <button
                type="button"
                className="button button-primary"
                data-testid="catalog-add-product"
                onClick={() => setEditing('new')}
              >
                {text.addProduct}
              </button>
            </div>
            <div className="catalog-search">
              <input
                type="search"
                className="search-input"
                aria-label={text.searchLabel}
                placeholder={text.searchPlaceholder}
                value={query}
                onChange={(event) => setQuery(event.target.value)}
                data-testid="catalog-search"
              />
              <p className="field-hint">{text.orderHint}</p>
            </div>
            {shown.length === 0 && (
              <p className="field-hint" role="status" data-testid="catalog-no-matches">
                {text.noMatches}
              </p>
            )}
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{text.orderColumn}</th>
                  <th scope="col">{text.nameColumn}</th>
                  <th scope="col">{text.category}</th>
                  <th scope="col" className="num">
                    {text.priceColumn}
                  </th>
                  <th scope="col">{text.barcodeColumn}</th>
                  <th scope="col">{text.status}</th>
                  <th scope="col">{text.actions}</th>
                </tr>
              </thead>
              <tbody ref={body}>
                {rows.before > 0 && <tr aria-hidden="true" style={{ height: rows.before }} />}
                {rows.indexes.map((index) => {
                  const product = shown[index] as Product;
                  // Its place among all products, whatever the search shows.
                  const position = positions.get(product.id) ?? 0;
                  const name = product.name[locale];
                  return (
                    <tr
                      key={product.id}
                      ref={rows.measure}
                      data-index={index}
                      data-testid={`catalog-row-${product.id}`}
                      onKeyDown={(event) => moveKey(event, product.id, position)}
                    >
                      <td className="tile-order">
                        <span data-testid={`catalog-position-${product.id}`}>{position}</span>
                        <button
                          type="button"
                          className="button button-plain button-small"
                          aria-label={text.moveUp(name)}
                          title={text.moveUp(name)}
                          data-testid={`catalog-up-${product.id}`}
                          disabled={position === 1}
                          onClick={() => edits.moveProduct(product.id, position - 1)}
                        >
                          ↑
                        </button>
                        <button
                          type="button"
                          className="button button-plain button-small"
                          aria-label={text.moveDown(name)}
                          title={text.moveDown(name)}
                          data-testid={`catalog-down-${product.id}`}
                          disabled={position === catalog.products.length}
                          onClick={() => edits.moveProduct(product.id, position + 1)}
                        >
                          ↓
                        </button>
                      </td>
                      <td>
                        {name}
                        {product.priceHistory.length > 0 && (
                          <span className="field-hint">
                            {' '}
                            · {text.lastPrice(product.priceHistory[product.priceHistory.length - 1]?.by ?? '')}
                          </span>
                        )}
                        {product.optionGroupIds.length > 0 && (
                          <span className="field-hint product-groups-hint" data-testid={`catalog-groups-${product.id}`}>
                            {text.productOptions(groupNames(product.optionGroupIds))}
                          </span>
                        )}
                      </td>
                      <td>{categoryName(product.categoryId)}</td>
                      <td className="num" data-testid={`catalog-price-${product.id}`}>
                        {formatWon(product.price, locale)}
                        {product.taxFree && (
                          <span className="tag" data-testid={`catalog-tax-free-${product.id}`}>
                            {' '}
                            {text.taxFreeTag}
                          </span>
                        )}
                        {product.stockLeft !== undefined && (
                          <span className="tag" data-testid={`catalog-stock-${product.id}`}>
                            {' '}
                            {text.stockLeft(Math.max(0, product.stockLeft))}
                          </span>
                        )}
                      </td>
                      <td>{product.barcode ?? '—'}</td>
                      <td>
                        {product.retired ? (
                          <span className="tag">{text.retired}</span>
                        ) : product.soldOut ? (
                          <span className="tag tag-danger">{text.soldOut}</span>
                        ) : (
                          <span className="tag">{text.onSale}</span>
                        )}
                      </td>
                      <td className="row-actions">
                        <button
                          type="button"
                          className="button button-plain button-small"
                          data-testid={`catalog-edit-${product.id}`}
                          onClick={() => setEditing(product)}
                        >
                          {text.edit}
                        </button>
                        <button
                          type="button"
                          className="button button-plain button-small"
                          data-testid={`catalog-sold-out-${product.id}`}
                          onClick={() => edits.setSoldOut(product.id, !product.soldOut)}
                        >
                          {product.soldOut ? text.markOnSale : text.markSoldOut}
                        </button>
                        <button
                          type="button"
                          className="button button-plain button-small"
                          data-testid={`catalog-retire-${product.id}`}
                          onClick={() => edits.retireProduct(product.id, !product.retired)}
                        >
                          {product.retired ? text.restore : text.retire}
                        </button>
                      </td>
                    </tr>
                  );
                })}
                {rows.after > 0 && <tr aria-hidden="true" style={{ height: rows.after }} />}
              </tbody>
            </table>
          </section>

          <OptionGroupsPanel
            groups={catalog.optionGroups}
            onAdd={() => setEditingGroup('new')}
            onEdit={setEditingGroup}
            onRetireGroup={edits.retireOptionGroup}
            onSoldOut={edits.setOptionSoldOut}
            onRetireOption={edits.retireOption}
          />

          <section className="panel" aria-labelledby="categories-title">
            <h2 id="categories-title">{text.categories}</h2>
            <ul className="category-list">
              {catalog.categories.map((category) => (
                <li key={category.id} className="category-item">
                  <span>
                    {category.name[locale]} {category.retired && <span className="tag">{text.retired}</span>}
                  </span>
                  <button
                    type="button"
                    className="button button-plain button-small"
                    data-testid={`category-retire-${category.id}`}
                    onClick={() => edits.retireCategory(category.id, !category.retired)}
                  >
                    {category.retired ? text.restore : text.retire}
                  </button>
                </li>
              ))}
            </ul>
            <form className="form-grid" onSubmit={addCategory} aria-label={text.addCategory}>
              <TextField
                label={text.nameKo}
                value={categoryKo}
                onChange={setCategoryKo}
                maxLength={100}
                data-testid="category-name-ko"
              />
              <TextField
                label={text.nameEn}
                value={categoryEn}
                onChange={setCategoryEn}
                maxLength={100}
                data-testid="category-name-en"
              />
              <div className="form-actions">
                <button type="submit" className="button button-secondary" data-testid="category-add">
                  {text.addCategory}
                </button>
              </div>
            </form>
          </section>
        </>
      )}
      {editing !== null && catalog !== null && (
        <ProductDialog
          product={editing === 'new' ? null : editing}
          categories={catalog.categories}
          optionGroups={catalog.optionGroups}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
      {editingGroup !== null && (
        <OptionGroupDialog
          group={editingGroup === 'new' ? null : editingGroup}
          onCancel={() => setEditingGroup(null)}
          onSaved={() => {
            setEditingGroup(null);
            reload();
          }}
        />
      )}
    </div>
  );
}
