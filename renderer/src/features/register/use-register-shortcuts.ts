import { useEffect, useEffectEvent } from 'react';
import { isPlainKey, textFieldOf } from '../../lib/keyboard';
import { selectCartLocked, useCheckout } from '../checkout';
import { useCart } from './cart-store';
import { keyName, registerKeyAction, type RegisterKeyAction } from './register-keys';

/** What the register screen itself does for keys that act on its own state (search, quantity). */
export interface RegisterKeyHandlers {
  focusSearch(): void;
  /** Esc: clears the search; a second Esc leaves the empty box so cart keys reach the cart. */
  clearSearch(): void;
  moveResult(delta: number): void;
  pay(): void;
  payCash(): void;
  paySplit(): void;
  focusCoupon(): void;
  openDiscount(): void;
  /** F3: the selected line's memo; Shift+F3: the order's. */
  editMemo(target: 'line' | 'order'): void;
  repeatLast(): void;
  quantityKey(key: string): void;
  applyQuantity(): void;
  cancelQuantity(): void;
}

function run(action: RegisterKeyAction, key: string, handlers: RegisterKeyHandlers): void {
  const cart = useCart.getState();
  const selected = cart.selectedKey;
  const locked = selectCartLocked(useCheckout.getState());
  switch (action) {
    case 'focus-search':
      return handlers.focusSearch();
    case 'clear-search':
      return handlers.clearSearch();
    case 'pay':
      return handlers.pay();
    case 'pay-cash':
      return handlers.payCash();
    case 'pay-split':
      return handlers.paySplit();
    case 'repeat-last':
      return handlers.repeatLast();
    case 'focus-coupon':
      return handlers.focusCoupon();
    case 'open-discount':
      return handlers.openDiscount();
    case 'line-memo':
      return handlers.editMemo('line');
    case 'order-memo':
      return handlers.editMemo('order');
    case 'result-previous':
      return handlers.moveResult(-1);
    case 'result-next':
      return handlers.moveResult(1);
    case 'select-previous':
      return cart.moveSelection(-1);
    case 'select-next':
      return cart.moveSelection(1);
    case 'increase':
      if (!locked && selected !== null) cart.changeQuantity(selected, 1);
      return;
    case 'decrease':
      if (!locked && selected !== null) cart.changeQuantity(selected, -1);
      return;
    case 'remove':
      if (!locked && selected !== null) cart.remove(selected);
      return;
    case 'quantity-digit':
    case 'quantity-erase':
      if (!locked) handlers.quantityKey(key);
      return;
    case 'quantity-apply':
      return handlers.applyQuantity();
    case 'quantity-cancel':
      return handlers.cancelQuantity();
    default: {
      const unhandled: never = action;
      throw new Error(`unhandled key action ${String(unhandled)}`);
    }
  }
}

/**
 * Keys the register leaves alone: anything typed in a dialog (a PIN, a discount), and, in a
 * field other than the search (the coupon code), all but the function keys.
 */
function typedElsewhere(event: KeyboardEvent, field: HTMLInputElement | HTMLTextAreaElement | null): boolean {
  if (event.target instanceof Element && event.target.closest('[role="dialog"]') !== null) return true;
  return field !== null && field.dataset['registerSearch'] === undefined && !/^F\d{1,2}$/.test(event.key);
}

/** The register's keyboard map, on the whole window while the register is shown. */
export function useRegisterShortcuts(typingQuantity: boolean, handlers: RegisterKeyHandlers): void {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || !isPlainKey(event)) return;
    const field = textFieldOf(event.target);
    if (typedElsewhere(event, field)) return;
    const searching = field !== null && field.value !== '';
    const key = keyName(event);
    const action = registerKeyAction(key, {
      searching,
      lineSelected: useCart.getState().selectedKey !== null,
      typingQuantity,
      shift: event.shiftKey,
    });
    if (action === null) return;
    event.preventDefault();
    run(action, key, handlers);
  });
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
