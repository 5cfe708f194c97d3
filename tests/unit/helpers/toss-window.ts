import type { TossSimulator } from '../../../electron/training/simulator';
import { TEST_CARDS, type TestCardOutcome } from '../../../electron/training/test-cards';

function cardWith(match: (outcome: TestCardOutcome) => boolean): string {
  const card = TEST_CARDS.find((c) => match(c.outcome));
  if (!card) throw new Error('test card table changed');
  return card.number;
}

/** The training test cards by what they do (electron/training/test-cards.ts). */
export const CARD = {
  approves: cardWith((o) => o.kind === 'approve'),
  declinedInWindow: cardWith((o) => o.kind === 'window-decline'),
  expiredAtConfirm: cardWith((o) => o.kind === 'confirm-fail' && o.code === 'INVALID_CARD_EXPIRATION'),
  rejectedAtConfirm: cardWith((o) => o.kind === 'confirm-fail' && o.code === 'REJECT_CARD_PAYMENT'),
  providerErrorAtConfirm: cardWith((o) => o.kind === 'confirm-fail' && o.code === 'PROVIDER_ERROR'),
  echoesKeyAtConfirm: cardWith((o) => o.kind === 'confirm-echo'),
} as const;

export interface WindowOrder {
  orderId: string;
  orderName: string;
  amount: number;
}

/** What the simulator's payment window answers when the buyer presses Pay. */
export async function authorizeWindow(
  sim: Pick<TossSimulator, 'origin'>,
  clientKey: string,
  order: WindowOrder,
  cardNumber: string,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${sim.origin}/sim/authorize`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      clientKey,
      orderId: order.orderId,
      orderName: order.orderName,
      amount: order.amount,
      cardNumber,
    }),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

/** The buyer pays in the window with `cardNumber`; returns the paymentKey the SDK would hand the renderer. */
export async function payWindow(
  sim: Pick<TossSimulator, 'origin'>,
  clientKey: string,
  order: WindowOrder,
  cardNumber: string,
): Promise<string> {
  const { status, body } = await authorizeWindow(sim, clientKey, order, cardNumber);
  const paymentKey = (body as { paymentKey?: unknown }).paymentKey;
  if (status !== 200 || typeof paymentKey !== 'string')
    throw new Error(`payment window refused: ${status} ${JSON.stringify(body)}`);
  return paymentKey;
}

/** The confirm calls that reached the simulator (replays included). */
export function confirmRequests(sim: TossSimulator) {
  return sim.requests().filter((r) => r.method === 'POST' && r.path === '/v1/payments/confirm');
}

/** Every /v1 call that reached the simulator. */
export function apiRequests(sim: TossSimulator) {
  return sim.requests().filter((r) => r.path.startsWith('/v1/'));
}

/** Waits for a condition by polling (an event-based wait, not a timing assertion). */
export async function waitFor(condition: () => boolean, what: string, limitMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > limitMs) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
