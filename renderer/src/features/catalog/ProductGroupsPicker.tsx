import { useId, useState } from 'react';
import type { OptionGroup } from '../../../../shared/domain/catalog';
import { useLocale } from '../../i18n/use-strings';
import { useCatalogStrings } from './catalog-strings';
import './catalog.css';

interface ProductGroupsPickerProps {
  groups: readonly OptionGroup[];
  /** The groups the product asks for, in the order the register asks. */
  value: readonly string[];
  onChange: (groupIds: string[]) => void;
}

/** Which option groups a product asks for, in order: add from a list, move up or down, take out. */
export function ProductGroupsPicker({ groups, value, onChange }: ProductGroupsPickerProps) {
  const text = useCatalogStrings();
  const locale = useLocale();
  const titleId = useId();
  const selectId = useId();
  const named = (id: string) => groups.find((g) => g.id === id);
  const addable = groups.filter((g) => !g.retired && !value.includes(g.id));
  const [adding, setAdding] = useState('');
  const chosen = addable.some((g) => g.id === adding) ? adding : (addable[0]?.id ?? '');

  // The buttons at the ends stay enabled (a disabled one would drop the keyboard's focus): they do nothing.
  const move = (from: number, to: number) => {
    if (to < 0 || to >= value.length) return;
    const next = [...value];
    const [moved] = next.splice(from, 1);
    if (moved === undefined) return;
    next.splice(to, 0, moved);
    onChange(next);
  };

  return (
    <div className="field" role="group" aria-labelledby={titleId}>
      <span id={titleId} className="group-order-title">
        {text.productGroups}
      </span>
      {value.length === 0 ? (
        <p className="field-hint">{text.productGroupsNone}</p>
      ) : (
        <ol className="group-order" data-testid="product-groups">
          {value.map((id, index) => {
            const group = named(id);
            const name = group?.name[locale] ?? id;
            return (
              <li key={id} className="group-order-item" data-testid={`product-group-${id}`}>
                <span>
                  {index + 1}. {name} {group?.retired && <span className="tag">{text.retired}</span>}
                  {group && <span className="field-hint"> · {text.bounds(group.min, group.max)}</span>}
                </span>
                <button
                  type="button"
                  className="button button-plain button-small"
                  aria-label={text.moveUp(name)}
                  onClick={() => move(index, index - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button button-plain button-small"
                  aria-label={text.moveDown(name)}
                  onClick={() => move(index, index + 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button button-plain button-small"
                  aria-label={text.removeGroup(name)}
                  data-testid={`product-group-remove-${id}`}
                  onClick={() => onChange(value.filter((other) => other !== id))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {addable.length > 0 && (
        <div className="group-order-add">
          <div className="field">
            <label htmlFor={selectId}>{text.addGroupTo}</label>
            <select
              id={selectId}
              value={chosen}
              onChange={(event) => setAdding(event.target.value)}
              data-testid="product-group-choice"
            >
              {addable.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name[locale]} ({text.bounds(group.min, group.max)})
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="button button-secondary"
            data-testid="product-group-add"
            onClick={() => chosen !== '' && onChange([...value, chosen])}
          >
            {text.addGroup}
          </button>
        </div>
      )}
    </div>
  );
}
