import { useEffect, type RefObject } from 'react';
import { isPlainKey, textFieldOf } from '../../lib/keyboard';
import { selectCartLocked, useCheckout } from '../checkout';
import { startPayment } from './start-payment';
import { useCart } from './cart-store';
import { registerKeyAction, type RegisterKeyAction } from './register-keys';

function run(action: RegisterKeyAction, search: HTMLInputElement | null, clearQuery: () => void): void {
  const cart = useCart.getState();
  const selected = cart.selectedId;
  const locked = selectCartLocked(useCheckout.getState());
  switch (action) {
    case 'focus-search':
      search?.focus();
      search?.select();
      return;
    case 'clear-search':
      // A second Esc leaves the empty box so +, − and Delete reach the cart from anywhere.
      if (search !== null && search.value === '') search.blur();
      else clearQuery();
      return;
    case 'pay':
      startPayment();
      return;
    case 'select-previous':
      cart.moveSelection(-1);
      return;
    case 'select-next':
      cart.moveSelection(1);
      return;
    case 'increase':
      if (!locked && selected !== null) cart.changeQuantity(selected, 1);
      return;
    case 'decrease':
      if (!locked && selected !== null) cart.changeQuantity(selected, -1);
      return;
    case 'remove':
      if (!locked && selected !== null) cart.remove(selected);
      return;
    default: {
      const unhandled: never = action;
      throw new Error(`unhandled key action ${String(unhandled)}`);
    }
  }
}

/** The register's keyboard map, on the whole window while the register is shown. */
export function useRegisterShortcuts(searchRef: RefObject<HTMLInputElement | null>, clearQuery: () => void): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.defaultPrevented || !isPlainKey(event)) return;
      const field = textFieldOf(event.target);
      const action = registerKeyAction(event.key, field !== null && field.value !== '');
      if (action === null) return;
      event.preventDefault();
      run(action, searchRef.current, clearQuery);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [searchRef, clearQuery]);
}
