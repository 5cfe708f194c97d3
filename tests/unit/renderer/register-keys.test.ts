import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerKeyAction, type RegisterKeyAction } from '../../../renderer/src/features/register/register-keys';
import { isPlainKey, textFieldOf } from '../../../renderer/src/lib/keyboard';
import { strings } from '../../../renderer/src/i18n/strings';

describe('register key map', () => {
  it.each<[string, RegisterKeyAction]>([
    ['/', 'focus-search'],
    ['F2', 'focus-search'],
    ['Escape', 'clear-search'],
    ['ArrowUp', 'select-previous'],
    ['ArrowDown', 'select-next'],
    ['+', 'increase'],
    ['=', 'increase'], // the unshifted "+" key, so the cashier need not hold Shift
    ['-', 'decrease'],
    ['Delete', 'remove'],
    ['F9', 'pay'],
  ])('with the search box empty, %s → %s', (key, action) => {
    expect(registerKeyAction(key, false)).toBe(action);
  });

  it.each(['/', '+', '=', '-', 'Delete'])('while text is typed in the search box, %s is typing, not a cart command', (key) => {
    expect(registerKeyAction(key, true)).toBeNull();
  });

  it.each<[string, RegisterKeyAction]>([
    ['F2', 'focus-search'],
    ['Escape', 'clear-search'],
    ['ArrowUp', 'select-previous'],
    ['ArrowDown', 'select-next'],
    ['F9', 'pay'],
  ])('while text is typed in the search box, %s still works (%s)', (key, action) => {
    expect(registerKeyAction(key, true)).toBe(action);
  });

  it.each(['Enter', 'a', 'ㅁ', '아', ' ', 'Backspace', 'Tab', 'F1', 'F10', 'ArrowLeft', 'ArrowRight', '*', 'Process', ''])(
    '%j is no register shortcut (Enter is the search box’s own: add the first match)',
    (key) => {
      expect(registerKeyAction(key, false)).toBeNull();
      expect(registerKeyAction(key, true)).toBeNull();
    },
  );

  it('is case-sensitive about named keys: "delete" or "f9" typed as text do nothing', () => {
    expect(registerKeyAction('delete', false)).toBeNull();
    expect(registerKeyAction('f9', false)).toBeNull();
    expect(registerKeyAction('escape', false)).toBeNull();
  });
});

describe('the hint bar promises only keys the key map honours', () => {
  // Each hint's label names one or more keys (as printed on the keyboard): what they must do.
  const keysOfHint: Record<string, { keys: string[]; action: RegisterKeyAction | 'search-box-enter' }> = {
    '/ F2': { keys: ['/', 'F2'], action: 'focus-search' },
    Enter: { keys: ['Enter'], action: 'search-box-enter' },
    Esc: { keys: ['Escape'], action: 'clear-search' },
    '↑ ↓': { keys: ['ArrowUp', 'ArrowDown'], action: 'select-previous' },
    '+ −': { keys: ['+', '-'], action: 'increase' },
    Del: { keys: ['Delete'], action: 'remove' },
    F9: { keys: ['F9'], action: 'pay' },
  };

  it.each(['ko', 'en'] as const)('%s hints name exactly the shortcuts, each doing what it says', (locale) => {
    const labels = strings[locale].registerHints.map(([keys]) => keys);
    expect(labels.sort()).toEqual(Object.keys(keysOfHint).sort());
    for (const label of labels) {
      const hint = keysOfHint[label];
      if (hint === undefined) throw new Error(`unexpected hint ${label}`);
      const actions = hint.keys.map((key) => registerKeyAction(key, false));
      if (hint.action === 'search-box-enter') {
        // Enter belongs to the search box (add first match), never to the window-wide map.
        expect(actions).toEqual([null]);
      } else {
        expect(actions[0]).toBe(hint.action);
        expect(actions.every((action) => action !== null)).toBe(true);
      }
    }
  });

  it('the two keys of a paired hint do opposite things', () => {
    expect(registerKeyAction('ArrowUp', false)).toBe('select-previous');
    expect(registerKeyAction('ArrowDown', false)).toBe('select-next');
    expect(registerKeyAction('+', false)).toBe('increase');
    expect(registerKeyAction('-', false)).toBe('decrease');
  });
});

/** A KeyboardEvent as far as isPlainKey reads it. */
function keyEvent(init: Partial<Pick<KeyboardEvent, 'key' | 'isComposing' | 'keyCode' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>>): KeyboardEvent {
  const event = { key: 'F9', isComposing: false, keyCode: 0, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...init };
  return event as unknown as KeyboardEvent;
}

describe('keys that are never shortcuts', () => {
  it('a plain key (Shift allowed: "+" needs it on most layouts) is a shortcut', () => {
    expect(isPlainKey(keyEvent({ key: 'F9' }))).toBe(true);
    expect(isPlainKey(keyEvent({ key: '+', shiftKey: true }))).toBe(true);
  });

  it('ignores keys during Korean IME composition (the Enter that commits a syllable must not add a product)', () => {
    expect(isPlainKey(keyEvent({ key: 'Enter', isComposing: true, keyCode: 13 }))).toBe(false);
    expect(isPlainKey(keyEvent({ key: '-', isComposing: true }))).toBe(false);
  });

  it('ignores keys the IME swallowed (Chrome reports keyCode 229 without isComposing)', () => {
    expect(isPlainKey(keyEvent({ key: 'Process', keyCode: 229 }))).toBe(false);
    expect(isPlainKey(keyEvent({ key: 'Enter', keyCode: 229 }))).toBe(false);
  });

  it.each(['altKey', 'ctrlKey', 'metaKey'] as const)('ignores keys pressed with %s (Ctrl+- zooms, it must not drop a quantity)', (modifier) => {
    expect(isPlainKey(keyEvent({ key: '-', [modifier]: true }))).toBe(false);
  });
});

describe('which key events were typed into a text field', () => {
  // Node has no DOM: stand-ins for the two element classes, installed as the globals keyboard.ts reads.
  class FakeInput {
    value = '';
  }
  class FakeTextArea {
    value = '';
  }

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('a key in an input or textarea is typed text; anything else (body, button, nothing) is not', () => {
    vi.stubGlobal('HTMLInputElement', FakeInput);
    vi.stubGlobal('HTMLTextAreaElement', FakeTextArea);
    const input = new FakeInput();
    const area = new FakeTextArea();
    expect(textFieldOf(input as unknown as EventTarget)).toBe(input);
    expect(textFieldOf(area as unknown as EventTarget)).toBe(area);
    expect(textFieldOf({} as EventTarget)).toBeNull();
    expect(textFieldOf(null)).toBeNull();
  });
});
