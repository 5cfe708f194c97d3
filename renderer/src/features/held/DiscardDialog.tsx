import { useEffect, useRef } from 'react';
import type { HeldSummary } from '../../../../shared/domain/held';
import { useAction } from '../../lib/use-action';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { discardCart } from './held-store';
import { useHeldTexts } from './held-strings';

/** Asks before a held cart is thrown away: Enter discards, Esc keeps it. */
export function DiscardDialog({ cart, name, onClose }: { cart: HeldSummary; name: string; onClose: () => void }) {
  const text = useHeldTexts();
  const { busy, error, run } = useAction();
  const confirm = useRef<HTMLButtonElement>(null);

  // Enter discards: the confirming button takes the focus the dialog gave its first button.
  useEffect(() => confirm.current?.focus(), []);

  return (
    <Dialog title={text.discardTitle} onCancel={onClose} testId="held-discard-dialog">
      <p>{text.discardBody(name)}</p>
      <FormError error={error} testId="held-discard-error" />
      <div className="dialog-actions">
        <button type="button" className="button button-plain" onClick={onClose}>
          {text.cancel}
        </button>
        <button
          ref={confirm}
          type="button"
          className="button button-danger"
          data-testid="held-discard-confirm"
          disabled={busy}
          onClick={() => run(() => discardCart(cart.id), onClose)}
        >
          {text.discardConfirm}
        </button>
      </div>
    </Dialog>
  );
}
