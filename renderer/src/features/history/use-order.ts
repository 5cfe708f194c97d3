import { useEffect, useState } from 'react';
import type { PosErrorData } from '../../../../shared/domain/errors';
import type { Order } from '../../../../shared/domain/order';
import { toPosError } from '../../lib/ipc';
import { callAsManager } from '../staff';

/** One order, whole, as main has it; `adopt` takes the order a refund answered with. */
export function useOrder(orderId: string): { order: Order | null; error: PosErrorData | null; adopt: (order: Order) => void } {
  const [state, setState] = useState<{ order: Order | null; error: PosErrorData | null }>({ order: null, error: null });
  useEffect(() => {
    let current = true;
    callAsManager('history:order', { orderId }).then(
      (order) => current && setState({ order, error: null }),
      (error: unknown) => current && setState({ order: null, error: toPosError(error) }),
    );
    return () => {
      current = false;
    };
  }, [orderId]);
  return { ...state, adopt: (order) => setState({ order, error: null }) };
}
