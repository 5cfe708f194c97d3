import { describe, expect, it } from 'vitest';
import type { PosErrorCode } from '../../../shared/domain/errors';
import { TossClient } from '../../../electron/core/toss/toss-client';
import { TossApiError, TossUnreachableError, confirmErrorToPosError } from '../../../electron/core/toss/toss-errors';
import { newOrderId } from '../../../electron/core/orders/order-id';
import { closedPortUrl, startOwnSimulator, type OwnSimulator } from '../helpers/pos';
import { CARD, payWindow } from '../helpers/toss-window';

async function authorizedPayment(own: OwnSimulator, amount = 9_000) {
  const order = { orderId: newOrderId('2026-03-02'), orderName: '아메리카노 외 1건', amount };
  const paymentKey = await payWindow(own.sim, own.clientKey, order, CARD.approves);
  return { ...order, paymentKey };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('TossClient against the simulator', () => {
  it('authenticates with the secret key (Basic auth) and confirms an authorized payment', async () => {
    const own = await startOwnSimulator();
    const p = await authorizedPayment(own);
    // A trailing slash on the base URL is tolerated.
    const client = new TossClient({ endpoint: () => ({ apiBase: `${own.sim.apiBase}/`, secretKey: own.secretKey }) });

    const payment = await client.confirm({ paymentKey: p.paymentKey, orderId: p.orderId, amount: p.amount }, 'key-1');
    expect(payment).toMatchObject({ paymentKey: p.paymentKey, orderId: p.orderId, status: 'DONE', totalAmount: 9_000 });
    expect((await client.getPayment(p.paymentKey)).status).toBe('DONE');
    expect((await client.getPaymentByOrderId(p.orderId)).paymentKey).toBe(p.paymentKey);
  });

  it('reports a wrong secret key as Toss does: 401 UNAUTHORIZED_KEY, and nothing is confirmed', async () => {
    const own = await startOwnSimulator();
    const p = await authorizedPayment(own);
    const wrong = new TossClient({ endpoint: () => ({ apiBase: own.sim.apiBase, secretKey: `${own.secretKey}x` }) });

    const error = await rejection(
      wrong.confirm({ paymentKey: p.paymentKey, orderId: p.orderId, amount: p.amount }, 'key-1'),
    );
    expect(error).toBeInstanceOf(TossApiError);
    expect(error).toMatchObject({ status: 401, code: 'UNAUTHORIZED_KEY' });
    expect((await own.toss.getPayment(p.paymentKey)).status).toBe('IN_PROGRESS');
  });

  it('sends the Idempotency-Key to Toss, and a repeat with the same key replays instead of confirming twice', async () => {
    const own = await startOwnSimulator();
    const p = await authorizedPayment(own);
    const body = { paymentKey: p.paymentKey, orderId: p.orderId, amount: p.amount };

    const first = await own.toss.confirm(body, 'confirm-once');
    const again = await own.toss.confirm(body, 'confirm-once');
    expect(again).toEqual(first); // the very same approval (same approval number and transaction)

    const confirms = own.sim.requests().filter((r) => r.path === '/v1/payments/confirm');
    expect(confirms.map((r) => r.idempotencyKey)).toEqual(['confirm-once', 'confirm-once']);
    expect(confirms.map((r) => r.status)).toEqual([200, 200]);

    // Proof that the first call really did confirm and the replay did not run again: a fresh key
    // reaches the payment itself, which is already processed.
    const fresh = await rejection(own.toss.confirm(body, 'another-key'));
    expect(fresh).toMatchObject({ code: 'ALREADY_PROCESSED_PAYMENT' });
    expect((await own.toss.getPayment(p.paymentKey)).balanceAmount).toBe(p.amount);
  });

  it('gives up after its timeout and says so (reason "timeout"), the outcome being unknown', async () => {
    const own = await startOwnSimulator({ confirmDelayMs: 1_000 });
    const p = await authorizedPayment(own);
    const impatient = new TossClient({
      endpoint: () => ({ apiBase: own.sim.apiBase, secretKey: own.secretKey }),
      timeoutMs: 100,
    });

    const error = await rejection(
      impatient.confirm({ paymentKey: p.paymentKey, orderId: p.orderId, amount: p.amount }, 'slow'),
    );
    expect(error).toBeInstanceOf(TossUnreachableError);
    expect((error as TossUnreachableError).reason).toBe('timeout');
  });

  it('reports a refused connection as unreachable (reason "network")', async () => {
    const apiBase = await closedPortUrl();
    const client = new TossClient({ endpoint: () => ({ apiBase, secretKey: 'test_sk_whatever' }) });
    const error = await rejection(client.getPayment('tsim_nothing'));
    expect(error).toBeInstanceOf(TossUnreachableError);
    expect((error as TossUnreachableError).reason).toBe('network');
  });

  it('treats an answer that is not Toss JSON as unreachable (reason "bad-response")', async () => {
    const own = await startOwnSimulator();
    // The simulator answers paths outside /v1 with plain text, as a captive portal or proxy might.
    const client = new TossClient({
      endpoint: () => ({ apiBase: `${own.sim.origin}/not-toss`, secretKey: own.secretKey }),
    });
    const error = await rejection(client.getPayment('tsim_nothing'));
    expect(error).toBeInstanceOf(TossUnreachableError);
    expect((error as TossUnreachableError).reason).toBe('bad-response');
  });

  it('passes Toss’s own refusal through with its status and code', async () => {
    const own = await startOwnSimulator();
    const error = await rejection(own.toss.getPayment('tsim_doesnotexist'));
    expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND_PAYMENT' });
  });
});

describe('confirmErrorToPosError: what a refused confirm means at the counter', () => {
  it.each<[number, string, PosErrorCode, boolean]>([
    [403, 'REJECT_CARD_COMPANY', 'PAYMENT_DECLINED', true],
    [403, 'REJECT_CARD_PAYMENT', 'PAYMENT_DECLINED', true],
    [400, 'INVALID_CARD_EXPIRATION', 'PAYMENT_DECLINED', true],
    [400, 'EXCEED_MAX_PAYMENT_AMOUNT', 'PAYMENT_DECLINED', true],
    [404, 'NOT_FOUND_PAYMENT_SESSION', 'PAYMENT_EXPIRED', true],
    [400, 'PROVIDER_ERROR', 'PAYMENT_TEMPORARY_FAILURE', true],
    [400, 'CARD_PROCESSING_ERROR', 'PAYMENT_TEMPORARY_FAILURE', true],
    [500, 'FAILED_INTERNAL_SYSTEM_PROCESSING', 'PAYMENT_TEMPORARY_FAILURE', true],
    [500, 'FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING', 'PAYMENT_TEMPORARY_FAILURE', true],
    [500, 'SOMETHING_NEW_AT_TOSS', 'PAYMENT_TEMPORARY_FAILURE', true],
    [503, 'UNKNOWN_ERROR', 'PAYMENT_TEMPORARY_FAILURE', true],
    [429, 'TOO_MANY_REQUESTS', 'PAYMENT_TEMPORARY_FAILURE', true],
    [409, 'IDEMPOTENT_REQUEST_PROCESSING', 'PAYMENT_TEMPORARY_FAILURE', true],
    [401, 'UNAUTHORIZED_KEY', 'TOSS_CONFIGURATION', false],
    [400, 'INVALID_API_KEY', 'TOSS_CONFIGURATION', false],
    [403, 'INCORRECT_BASIC_AUTH_FORMAT', 'TOSS_CONFIGURATION', false],
  ])('%i %s → %s (retryable: %s)', (status, code, expected, retryable) => {
    const error = confirmErrorToPosError(new TossApiError(status, code, `Toss says ${code}`));
    expect(error.code).toBe(expected);
    expect(error.tossCode).toBe(code);
    expect(error.retryable).toBe(retryable);
    expect(error.toData()).toMatchObject({ code: expected, tossCode: code, retryable });
  });
});
