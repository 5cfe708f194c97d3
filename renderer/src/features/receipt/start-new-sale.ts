import { useCheckout } from '../checkout';
import { useCart } from '../register';

/** Back to an empty register after a paid sale. */
export function startNewSale(): void {
  useCart.getState().clear();
  useCheckout.getState().reset();
}
