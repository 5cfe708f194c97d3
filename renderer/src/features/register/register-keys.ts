/** What a key does on the register screen. */
export type RegisterKeyAction =
  | 'focus-search'
  | 'clear-search'
  | 'pay'
  | 'select-previous'
  | 'select-next'
  | 'increase'
  | 'decrease'
  | 'remove';

/**
 * The register's keyboard map. `editingText` is true while the search box holds text: then
 * `/ + − Delete` are typing, not commands; with the box empty they act on the cart, so
 * "search, Enter, + +" rings up three without leaving the keyboard.
 */
export function registerKeyAction(key: string, editingText: boolean): RegisterKeyAction | null {
  switch (key) {
    case 'F2':
      return 'focus-search';
    case '/':
      return editingText ? null : 'focus-search';
    case 'Escape':
      return 'clear-search';
    case 'F9':
      return 'pay';
    case 'ArrowUp':
      return 'select-previous';
    case 'ArrowDown':
      return 'select-next';
    case '+':
    case '=': // the unshifted "+" key
      return editingText ? null : 'increase';
    case '-':
      return editingText ? null : 'decrease';
    case 'Delete':
      return editingText ? null : 'remove';
    default:
      return null;
  }
}
