import { useEffect, useState } from 'react';
import type { PosErrorData } from '../../../../shared/domain/errors';
import type { HistoryOrder } from '../../../../shared/domain/history';
import type { Order } from '../../../../shared/domain/order';
import { toPosError } from '../../lib/ipc';
import { callAsManager } from '../staff';

interface OrderState {
  /** In a shop of several registers, with the register that rang it up. */
  order: HistoryOrder | null;
  error: PosErrorData | null;
}

/**
 * One order, whole, as main has it; `adopt` takes the order a refund answered with, `reload`
 * asks main again (what main finished after answering: a 현금영수증's cancel), and so does a new `version`.
 */
export function useOrder(
  orderId: string,
  version = 0,
): OrderState & { adopt: (order: Order) => void; reload: () => void } {
  const [state, setState] = useState<OrderState>({ order: null, error: null });
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    let current = true;
    callAsManager('history:order', { orderId }).then(
      (order) => current && setState({ order, error: null }),
      // A reload that fails keeps the order on screen beside the error.
      (error: unknown) =>
        current &&
        setState((was) => ({ order: was.order?.orderId === orderId ? was.order : null, error: toPosError(error) })),
    );
    return () => {
      current = false;
    };
  }, [orderId, asked, version]);
  // An order a refund answered with is the same order: it keeps the register it was rung up at.
  const adopt = (order: Order) =>
    setState((was) => ({
      order: was.order?.registerName === undefined ? order : { ...order, registerName: was.order.registerName },
      error: null,
    }));
  return { ...state, adopt, reload: () => setAsked((n) => n + 1) };
}
