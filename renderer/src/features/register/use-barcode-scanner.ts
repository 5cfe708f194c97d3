import { useEffect, useEffectEvent } from 'react';
import { isPlainKey } from '../../lib/keyboard';
import { BarcodeWedge } from './barcode-wedge';

/**
 * A scan as the register gets it: the code, and whether it came alone. A scan into an empty
 * field, or with no field focused, is alone; fast keys that end text already in the field
 * (a quick typist after a pause, or a busy machine bunching keys) may be typing.
 */
export interface Scan {
  code: string;
  alone: boolean;
}

/** What the focused field holds, or null when the keys are not going into a text field. */
function fieldText(target: EventTarget | null): string | null {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ? target.value : null;
}

/**
 * Scans anywhere on the register: the Enter that ends a scan is taken here, before the search
 * box or a shortcut sees it. `onScan` answers whether it took the scan; one it leaves goes on
 * to the focused field as the Enter it was typed as.
 */
export function useBarcodeScanner(onScan: (scan: Scan) => boolean): void {
  const scanned = useEffectEvent(onScan);
  useEffect(() => {
    const wedge = new BarcodeWedge();
    function onKeyDown(event: KeyboardEvent): void {
      if (!isPlainKey(event)) return;
      const code = wedge.key(event.key, event.timeStamp);
      if (code === null) return;
      const text = fieldText(event.target);
      // A shortcut may have taken the keys (digits set a quantity), leaving the field empty: still alone.
      if (!scanned({ code, alone: text === null || text === '' || text === code })) return;
      event.preventDefault();
      event.stopPropagation();
    }
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
