import { useState, type KeyboardEvent } from 'react';
import type { OptionGroup, Product } from '../../../../shared/domain/catalog';
import type { OptionPick } from '../../../../shared/domain/cart-line';
import { formatWon } from '../../../../shared/domain/money';
import { optionsText } from '../../../../shared/domain/option-text';
import { useLocale, useStrings } from '../../i18n/use-strings';
import { Dialog } from '../../ui/Dialog';
import {
  openPicker,
  pick,
  pickedOptions,
  pickerOptions,
  picksOf,
  pressKey,
  shortGroup,
  unitPriceOf,
  unpick,
} from './option-picker';
import { useOptionStrings } from './option-strings';
import './option-picker.css';

interface OptionPickerProps {
  product: Product;
  groups: ReadonlyMap<string, OptionGroup>;
  onAdd: (picks: OptionPick[]) => void;
  onCancel: () => void;
}

/** The number a key event names, from the key's place (so Shift+1 is still 1, whatever the layout prints). */
function digitOf(event: KeyboardEvent): string | null {
  return /^(?:Digit|Numpad)([0-9])$/.exec(event.code)?.[1] ?? null;
}

/**
 * What a product is rung up with: its option groups in order, the defaults preselected, so Enter
 * alone adds the usual. Number keys pick options numbered across the picker (Shift takes one
 * away), a tap picks one; Enter adds, refused while a group is below its minimum; Esc cancels.
 */
export function OptionPicker({ product, groups, onAdd, onCancel }: OptionPickerProps) {
  const text = useOptionStrings();
  const common = useStrings();
  const locale = useLocale();
  const [state, setState] = useState(() => openPicker(product, groups));
  const [refused, setRefused] = useState<OptionGroup | null>(null);
  const keyed = new Map(pickerOptions(state).map((entry) => [entry.option.id, entry.key]));
  const won = (amount: number) => formatWon(amount, locale);
  const picked = pickedOptions(state);

  function change(next: typeof state): void {
    setState(next);
    setRefused(null);
  }

  function add(): void {
    const short = shortGroup(state);
    if (short !== null) return setRefused(short);
    onAdd(picksOf(state));
  }

  function onKeyDown(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey || event.nativeEvent.isComposing) return;
    const digit = digitOf(event);
    if (event.key === 'Enter') {
      // Enter adds, wherever focus is in the picker (not "press the focused option").
      event.preventDefault();
      add();
    } else if (digit !== null) {
      event.preventDefault();
      change(pressKey(state, digit, event.shiftKey));
    }
  }

  return (
    <Dialog title={product.name[locale]} onCancel={onCancel} testId="option-picker">
      <div className="picker" onKeyDown={onKeyDown}>
        {state.groups.map((group) => (
          <fieldset
            key={group.id}
            className={refused?.id === group.id ? 'picker-group is-short' : 'picker-group'}
            data-testid={`picker-group-${group.id}`}
          >
            <legend>
              {group.name[locale]}
              <span className="picker-bounds">
                {group.min > 0 ? text.required : text.optional} · {text.bounds(group.min, group.max)}
              </span>
            </legend>
            <div className="picker-options">
              {group.options.map((option) => {
                const count = state.counts[option.id] ?? 0;
                const key = keyed.get(option.id) ?? null;
                const name = option.name[locale];
                return (
                  <span key={option.id} className="picker-option-box">
                    <button
                      type="button"
                      className={count > 0 ? 'picker-option is-picked' : 'picker-option'}
                      aria-pressed={count > 0}
                      aria-keyshortcuts={key ?? undefined}
                      disabled={option.soldOut}
                      onClick={() => change(pick(state, option.id))}
                      data-testid={`pick-${option.id}`}
                    >
                      {key !== null && <kbd className="picker-key">{key}</kbd>}
                      <span className="picker-option-name">{name}</span>
                      <span className="picker-option-price">
                        {option.soldOut ? common.soldOut : option.price > 0 ? text.optionPrice(won(option.price)) : ''}
                      </span>
                      {group.max > 1 && count > 0 && (
                        <span className="picker-count" data-testid={`pick-count-${option.id}`}>
                          ×{count}
                        </span>
                      )}
                    </button>
                    {group.max > 1 && (
                      <button
                        type="button"
                        className="picker-less"
                        aria-label={text.takeOne(name)}
                        title={text.takeOne(name)}
                        disabled={count === 0}
                        onClick={() => change(unpick(state, option.id))}
                        data-testid={`unpick-${option.id}`}
                      >
                        −
                      </button>
                    )}
                  </span>
                );
              })}
            </div>
          </fieldset>
        ))}
        {refused !== null && (
          <p className="field-error" role="alert" data-testid="picker-short">
            {text.pickShort(refused.name[locale], refused.min)}
          </p>
        )}
        <div className="picker-summary">
          <span className="picker-picked" data-testid="picker-picked">
            {picked.length === 0
              ? text.noOptions
              : optionsText(picked.map(({ option, count }) => ({ name: option.name[locale], count })))}
          </span>
          <strong className="picker-price" data-testid="picker-price">
            {won(unitPriceOf(state))}
          </strong>
        </div>
        <p className="field-hint picker-keys">{text.pickerKeys}</p>
        <div className="dialog-actions">
          <button type="button" className="button button-plain" onClick={onCancel} data-testid="picker-cancel">
            {text.cancel}
          </button>
          <button type="button" className="button button-primary" onClick={add} data-testid="picker-add">
            {text.addLine}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
