/** What a key does for held carts on the register: F10 holds the cart, Shift+F10 opens the held list. */
export function heldKeyAction(key: string, shift: boolean): 'hold' | 'open-list' | null {
  if (key !== 'F10') return null;
  return shift ? 'open-list' : 'hold';
}
