import { useEffect, useState } from 'react';
import { formatWon } from '../../../../shared/domain/money';
import type { HeldSummary, ResumeChanges } from '../../../../shared/domain/held';
import { useLocale } from '../../i18n/use-strings';
import { useAction } from '../../lib/use-action';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { PickList } from '../../ui/PickList';
import { DiscardDialog } from './DiscardDialog';
import { refreshHeld, resumeCart, somethingChanged, useHeld } from './held-store';
import { ResumeNotice } from './ResumeNotice';
import { useHeldTexts } from './held-strings';
import { heldTime } from './held-time';

/**
 * The carts on hold, newest first: ↑ ↓ choose one, Enter resumes it, Delete asks before
 * discarding it. A tap chooses, a double tap resumes.
 */
export function HeldListDialog({ onClose }: { onClose: () => void }) {
  const text = useHeldTexts();
  const locale = useLocale();
  const { carts, loaded, problem } = useHeld();
  const [index, setIndex] = useState(0);
  const [discarding, setDiscarding] = useState<HeldSummary | null>(null);
  // What changed in the cart just resumed: shown here, so closing gives the focus back where it was.
  const [changes, setChanges] = useState<ResumeChanges | null>(null);
  const { busy, error, run } = useAction();
  const at = Math.min(index, carts.length - 1);
  const selected = carts[at];
  const hasCarts = carts.length > 0;

  useEffect(() => {
    void refreshHeld();
  }, []);

  const nameOf = (cart: HeldSummary) =>
    cart.label ??
    (cart.firstName === null ? text.noLabel : text.firstAndMore(cart.firstName[locale], cart.lineCount - 1));

  function resume(cart: HeldSummary | undefined): void {
    if (cart !== undefined)
      run(
        () => resumeCart(cart.id),
        (resumed) => (somethingChanged(resumed) ? setChanges(resumed) : onClose()),
      );
  }

  // Delete asks before the chosen cart is discarded.
  function askToDiscard(key: string, cart: HeldSummary): boolean {
    if (key !== 'Delete') return false;
    setDiscarding(cart);
    return true;
  }

  if (changes !== null)
    return (
      <Dialog title={text.changesTitle} onCancel={onClose} testId="resume-notice">
        <ResumeNotice changes={changes} onClose={onClose} />
      </Dialog>
    );

  return (
    <Dialog title={text.listTitle} onCancel={onClose} testId="held-list">
      {!loaded ? (
        <p className="held-empty" role="status">
          {text.loading}
        </p>
      ) : !hasCarts ? (
        <p className="held-empty" data-testid="held-empty">
          {text.empty}
        </p>
      ) : (
        <PickList
          items={carts}
          index={at}
          onIndex={setIndex}
          onChoose={resume}
          onKey={askToDiscard}
          idOf={(cart) => `held-${cart.id}`}
          label={text.listTitle}
          testId="held-carts"
          itemTestId={(_cart, i) => `held-cart-${i}`}
        >
          {(cart) => (
            <>
              <span className="pick-item-name">{nameOf(cart)}</span>
              <span className="pick-item-total">{formatWon(cart.total, locale)}</span>
              <span className="pick-item-detail">
                {cart.label !== null && cart.firstName !== null
                  ? `${text.firstAndMore(cart.firstName[locale], cart.lineCount - 1)} · `
                  : ''}
                {text.items(cart.itemCount)} · {text.heldAt(heldTime(cart.heldAt, locale, new Date()))}
              </span>
            </>
          )}
        </PickList>
      )}
      <FormError error={error ?? problem} testId="held-error" />
      {hasCarts && <p className="field-hint">{text.listKeys}</p>}
      <div className="dialog-actions">
        <button type="button" className="button button-plain" onClick={onClose}>
          {text.close}
        </button>
        <button
          type="button"
          className="button button-plain"
          data-testid="held-discard"
          disabled={selected === undefined || busy}
          onClick={() => setDiscarding(selected ?? null)}
        >
          {text.discard}
        </button>
        <button
          type="button"
          className="button button-primary"
          data-testid="held-resume"
          disabled={selected === undefined || busy}
          aria-busy={busy}
          onClick={() => resume(selected)}
        >
          {busy ? text.resuming : text.resume}
        </button>
      </div>
      {discarding !== null && (
        <DiscardDialog cart={discarding} name={nameOf(discarding)} onClose={() => setDiscarding(null)} />
      )}
    </Dialog>
  );
}
