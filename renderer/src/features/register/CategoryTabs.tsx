import type { Category } from '../../../../shared/domain/catalog';
import { useLocale, useStrings } from '../../i18n/use-strings';
import { ALL_CATEGORIES } from './product-filter';

interface CategoryTabsProps {
  categories: readonly Category[];
  /** null while a search looks in every category. */
  selectedId: string | null;
  onSelect: (categoryId: string) => void;
}

export function CategoryTabs({ categories, selectedId, onSelect }: CategoryTabsProps) {
  const text = useStrings();
  const locale = useLocale();
  const tabs = [
    { id: ALL_CATEGORIES, label: text.allCategories },
    ...categories.map((c) => ({ id: c.id, label: c.name[locale] })),
  ];

  return (
    <div className="category-tabs" role="tablist" aria-label={text.categoriesLabel}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          aria-selected={tab.id === selectedId}
          className="category-tab"
          data-testid={`category-${tab.id}`}
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
