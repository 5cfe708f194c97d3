import type { Order } from './order';
import { paidBy, refundedBy, type PaidBy } from './paid-by';

/** One thing that happened to an order, for its detail screen. */
export type OrderEvent =
  | { kind: 'created'; at: string }
  | { kind: 'attempt'; at: string; paymentKey: string }
  | { kind: 'attempt-failed'; at: string; code: string | null; message: string | null }
  | { kind: 'compensated'; at: string }
  | { kind: 'paid'; at: string; amount: number; by: PaidBy }
  | { kind: 'abandoned'; at: string }
  | { kind: 'refund-requested'; at: string; refundId: string; amount: number; reason: string; approvedBy: string }
  | { kind: 'refund-done'; at: string; refundId: string; amount: number; coupon: string | null; by: PaidBy }
  | { kind: 'refund-failed'; at: string; refundId: string; code: string; message: string };

/** Everything the order's record says happened to it, oldest first. */
export function orderTimeline(order: Order): OrderEvent[] {
  const events: OrderEvent[] = [{ kind: 'created', at: order.createdAt }];
  const by = paidBy(order);
  for (const attempt of order.attempts) {
    events.push({ kind: 'attempt', at: attempt.startedAt, paymentKey: attempt.paymentKey });
    const end = attempt.endedAt ?? attempt.startedAt;
    if (attempt.outcome === 'FAILED')
      events.push({ kind: 'attempt-failed', at: end, code: attempt.code ?? null, message: attempt.message ?? null });
    if (attempt.outcome === 'COMPENSATED') events.push({ kind: 'compensated', at: end });
  }
  if (order.status === 'PAID') {
    // When the money was taken (the last part, for an order paid in parts): updatedAt moves with every refund, so it is only the fallback of an order its discounts paid.
    events.push({
      kind: 'paid',
      at: order.payment?.approvedAt || order.cash?.paidAt || order.parts.at(-1)?.endedAt || order.updatedAt,
      amount: order.amount,
      by,
    });
  }
  if (order.status === 'ABANDONED') events.push({ kind: 'abandoned', at: order.updatedAt });
  for (const refund of order.refunds) {
    events.push({
      kind: 'refund-requested',
      at: refund.requestedAt,
      refundId: refund.refundId,
      amount: refund.amount,
      reason: refund.reason,
      approvedBy: refund.approvedBy,
    });
    if (refund.status === 'DONE')
      events.push({
        kind: 'refund-done',
        at: refund.canceledAt ?? refund.requestedAt,
        refundId: refund.refundId,
        amount: refund.amount,
        coupon: refund.coupon,
        by: refundedBy(order, refund),
      });
    if (refund.status === 'FAILED' && refund.failure) {
      events.push({
        kind: 'refund-failed',
        at: refund.requestedAt,
        refundId: refund.refundId,
        code: refund.failure.code,
        message: refund.failure.message,
      });
    }
  }
  // Stable: events of the same instant keep the order they happened in.
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => Date.parse(a.event.at) - Date.parse(b.event.at) || a.index - b.index)
    .map(({ event }) => event);
}
