import { useRef, type CompositionEvent, type KeyboardEvent, type Ref } from 'react';
import { useStrings } from '../../i18n/use-strings';

interface SearchBoxProps {
  ref: Ref<HTMLInputElement>;
  value: string;
  onChange: (value: string) => void;
  /** Enter with text in the box: add the highlighted match for this text. */
  onSubmit: (text: string) => void;
  /** The id of the result Enter will add, for screen readers (aria-activedescendant). */
  activeResultId: string | null;
}

export function SearchBox({ ref, value, onChange, onSubmit, activeResultId }: SearchBoxProps) {
  const text = useStrings();
  // Enter pressed while the input method still composes the last syllable (한글): the syllable
  // is committed first, then that same Enter adds — one Enter, in Korean as in English.
  const submitAfterComposing = useRef(false);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key !== 'Enter' || event.altKey || event.ctrlKey || event.metaKey) return;
    const native = event.nativeEvent;
    if (native.isComposing || native.keyCode === 229) {
      submitAfterComposing.current = true;
      return;
    }
    // An empty box leaves Enter to the register (a typed quantity); it never adds anything itself.
    if (event.currentTarget.value.trim() === '') return;
    event.preventDefault();
    onSubmit(event.currentTarget.value);
  }

  function onCompositionEnd(event: CompositionEvent<HTMLInputElement>): void {
    if (!submitAfterComposing.current) return;
    submitAfterComposing.current = false;
    const committed = event.currentTarget.value;
    if (committed.trim() !== '') onSubmit(committed);
  }

  return (
    <div className="search">
      <span className="search-icon" aria-hidden="true" />
      <input
        ref={ref}
        type="search"
        className="search-input"
        data-testid="search"
        data-register-search=""
        data-scan-field=""
        aria-label={text.searchLabel}
        aria-controls="product-results"
        aria-activedescendant={activeResultId ?? undefined}
        placeholder={text.searchPlaceholder}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        onCompositionEnd={onCompositionEnd}
        autoComplete="off"
        spellCheck={false}
        autoFocus
      />
    </div>
  );
}
