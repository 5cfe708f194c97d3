import { useEffect, useEffectEvent, useId, useRef, useState, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  /** Esc, or the Cancel the dialog offers. */
  onCancel: () => void;
  children: ReactNode;
  testId?: string;
  /** For a dialog that shows a table or a receipt rather than a short form. */
  wide?: boolean;
}

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/** The open dialogs, innermost last: a dialog opened from another (a refund over an order's detail) takes the keys alone. */
const openDialogs: HTMLElement[] = [];

/**
 * A modal dialog: focus moves into it when it opens, stays inside while it is open (Tab wraps),
 * and goes back to what had it before when it closes. Esc cancels the innermost one only.
 */
export function Dialog({ title, onCancel, children, testId, wide = false }: DialogProps) {
  const box = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const cancel = useEffectEvent(onCancel);
  // Taken while rendering, before a field inside grabs focus: this is where focus goes back to.
  const [before] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));

  useEffect(() => {
    const self = box.current;
    if (self === null) return;
    openDialogs.push(self);
    self.querySelector<HTMLElement>('[autofocus], input, ' + FOCUSABLE)?.focus();
    function onKeyDown(event: KeyboardEvent): void {
      if (openDialogs[openDialogs.length - 1] !== self) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        cancel();
        return;
      }
      if (event.key !== 'Tab') return;
      const items = [...self.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const [head, tail] = [items[0], items[items.length - 1]];
      if (head === undefined || tail === undefined) return;
      if (event.shiftKey && document.activeElement === head) {
        event.preventDefault();
        tail.focus();
      } else if (!event.shiftKey && document.activeElement === tail) {
        event.preventDefault();
        head.focus();
      }
    }
    // Capture: the screen behind keeps its shortcuts to itself while the dialog is open.
    window.addEventListener('keydown', onKeyDown, true);
    return () => {
      openDialogs.splice(openDialogs.indexOf(self), 1);
      window.removeEventListener('keydown', onKeyDown, true);
      before?.focus();
      // What had focus may be gone or disabled now (a refund button once nothing is left): the dialog beneath takes it.
      if (document.activeElement !== before)
        openDialogs[openDialogs.length - 1]?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    };
    // Once per opening: focus moves in when the dialog mounts and back when it unmounts.
  }, [before]);

  return (
    <div className="dialog-backdrop">
      <div
        ref={box}
        className={wide ? 'dialog dialog-wide' : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}
