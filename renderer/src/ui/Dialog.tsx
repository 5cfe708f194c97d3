import { useEffect, useEffectEvent, useRef, useState, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  /** Esc, or the Cancel the dialog offers. */
  onCancel: () => void;
  children: ReactNode;
  testId?: string;
}

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog: focus moves into it when it opens, stays inside while it is open (Tab wraps),
 * and goes back to what had it before when it closes. Esc cancels.
 */
export function Dialog({ title, onCancel, children, testId }: DialogProps) {
  const box = useRef<HTMLDivElement>(null);
  const cancel = useEffectEvent(onCancel);
  // Taken while rendering, before a field inside grabs focus: this is where focus goes back to.
  const [before] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));

  useEffect(() => {
    const first = box.current?.querySelector<HTMLElement>('[autofocus], input, ' + FOCUSABLE);
    first?.focus();
    function onKeyDown(event: KeyboardEvent): void {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        cancel();
        return;
      }
      if (event.key !== 'Tab' || box.current === null) return;
      const items = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
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
      window.removeEventListener('keydown', onKeyDown, true);
      before?.focus();
    };
    // Once per opening: focus moves in when the dialog mounts and back when it unmounts.
  }, [before]);

  return (
    <div className="dialog-backdrop">
      <div ref={box} className="dialog" role="dialog" aria-modal="true" aria-labelledby="dialog-title" data-testid={testId}>
        <h2 id="dialog-title" className="dialog-title">
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}
