import { sellable, type Catalog } from '../../../../shared/domain/catalog';
import { useLocale } from '../../i18n/use-strings';
import { useCouponsStrings } from './coupons-strings';

interface ScopePickerProps {
  catalog: Catalog;
  categoryIds: readonly string[];
  productIds: readonly string[];
  onChange: (picked: { categoryIds: string[]; productIds: string[] }) => void;
}

function toggled(ids: readonly string[], id: string, on: boolean): string[] {
  return on ? [...ids, id] : ids.filter((other) => other !== id);
}

/** Checkboxes for the categories and products still on sale: the lines a coupon may come off. */
export function ScopePicker({ catalog, categoryIds, productIds, onChange }: ScopePickerProps) {
  const text = useCouponsStrings();
  const locale = useLocale();
  const onSale = sellable(catalog);
  const groups = [
    { kind: 'category', title: text.categories, items: onSale.categories, picked: categoryIds },
    { kind: 'product', title: text.products, items: onSale.products, picked: productIds },
  ] as const;

  function pick(kind: 'category' | 'product', id: string, on: boolean): void {
    onChange({
      categoryIds: kind === 'category' ? toggled(categoryIds, id, on) : [...categoryIds],
      productIds: kind === 'product' ? toggled(productIds, id, on) : [...productIds],
    });
  }

  return (
    <div className="scope-picker">
      {groups.map((group) => (
        <fieldset key={group.kind} className="scope-group">
          <legend>{group.title}</legend>
          <div className="scope-options">
            {group.items.map((item) => (
              <label key={item.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={group.picked.includes(item.id)}
                  onChange={(event) => pick(group.kind, item.id, event.target.checked)}
                  data-testid={`coupon-scope-${group.kind}-${item.id}`}
                />
                <span>{item.name[locale]}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
