import { describe, expect, it } from 'vitest';
import { BarcodeWedge, readsScansAt } from '../../../renderer/src/features/register/barcode-wedge';

/** Feeds keys `gapMs` apart; returns what the final Enter made of them. */
function feed(keys: string, gapMs: number, wedge = new BarcodeWedge()): string | null {
  let at = 1_000;
  for (const key of keys) {
    wedge.key(key, at);
    at += gapMs;
  }
  return wedge.key('Enter', at);
}

describe('telling a scanner from a person', () => {
  it('reads a code typed a few milliseconds a key and ended with Enter', () => {
    expect(feed('8801234000017', 5)).toBe('8801234000017');
    expect(feed('ABC-12345', 8)).toBe('ABC-12345');
  });

  it('leaves a person typing alone: too slow, or too short', () => {
    expect(feed('8801234000017', 150)).toBeNull();
    expect(feed('1234567', 5)).toBeNull();
  });

  it('starts afresh after a pause: only the fast run before Enter is the code', () => {
    const wedge = new BarcodeWedge();
    feed('ame', 200, wedge);
    let at = 10_000;
    for (const key of '8801234000017') wedge.key(key, (at += 4));
    expect(wedge.key('Enter', at + 4)).toBe('8801234000017');
  });

  it('reads capitals typed with Shift, as scanners do', () => {
    const wedge = new BarcodeWedge();
    let at = 0;
    for (const key of 'POS-A1B2C3') {
      if (/[A-Z]/.test(key)) wedge.key('Shift', (at += 2));
      wedge.key(key, (at += 2));
    }
    expect(wedge.key('Enter', at + 2)).toBe('POS-A1B2C3');
  });

  it('forgets a run broken by a non-character key, and a slow Enter', () => {
    const wedge = new BarcodeWedge();
    let at = 0;
    for (const key of '88012340') wedge.key(key, (at += 4));
    wedge.key('ArrowDown', (at += 4));
    expect(wedge.key('Enter', (at += 4))).toBeNull();
    for (const key of '8801234000017') wedge.key(key, (at += 4));
    expect(wedge.key('Enter', at + 500)).toBeNull();
  });
});

describe('where a scan is read', () => {
  it('on the register itself, in the search box and in the coupon field; never in a dialog or another field', () => {
    expect(readsScansAt('screen')).toBe(true);
    expect(readsScansAt('scan-field')).toBe(true);
    expect(readsScansAt('dialog')).toBe(false);
    expect(readsScansAt('other-field')).toBe(false);
  });

  it('keys that went to a dialog never end up in a code, even when a scan follows at once', () => {
    const wedge = new BarcodeWedge();
    let at = 0;
    // A 현금영수증 number typed fast in the cash dialog: the reader forgets each key as it goes by.
    for (const key of '0102345') {
      wedge.key(key, (at += 3));
      wedge.forget();
    }
    expect(wedge.key('Enter', (at += 3))).toBeNull();
    for (const key of '8801234000123') wedge.key(key, (at += 3));
    expect(wedge.key('Enter', at + 3)).toBe('8801234000123');
  });

  it('a forgotten run does not join the keys after it into one code', () => {
    const wedge = new BarcodeWedge();
    let at = 0;
    for (const key of '01023456') wedge.key(key, (at += 3));
    wedge.forget();
    for (const key of '789') wedge.key(key, (at += 3));
    expect(wedge.key('Enter', at + 3)).toBeNull();
  });
});
