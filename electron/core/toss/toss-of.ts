import { TossClient } from './toss-client';
import type { PaymentMode, TossEndpoints } from './toss-endpoints';

/**
 * The Toss an order's money is with: the one of the mode it was rung up in, never the register's
 * mode now. A live confirm, refund or 현금영수증 left open is settled with the real Toss while the
 * register trains, and a training one with the simulator while it sells live.
 */
export type TossOf = (order: { training: boolean }) => TossClient;

export function modeOf(order: { training: boolean }): PaymentMode {
  return order.training ? 'training' : 'live';
}

export function tossOf(endpoints: TossEndpoints, options: { fetch?: typeof fetch; timeoutMs?: number }): TossOf {
  const client = (mode: PaymentMode) =>
    new TossClient({ endpoint: () => endpoints.of(mode), fetch: options.fetch, timeoutMs: options.timeoutMs });
  const clients = { training: client('training'), live: client('live') };
  return (order) => clients[modeOf(order)];
}
