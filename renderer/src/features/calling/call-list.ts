import type { BarTicket } from '../../../../shared/domain/call-board';
import { call } from '../../lib/ipc';

/** The orders being made now, oldest first (a fresh look at main's books). */
export async function preparingOrders(): Promise<BarTicket[]> {
  return (await call('bar:watch', { since: 0 })).tickets;
}

/** Calls an order ready: its number moves to the ready column of the customer's screen. */
export async function callReady(orderId: string): Promise<void> {
  await call('bar:ready', { orderId });
}
