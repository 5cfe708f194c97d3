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
}
