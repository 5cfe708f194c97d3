import { useCheckout } from '../checkout/checkout-store';
import { useCart } from '../register/cart-store';

/** Back to an empty register after a paid sale. */
export function startNewSale(): void {
  useCart.getState().clear();
  useCheckout.getState().reset();
}
