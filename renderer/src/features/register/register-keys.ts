/** What a key does on the register screen. */
export type RegisterKeyAction =
  | 'focus-search'
  | 'clear-search'
  | 'pay'
  | 'pay-cash'
  | 'pay-split'
  | 'repeat-last'
  | 'focus-coupon'
  | 'open-discount'
  | 'line-memo'
  | 'order-memo'
  | 'select-previous'
  | 'select-next'
  | 'result-previous'
  | 'result-next'
  | 'increase'
  | 'decrease'
  | 'remove'
  | 'quantity-digit'
  | 'quantity-erase'
  | 'quantity-apply'
  | 'quantity-cancel';

/** Where the register stands when a key arrives. */
export interface RegisterKeyContext {
  /** The search box holds text: `/ + − Delete` and digits are typing, and ↑ ↓ walk the results. */
  searching: boolean;
  /** A cart line is selected: digits set its quantity. */
  lineSelected: boolean;
  /** A quantity is being typed for the selected line. */
  typingQuantity: boolean;
  /** Shift is held (Shift+F3 is the order's memo, F3 the line's). */
  shift?: boolean;
}

/**
 * The register's keyboard map. With the search box empty, `/ + − Delete` act on the cart and
 * number keys type the selected line's quantity (`3` then Enter or `*`), so "search, Enter, 3,
 * Enter" rings up three without leaving the keyboard.
 */
export function registerKeyAction(key: string, context: RegisterKeyContext): RegisterKeyAction | null {
  const { searching, lineSelected, typingQuantity } = context;
  if (typingQuantity) {
    if (/^[0-9]$/.test(key)) return 'quantity-digit';
    if (key === 'Enter' || key === '*') return 'quantity-apply';
    if (key === 'Backspace') return 'quantity-erase';
    if (key === 'Escape') return 'quantity-cancel';
  }
  switch (key) {
    case 'F2':
      return 'focus-search';
    case '/':
      return searching ? null : 'focus-search';
    case 'Escape':
      return 'clear-search';
    case 'F3':
      return context.shift === true ? 'order-memo' : 'line-memo';
    case 'F4':
      return 'focus-coupon';
    case 'F6':
      return 'open-discount';
    case 'F8':
      return 'repeat-last';
    case 'F7':
      return 'pay-cash';
    case 'F9':
      return 'pay';
    case 'Shift+F9':
      return 'pay-split';
    case 'ArrowUp':
      return searching ? 'result-previous' : 'select-previous';
    case 'ArrowDown':
      return searching ? 'result-next' : 'select-next';
    case '+':
    case '=': // the unshifted "+" key
      return searching ? null : 'increase';
    case '-':
      return searching ? null : 'decrease';
    case 'Delete':
      return searching ? null : 'remove';
    default:
      return /^[1-9]$/.test(key) && !searching && lineSelected ? 'quantity-digit' : null;
  }
}

/** The name the key map knows a key by: Shift+F9 (split the payment) is a key of its own; with any other key Shift changes nothing. */
export function keyName(event: Pick<KeyboardEvent, 'key' | 'shiftKey'>): string {
  return event.shiftKey && event.key === 'F9' ? 'Shift+F9' : event.key;
}

/** The quantity being typed, one more key pressed: digits only, at most three (999). */
export function typedQuantity(current: string, key: string): string {
  if (key === 'Backspace') return current.slice(0, -1);
  return /^[0-9]$/.test(key) && current.length < 3 && !(current === '' && key === '0') ? current + key : current;
}
