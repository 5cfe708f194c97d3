import { useEffect, useEffectEvent } from 'react';

/** Ctrl+P (⌘P) prints and Ctrl+S (⌘S) saves a PDF, in place of the browser's own print or save of the whole page. */
export function usePrintKeys(actions: { print: () => void; savePdf: () => void }): void {
  const print = useEffectEvent(actions.print);
  const savePdf = useEffectEvent(actions.savePdf);
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      // The physical key: with the Korean IME on, `key` may be ㅔ or ㄴ.
      const key =
        event.code === 'KeyP' || event.key === 'p'
          ? 'print'
          : event.code === 'KeyS' || event.key === 's'
            ? 'pdf'
            : null;
      if (key === null) return;
      event.preventDefault();
      if (event.repeat) return;
      if (key === 'print') print();
      else savePdf();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
