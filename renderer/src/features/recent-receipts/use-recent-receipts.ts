import { useEffect, useState } from 'react';
import type { PosErrorData } from '../../../../shared/domain/errors';
import type { Order } from '../../../../shared/domain/order';
import { call, toPosError } from '../../lib/ipc';

/** The business day's last paid orders, newest first, as main lists them for a cashier to reprint. */
export function useRecentReceipts(): { orders: Order[] | null; error: PosErrorData | null } {
  const [state, setState] = useState<{ orders: Order[] | null; error: PosErrorData | null }>({
    orders: null,
    error: null,
  });
  useEffect(() => {
    let current = true;
    call('receipts:recent', {}).then(
      (orders) => current && setState({ orders, error: null }),
      (error: unknown) => current && setState({ orders: [], error: toPosError(error) }),
    );
    return () => {
      current = false;
    };
  }, []);
  return state;
}
