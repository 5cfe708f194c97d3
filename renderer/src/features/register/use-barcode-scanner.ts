import { useEffect, useEffectEvent } from 'react';
import { isPlainKey } from '../../lib/keyboard';
import { BarcodeWedge } from './barcode-wedge';

/**
 * Scans anywhere on the register: the Enter that ends a scan is taken here, before the search
 * box or a shortcut sees it.
 */
export function useBarcodeScanner(onScan: (code: string) => void): void {
  const scanned = useEffectEvent(onScan);
  useEffect(() => {
    const wedge = new BarcodeWedge();
    function onKeyDown(event: KeyboardEvent): void {
      if (!isPlainKey(event)) return;
      const code = wedge.key(event.key, event.timeStamp);
      if (code === null) return;
      event.preventDefault();
      event.stopPropagation();
      scanned(code);
    }
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
