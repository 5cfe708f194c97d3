import { normalizeCode } from '../../../../shared/domain/coupon-code';
import type { PosErrorData } from '../../../../shared/domain/errors';
import { toPosError } from '../../lib/ipc';
import { selectSale, useCart } from './cart-store';
import { quoteSale } from './sale-quote';

/**
 * Puts a typed or scanned coupon on the cart once main accepts it for this cart; otherwise
 * the cart keeps what it had and main's reason comes back.
 */
export async function applyCoupon(typed: string): Promise<PosErrorData | null> {
  const code = normalizeCode(typed);
  if (code === '') return null;
  try {
    await quoteSale({ ...selectSale(useCart.getState()), couponCode: code });
  } catch (error) {
    return toPosError(error);
  }
  useCart.getState().setCoupon(code);
  return null;
}
