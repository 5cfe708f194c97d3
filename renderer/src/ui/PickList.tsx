import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

interface PickListProps<T> {
  items: readonly T[];
  /** The chosen item's place in `items`. */
  index: number;
  onIndex(index: number): void;
  /** Enter, or a double tap: what the list is for (resume, call ready, show the receipt). */
  onChoose(item: NoInfer<T>): void;
  /** A key beyond ↑ ↓ Enter (Delete …): answers whether the list took it. */
  onKey?(key: string, item: NoInfer<T>): boolean;
  /** The item's element id (for `aria-activedescendant`). */
  idOf(item: T): string;
  label: string;
  /** Classes beside `pick-list` and `pick-item`, for a feature's own layout. */
  className?: string;
  itemClassName?: string;
  testId: string;
  itemTestId(item: T, index: number): string;
  children(item: T): ReactNode;
}

/**
 * A dialog's list to pick from by keyboard: ↑ ↓ move, Enter chooses; a tap moves, a double tap
 * chooses. It takes the keys as soon as it is shown (its items may arrive after the dialog opened).
 */
export function PickList<T>({
  items,
  index,
  onIndex,
  onChoose,
  onKey,
  idOf,
  label,
  className,
  itemClassName,
  testId,
  itemTestId,
  children,
}: PickListProps<T>) {
  const list = useRef<HTMLUListElement>(null);
  const selected = items[index];

  useEffect(() => {
    list.current?.focus();
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>): void {
    if (event.key === 'ArrowDown') onIndex(Math.min(items.length - 1, index + 1));
    else if (event.key === 'ArrowUp') onIndex(Math.max(0, index - 1));
    else if (selected === undefined) return;
    else if (event.key === 'Enter') onChoose(selected);
    else if (onKey?.(event.key, selected) !== true) return;
    event.preventDefault();
  }

  return (
    <ul
      ref={list}
      className={className === undefined ? 'pick-list' : `pick-list ${className}`}
      role="listbox"
      tabIndex={0}
      aria-label={label}
      aria-activedescendant={selected === undefined ? undefined : idOf(selected)}
      onKeyDown={onKeyDown}
      data-testid={testId}
    >
      {items.map((item, i) => (
        <li
          key={idOf(item)}
          id={idOf(item)}
          role="option"
          aria-selected={item === selected}
          className={['pick-item', itemClassName, item === selected ? 'is-selected' : undefined]
            .filter(Boolean)
            .join(' ')}
          onClick={() => onIndex(i)}
          onDoubleClick={() => onChoose(item)}
          data-testid={itemTestId(item, i)}
        >
          {children(item)}
        </li>
      ))}
    </ul>
  );
}
