import { useEffect, useEffectEvent } from 'react';
import { latinFromHangulKeys } from '../../../../shared/domain/hangul-keys';
import { isPlainKey, textFieldOf } from '../../lib/keyboard';
import { BarcodeWedge, readsScansAt, type KeyPlace } from './barcode-wedge';

/**
 * A scan as the register gets it: the code, and whether it came alone. A scan into an empty
 * field, or with no field focused, is alone; fast keys that end text already in the field
 * (a quick typist after a pause, or a busy machine bunching keys) may be typing.
 */
export interface Scan {
  code: string;
  alone: boolean;
}

// One reader for the register and the receipt after it: a scan typed while one screen gives way
// to the other (at once after 다음 주문) keeps its first keys.
const wedge = new BarcodeWedge();

/** Where a key went; `data-scan-field` marks the fields a scan may be typed into (the search box, the coupon field). */
function placeOf(target: EventTarget | null): KeyPlace {
  const inDialog =
    (target instanceof Element && target.closest('[role="dialog"]') !== null) ||
    document.querySelector('[role="dialog"]') !== null;
  if (inDialog) return 'dialog';
  const field = textFieldOf(target);
  if (field === null) return 'screen';
  return field.hasAttribute('data-scan-field') ? 'scan-field' : 'other-field';
}

/**
 * Scans where the screen expects them: the Enter that ends a scan is taken here, before the
 * search box or a shortcut sees it. `onScan` answers whether it took the scan; one it leaves
 * goes on to the focused field as the Enter it was typed as.
 */
export function useBarcodeScanner(onScan: (scan: Scan) => boolean): void {
  const scanned = useEffectEvent(onScan);
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (!isPlainKey(event)) return;
      if (!readsScansAt(placeOf(event.target))) return wedge.forget();
      const typed = wedge.key(event.key, event.timeStamp);
      if (typed === null) return;
      const code = latinFromHangulKeys(typed);
      const text = textFieldOf(event.target)?.value ?? null;
      // A shortcut may have taken the keys (digits set a quantity), leaving the field empty: still alone.
      if (!scanned({ code, alone: text === null || text === '' || latinFromHangulKeys(text) === code })) return;
      event.preventDefault();
      event.stopPropagation();
    }
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
