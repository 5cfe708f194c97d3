import { useCheckout } from '../checkout';
import { useSession } from '../../session/session-store';

/**
 * Keeps the register's tiles in step with main's stock counts: after a sale is paid, or refused
 * for want of stock, the catalog is read again, so a product with none left shows sold out.
 * Returns the way to stop.
 */
export function followStock(): () => void {
  return useCheckout.subscribe((state, before) => {
    const paid = state.phase === 'paid' && before.phase !== 'paid';
    const short =
      state.problem !== before.problem &&
      state.problem?.source === 'main' &&
      state.problem.error.code === 'STOCK_SHORT';
    if (paid || short) void useSession.getState().reloadCatalog();
  });
}
