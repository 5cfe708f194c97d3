import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  keyName,
  registerKeyAction,
  typedQuantity,
  type RegisterKeyAction,
  type RegisterKeyContext,
} from '../../../renderer/src/features/register/register-keys';
import { CALL_LIST_KEY } from '../../../renderer/src/features/calling/call-key';
import { heldKeyAction } from '../../../renderer/src/features/held/held-keys';
import { isPlainKey, textFieldOf } from '../../../renderer/src/lib/keyboard';
import { strings } from '../../../renderer/src/i18n/strings';

const idle: RegisterKeyContext = { searching: false, lineSelected: false, typingQuantity: false };
const searching: RegisterKeyContext = { ...idle, searching: true };
const lineSelected: RegisterKeyContext = { ...idle, lineSelected: true };
const typing: RegisterKeyContext = { ...idle, lineSelected: true, typingQuantity: true };

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
    ['F8', 'repeat-last'],
    ['F9', 'pay'],
    ['Shift+F9', 'pay-split'],
  ])('with the search box empty, %s → %s', (key, action) => {
    expect(registerKeyAction(key, idle)).toBe(action);
  });

  it.each(['/', '+', '=', '-', 'Delete', '3'])(
    'while text is typed in the search box, %s is typing, not a cart command',
    (key) => {
      expect(registerKeyAction(key, { ...searching, lineSelected: true })).toBeNull();
    },
  );

  it.each<[string, RegisterKeyAction]>([
    ['F2', 'focus-search'],
    ['Escape', 'clear-search'],
    ['ArrowUp', 'result-previous'],
    ['ArrowDown', 'result-next'],
    ['F8', 'repeat-last'],
    ['F9', 'pay'],
    ['Shift+F9', 'pay-split'],
  ])('while text is typed in the search box, %s still works (%s)', (key, action) => {
    expect(registerKeyAction(key, searching)).toBe(action);
  });

  it('knows Shift+F9 (split the payment) apart from F9, and Shift on other keys changes nothing', () => {
    expect(keyName({ key: 'F9', shiftKey: true })).toBe('Shift+F9');
    expect(keyName({ key: 'F9', shiftKey: false })).toBe('F9');
    expect(keyName({ key: '+', shiftKey: true })).toBe('+');
    expect(keyName({ key: 'F7', shiftKey: true })).toBe('F7');
  });

  it.each([
    'Enter',
    'a',
    'ㅁ',
    '아',
    ' ',
    'Backspace',
    'Tab',
    'F1',
    'F10',
    'ArrowLeft',
    'ArrowRight',
    '*',
    'Process',
    '',
  ])('%j is no register shortcut (Enter is the search box’s own: add the highlighted match)', (key) => {
    expect(registerKeyAction(key, idle)).toBeNull();
    expect(registerKeyAction(key, searching)).toBeNull();
  });

  it('is case-sensitive about named keys: "delete" or "f9" typed as text do nothing', () => {
    expect(registerKeyAction('delete', idle)).toBeNull();
    expect(registerKeyAction('f9', idle)).toBeNull();
    expect(registerKeyAction('escape', idle)).toBeNull();
  });
});

describe('number keys set the selected line’s quantity', () => {
  it('a digit starts a quantity for the selected line; without one, or while searching, it does not', () => {
    expect(registerKeyAction('3', lineSelected)).toBe('quantity-digit');
    expect(registerKeyAction('3', idle)).toBeNull();
    expect(registerKeyAction('3', { ...lineSelected, searching: true })).toBeNull();
    // 0 cannot start a quantity (there is no line of none), but it can continue one.
    expect(registerKeyAction('0', lineSelected)).toBeNull();
    expect(registerKeyAction('0', typing)).toBe('quantity-digit');
  });

  it.each<[string, RegisterKeyAction]>([
    ['Enter', 'quantity-apply'],
    ['*', 'quantity-apply'],
    ['Backspace', 'quantity-erase'],
    ['Escape', 'quantity-cancel'],
  ])('while typing one, %s → %s', (key, action) => {
    expect(registerKeyAction(key, typing)).toBe(action);
  });

  it.each<[string, string, string]>([
    ['', '3', '3'],
    ['1', '2', '12'],
    ['12', '0', '120'],
    ['999', '9', '999'],
    ['', '0', ''],
    ['12', 'Backspace', '1'],
    ['', 'Backspace', ''],
  ])('%j then %s makes %j (at most 999, never a leading 0)', (current, key, next) => {
    expect(typedQuantity(current, key)).toBe(next);
  });
});

describe('the hint bar promises only keys the key map honours', () => {
  // Each hint's label names one or more keys (as printed on the keyboard): what they must do.
  const keysOfHint: Record<
    string,
    {
      keys: string[];
      context: RegisterKeyContext;
      action: RegisterKeyAction | 'search-box-enter' | 'held-hold' | 'call-list';
    }
  > = {
    '/ F2': { keys: ['/', 'F2'], context: idle, action: 'focus-search' },
    Enter: { keys: ['Enter'], context: idle, action: 'search-box-enter' },
    '↑ ↓': { keys: ['ArrowUp', 'ArrowDown'], context: idle, action: 'select-previous' },
    '+ −': { keys: ['+', '-'], context: idle, action: 'increase' },
    '3 Enter': { keys: ['3'], context: lineSelected, action: 'quantity-digit' },
    Del: { keys: ['Delete'], context: idle, action: 'remove' },
    'F3 ⇧F3': { keys: ['F3'], context: idle, action: 'line-memo' },
    F4: { keys: ['F4'], context: idle, action: 'focus-coupon' },
    F6: { keys: ['F6'], context: idle, action: 'open-discount' },
    F7: { keys: ['F7'], context: idle, action: 'pay-cash' },
    F8: { keys: ['F8'], context: idle, action: 'repeat-last' },
    F9: { keys: ['F9'], context: idle, action: 'pay' },
    F10: { keys: ['F10'], context: idle, action: 'held-hold' },
    F5: { keys: ['F5'], context: idle, action: 'call-list' },
  };

  it.each(['ko', 'en'] as const)('%s hints name exactly the shortcuts, each doing what it says', (locale) => {
    const labels = strings[locale].registerHints.map(([keys]) => keys);
    expect(labels.sort()).toEqual(Object.keys(keysOfHint).sort());
    for (const label of labels) {
      const hint = keysOfHint[label];
      if (hint === undefined) throw new Error(`unexpected hint ${label}`);
      const actions = hint.keys.map((key) => registerKeyAction(key, hint.context));
      if (hint.action === 'search-box-enter') {
        // Enter belongs to the search box (add the highlighted match), never to the window-wide map.
        expect(actions).toEqual([null]);
      } else if (hint.action === 'held-hold') {
        // F10 belongs to held carts (their own key map), which the register's leaves alone.
        expect(actions).toEqual([null]);
        expect(hint.keys.map((key) => heldKeyAction(key, false))).toEqual(['hold']);
      } else if (hint.action === 'call-list') {
        // F5 belongs to the call list (its own key), which the register's map leaves alone.
        expect(actions).toEqual([null]);
        expect(hint.keys).toEqual([CALL_LIST_KEY]);
      } else {
        expect(actions[0]).toBe(hint.action);
        expect(actions.every((action) => action !== null)).toBe(true);
      }
    }
  });

  it('Esc still clears the search, though the bar leaves it out for want of room', () => {
    expect(registerKeyAction('Escape', idle)).toBe('clear-search');
  });

  it('Shift+F10 opens the held list (said on its button, for want of room in the bar)', () => {
    expect(heldKeyAction('F10', true)).toBe('open-list');
    expect(heldKeyAction('F9', false)).toBeNull();
  });

  it('the two keys of a paired hint do opposite things', () => {
    expect(registerKeyAction('ArrowUp', idle)).toBe('select-previous');
    expect(registerKeyAction('ArrowDown', idle)).toBe('select-next');
    expect(registerKeyAction('+', idle)).toBe('increase');
    expect(registerKeyAction('-', idle)).toBe('decrease');
    expect(registerKeyAction('F3', { ...lineSelected, shift: false })).toBe('line-memo');
    expect(registerKeyAction('F3', { ...lineSelected, shift: true })).toBe('order-memo');
  });
});

/** A KeyboardEvent as far as isPlainKey reads it. */
function keyEvent(
  init: Partial<Pick<KeyboardEvent, 'key' | 'isComposing' | 'keyCode' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>>,
): KeyboardEvent {
  const event = {
    key: 'F9',
    isComposing: false,
    keyCode: 0,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    ...init,
  };
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

  it.each(['altKey', 'ctrlKey', 'metaKey'] as const)(
    'ignores keys pressed with %s (Ctrl+- zooms, it must not drop a quantity)',
    (modifier) => {
      expect(isPlainKey(keyEvent({ key: '-', [modifier]: true }))).toBe(false);
    },
  );
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
