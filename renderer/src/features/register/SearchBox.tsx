import type { KeyboardEvent, Ref } from 'react';
import { isPlainKey } from '../../lib/keyboard';
import { useStrings } from '../../i18n/use-strings';

interface SearchBoxProps {
  ref: Ref<HTMLInputElement>;
  value: string;
  onChange: (value: string) => void;
  /** Enter: add the first match. */
  onSubmit: () => void;
}

export function SearchBox({ ref, value, onChange, onSubmit }: SearchBoxProps) {
  const text = useStrings();

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    // Enter that ends a Korean IME composition only commits the syllable.
    if (event.key === 'Enter' && isPlainKey(event.nativeEvent)) {
      event.preventDefault();
      onSubmit();
    }
  }

  return (
    <div className="search">
      <span className="search-icon" aria-hidden="true" />
      <input
        ref={ref}
        type="search"
        className="search-input"
        data-testid="search"
        aria-label={text.searchLabel}
        placeholder={text.searchPlaceholder}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        autoComplete="off"
        spellCheck={false}
        autoFocus
      />
    </div>
  );
}
