import type { ManualDiscount } from '../../../../shared/domain/coupons';
import { call } from '../../lib/ipc';
import { selectSale, useCart } from './cart-store';
import { quoteSale } from './sale-quote';

/**
 * Puts a manual discount on the cart once main prices the cart with it; with a manager's `pin`,
 * main approves it first. Rejects with main's refusal, the cart keeping what it had.
 */
export async function applyDiscount(typed: ManualDiscount, pin: string | null): Promise<void> {
  let discount = typed;
  if (pin !== null) {
    const approval = await call('discount:approve', { pin, discount: typed });
    discount = { ...typed, approvalId: approval.approvalId };
  }
  await quoteSale({ ...selectSale(useCart.getState()), manualDiscount: discount });
  useCart.getState().setManualDiscount(discount);
}
