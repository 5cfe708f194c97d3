import { useEffect, useState } from 'react';
import { selectCartLocked, useCheckout } from '../checkout';
import { useCart } from '../register';
import { HeldListDialog } from './HeldListDialog';
import { HoldDialog } from './HoldDialog';
import { refreshHeld, useHeld } from './held-store';
import { useHeldTexts } from './held-strings';
import { useHeldKeys } from './use-held-keys';
import './held.css';

/** "보류" and "보류 목록 n" by the cart, with F10 and Shift+F10. */
export function HeldControls() {
  const text = useHeldTexts();
  const count = useHeld((state) => state.carts.length);
  const cartEmpty = useCart((state) => state.lines.length === 0);
  const locked = useCheckout(selectCartLocked);
  const [open, setOpen] = useState<'hold' | 'list' | null>(null);
  const canHold = !cartEmpty && !locked;

  useEffect(() => {
    void refreshHeld();
  }, []);

  useHeldKeys({
    hold: () => {
      if (canHold) setOpen('hold');
    },
    openList: () => setOpen('list'),
  });

  return (
    <div className="held-controls">
      <button
        type="button"
        className="button button-plain button-small"
        data-testid="hold-open"
        aria-keyshortcuts="F10"
        title="F10"
        disabled={!canHold}
        onClick={() => setOpen('hold')}
      >
        {text.holdButton}
      </button>
      <button
        type="button"
        className="button button-plain button-small"
        data-testid="held-open"
        aria-keyshortcuts="Shift+F10"
        title="Shift+F10"
        onClick={() => setOpen('list')}
      >
        {text.listButton(count)}
      </button>
      {open === 'hold' && <HoldDialog onClose={() => setOpen(null)} />}
      {open === 'list' && <HeldListDialog onClose={() => setOpen(null)} />}
    </div>
  );
}
