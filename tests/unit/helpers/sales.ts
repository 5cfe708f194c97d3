import type { Order } from '../../../shared/domain/order';
import type { PosHarness } from './pos';
import { CARD, payWindow } from './toss-window';

/** `quantity` of one product, paid by card through Toss's window (the test's Toss approves it). */
export async function cardSale(h: PosHarness, productId = 'americano', quantity = 1): Promise<Order> {
  const order = await h.ok('sale:create', { lines: [{ productId, quantity }] });
  const paymentKey = await payWindow(h.sim, h.clientKey, order, CARD.approves);
  return h.ok('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
}

/** `quantity` of one product, paid in cash: `received` handed over (the exact amount unless given). */
export async function cashSale(
  h: PosHarness,
  productId = 'americano',
  quantity = 1,
  received?: number,
): Promise<Order> {
  const order = await h.ok('sale:create', { lines: [{ productId, quantity }] });
  return h.ok('cash:sale', { orderId: order.orderId, received: received ?? order.amount });
}
