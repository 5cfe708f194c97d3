import { useRef, useState, type CompositionEvent, type FormEvent, type KeyboardEvent } from 'react';
import { useAction } from '../../lib/use-action';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { holdCart } from './held-store';
import { useHeldTexts } from './held-strings';

/** Asks for an optional name or table number; Enter holds the cart. */
export function HoldDialog({ onClose }: { onClose: () => void }) {
  const text = useHeldTexts();
  const [label, setLabel] = useState('');
  const { busy, error, run } = useAction();
  // Enter while the input method still composes the last syllable (한글) holds once it is committed.
  const holdAfterComposing = useRef(false);

  function hold(typed: string): void {
    run(() => holdCart(typed), onClose);
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    hold(label);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    const native = event.nativeEvent;
    if (event.key === 'Enter' && (native.isComposing || native.keyCode === 229)) holdAfterComposing.current = true;
  }

  function onCompositionEnd(event: CompositionEvent<HTMLInputElement>): void {
    if (!holdAfterComposing.current) return;
    holdAfterComposing.current = false;
    hold(event.currentTarget.value);
  }

  return (
    <Dialog title={text.holdTitle} onCancel={onClose} testId="hold-dialog">
      <form className="dialog-form" onSubmit={submit}>
        <TextField
          label={text.labelField}
          value={label}
          onChange={setLabel}
          maxLength={20}
          hint={text.labelHint}
          data-testid="hold-label"
          onKeyDown={onKeyDown}
          onCompositionEnd={onCompositionEnd}
          autoFocus
        />
        <FormError error={error} testId="hold-error" />
        <div className="dialog-actions">
          <button type="button" className="button button-plain" onClick={onClose}>
            {text.cancel}
          </button>
          <button
            type="submit"
            className="button button-primary"
            data-testid="hold-confirm"
            disabled={busy}
            aria-busy={busy}
          >
            {busy ? text.holding : text.hold}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
