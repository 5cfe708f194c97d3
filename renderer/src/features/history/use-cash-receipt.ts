import type { CashReceiptRequest } from '../../../../shared/domain/cash';
import type { Order } from '../../../../shared/domain/order';
import { call } from '../../lib/ipc';
import { useAction } from '../../lib/use-action';

/** Issues a cash sale's 현금영수증 (again, after Toss refused it); `done` gets the order as it stands now. */
export function useCashReceipt(orderId: string) {
  const { busy, error, run } = useAction();
  return {
    busy,
    error,
    issue: (request: CashReceiptRequest, done: (order: Order) => void) =>
      void run(() => call('cash:receipt', { orderId, request }), done),
  };
}
