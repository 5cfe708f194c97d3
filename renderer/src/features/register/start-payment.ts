import { selectInfo, useSession } from '../../session/session-store';
import { useCheckout } from '../checkout';
import { selectSale, useCart } from './cart-store';

/** Pay with the current cart: the one entry point for the Pay button and the F9 key. */
export function startPayment(): void {
  const info = selectInfo(useSession.getState());
  if (info === null) return;
  void useCheckout.getState().pay(selectSale(useCart.getState()), info);
}

/** Pay the current cart in parts: the Split button and Shift+F9. */
export function startSplit(): void {
  if (useCart.getState().lines.length === 0) return;
  void useCheckout.getState().openSplit(selectSale(useCart.getState()));
}
