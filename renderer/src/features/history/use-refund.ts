import type { PosErrorData } from '../../../../shared/domain/errors';
import type { Order } from '../../../../shared/domain/order';
import type { RefundEntry, RefundRequest } from '../../../../shared/domain/refunds';
import { useAction } from '../../lib/use-action';
import { callAsManager } from '../staff';

/** A refused refund the ledger recorded (Toss said no): worded like main's own refusals. */
function refusal(entry: RefundEntry): PosErrorData {
  return {
    code: 'REFUND_DECLINED',
    message: entry.failure?.message ?? '',
    retryable: false,
    tossCode: entry.failure?.code,
  };
}

/** The refund made, or null when main or Toss refused it (the reason is then in `error`). */
export type RefundOutcome = { order: Order; entry: RefundEntry } | null;

/**
 * Refunds an order. `onRefunded` hears of every order main answers with, a refund Toss refused
 * included (the ledger records it); `settled` then says how it ended.
 */
export function useRefund(orderId: string, onRefunded: (order: Order) => void) {
  const { busy, error, setError, run } = useAction();

  /** `part`: the part of an order paid in parts it goes back to; null for an order paid by one tender. */
  function refund(
    request: RefundRequest,
    reason: string,
    part: number | null,
    settled: (outcome: RefundOutcome) => void,
  ): void {
    run(
      () => callAsManager('refund:create', { orderId, request, reason, ...(part === null ? {} : { part }) }),
      (refunded) => {
        onRefunded(refunded);
        const entry = refunded.refunds[refunded.refunds.length - 1];
        if (entry === undefined || entry.status === 'FAILED') {
          setError(entry === undefined ? null : refusal(entry));
          settled(null);
        } else {
          settled({ order: refunded, entry });
        }
      },
      () => settled(null),
    );
  }

  return { busy, error, clearError: () => setError(null), refund };
}
