/**
 * A barcode scanner that acts as a keyboard (a "wedge") types the code a few milliseconds a key
 * and ends it with Enter; people type far slower, and seldom eight keys in a row under 0.1 s
 * each. Keys closer together than `maxGapMs`, at least `minLength` of them (EAN-8 is the
 * shortest common code), then Enter: that is a scan.
 */
export class BarcodeWedge {
  private buffer = '';
  private last = -Infinity;

  constructor(
    private readonly maxGapMs = 100,
    private readonly minLength = 8,
  ) {}

  /** Feeds one key; answers the scanned code when this key (Enter) completes a scan. */
  key(key: string, at: number): string | null {
    // Scanners press Shift for capitals: it belongs to the next character, not between them.
    if (key === 'Shift') return null;
    const gap = at - this.last;
    this.last = at;
    if (key === 'Enter') {
      const code = gap <= this.maxGapMs && this.buffer.length >= this.minLength ? this.buffer : null;
      this.buffer = '';
      return code;
    }
    if (key.length !== 1) {
      this.buffer = '';
      return null;
    }
    this.buffer = gap <= this.maxGapMs ? this.buffer + key : key;
    return null;
  }

  /** Keys that went elsewhere (a dialog's field) break the run: they never end up in a code. */
  forget(): void {
    this.buffer = '';
    this.last = -Infinity;
  }
}

/**
 * Where a key was typed, as the reader sees it: on the screen itself (no field focused), in a
 * field that takes scans (the search box, the coupon field), in any other field, or in a dialog.
 */
export type KeyPlace = 'screen' | 'scan-field' | 'other-field' | 'dialog';

/**
 * A scan is read only where one is expected. Keys meant for a dialog (a 현금영수증 number typed
 * fast, a PIN) or for another field are never taken, however fast they come: they stay where
 * they were typed, Enter included.
 */
export function readsScansAt(place: KeyPlace): boolean {
  return place === 'screen' || place === 'scan-field';
}
