import { memo, type KeyboardEvent } from 'react';
import type { Category } from '../../../../shared/domain/catalog';
import { useLocale, useStrings } from '../../i18n/use-strings';
import { ALL_CATEGORIES } from './product-filter';
import { tabStopsOf } from './tab-stops';

interface CategoryTabsProps {
  categories: readonly Category[];
  /** null while a search looks in every category. */
  selectedId: string | null;
  onSelect: (categoryId: string) => void;
}

const MOVES: Record<string, (at: number, last: number) => number> = {
  ArrowLeft: (at) => Math.max(0, at - 1),
  ArrowRight: (at, last) => Math.min(last, at + 1),
  Home: () => 0,
  End: (_, last) => last,
};

// Memoised: a keystroke in the search re-renders the register, and a mart has 200 tabs that did not change.
export const CategoryTabs = memo(function CategoryTabs({ categories, selectedId, onSelect }: CategoryTabsProps) {
  const text = useStrings();
  const locale = useLocale();
  const tabs = [
    { id: ALL_CATEGORIES, label: text.allCategories },
    ...categories.map((c) => ({ id: c.id, label: c.name[locale] })),
  ];
  const stops = tabStopsOf(
    tabs.length,
    tabs.findIndex((tab) => tab.id === selectedId),
  );

  // ← → Home End walk the tabs (the row scrolls to the focused one), so 200 aisles are not 200 Tab presses.
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const move = MOVES[event.key];
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    const at = buttons.indexOf(event.target as HTMLButtonElement);
    if (move === undefined || at < 0) return;
    event.preventDefault();
    buttons[move(at, buttons.length - 1)]?.focus();
  }

  return (
    <div className="category-tabs" role="tablist" aria-label={text.categoriesLabel} onKeyDown={onKeyDown}>
      {tabs.map((tab, index) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          aria-selected={tab.id === selectedId}
          className="category-tab"
          data-testid={`category-${tab.id}`}
          tabIndex={stops(index)}
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
});
