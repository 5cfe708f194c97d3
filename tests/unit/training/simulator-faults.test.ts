import { describe, expect, it } from 'vitest';
import { TossApiError, TossUnreachableError } from '../../../electron/core/toss/toss-errors';
import { TossClient } from '../../../electron/core/toss/toss-client';
import type { FaultRule } from '../../../electron/training/faults';
import { startOwnSimulator, type OwnSimulator } from '../helpers/pos';
import { CARD, payWindow } from '../helpers/toss-window';

const ORDER = { orderName: '아메리카노', amount: 4500 };
let serial = 0;

async function windowPaid(own: OwnSimulator) {
  serial += 1;
  const orderId = `fault-order-${serial}-${Date.now()}`;
  const paymentKey = await payWindow(own.sim, own.clientKey, { ...ORDER, orderId }, CARD.approves);
  return { orderId, paymentKey, amount: ORDER.amount };
}

function confirm(own: OwnSimulator, call: { orderId: string; paymentKey: string; amount: number }, client = own.toss) {
  return client.confirm(call, `key-${call.orderId}`);
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('the call was answered normally');
    },
    (error: unknown) => error,
  );
}

describe('the simulator’s fault switches', () => {
  it('a reset after processing drops the answer, yet Toss approved: the lookup shows DONE', async () => {
    const own = await startOwnSimulator();
    const paid = await windowPaid(own);
    own.sim.faults.add({ route: 'confirm', fault: { kind: 'reset', processed: true } });
    expect(await failure(confirm(own, paid))).toBeInstanceOf(TossUnreachableError);
    expect((await own.toss.getPayment(paid.paymentKey)).status).toBe('DONE');
  });

  it('a reset before processing leaves the payment unconfirmed, and the rule is used up after one call', async () => {
    const own = await startOwnSimulator();
    const paid = await windowPaid(own);
    own.sim.faults.add({ route: 'confirm', fault: { kind: 'reset', processed: false } });
    expect(await failure(confirm(own, paid))).toBeInstanceOf(TossUnreachableError);
    expect((await own.toss.getPayment(paid.paymentKey)).status).toBe('IN_PROGRESS');
    expect((await confirm(own, paid)).status).toBe('DONE');
  });

  it('answers a Toss error code with its status and Retry-After, or a bare 502 HTML page the client cannot read', async () => {
    const own = await startOwnSimulator();
    const paid = await windowPaid(own);
    own.sim.faults.add({
      route: 'confirm',
      fault: { kind: 'answer', status: 429, code: 'FORBIDDEN_CONSECUTIVE_REQUEST', retryAfterS: 3, processed: false },
    });
    const limited = await failure(confirm(own, paid));
    expect(limited).toBeInstanceOf(TossApiError);
    expect(limited).toMatchObject({ status: 429, code: 'FORBIDDEN_CONSECUTIVE_REQUEST' });
    own.sim.faults.add({ route: 'confirm', fault: { kind: 'answer', status: 502, html: true, processed: true } });
    expect(await failure(confirm(own, paid))).toMatchObject({ reason: 'bad-response' });
    expect((await own.toss.getPayment(paid.paymentKey)).status).toBe('DONE');
  });

  it('latency past the client’s timeout reads as a timeout; a trickled body still arrives whole', async () => {
    const own = await startOwnSimulator();
    const paid = await windowPaid(own);
    const impatient = new TossClient({
      endpoint: () => ({ apiBase: own.sim.apiBase, secretKey: own.secretKey }),
      timeoutMs: 200,
    });
    own.sim.faults.add({ route: 'confirm', fault: { kind: 'latency', ms: 1_000 } });
    expect(await failure(confirm(own, paid, impatient))).toMatchObject({ reason: 'timeout' });
    own.sim.faults.add({ route: 'lookup', fault: { kind: 'trickle', chunkBytes: 64, intervalMs: 1 } });
    expect((await own.toss.getPayment(paid.paymentKey)).status).toBe('DONE');
  });

  it('a malformed body is a bad response; a tampered answer says what the rule says', async () => {
    const own = await startOwnSimulator();
    const paid = await windowPaid(own);
    own.sim.faults.add({ route: 'confirm', fault: { kind: 'malformed', processed: true } });
    expect(await failure(confirm(own, paid))).toMatchObject({ reason: 'bad-response' });
    own.sim.faults.add({
      route: 'lookup',
      fault: { kind: 'tamper', totalAmount: 1, status: 'CANCELED', dropCard: true },
    });
    const tampered = await own.toss.getPayment(paid.paymentKey);
    expect(tampered).toMatchObject({ totalAmount: 1, status: 'CANCELED', card: null });
    expect(await own.toss.getPayment(paid.paymentKey)).toMatchObject({ totalAmount: ORDER.amount, status: 'DONE' });
  });

  it('a rule for one order leaves the others alone; "always" lasts until cleared, also over HTTP', async () => {
    const own = await startOwnSimulator();
    const [mine, theirs] = [await windowPaid(own), await windowPaid(own)];
    const rule: FaultRule = {
      route: 'any',
      orderId: mine.orderId,
      times: 'always',
      fault: { kind: 'answer', status: 500, processed: false },
    };
    const added = await fetch(`${own.sim.origin}/__sim/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(rule),
    });
    expect(added.status).toBe(200);
    expect((await confirm(own, theirs)).status).toBe('DONE');
    for (let i = 0; i < 3; i += 1)
      expect(await failure(confirm(own, mine))).toMatchObject({
        status: 500,
        code: 'FAILED_INTERNAL_SYSTEM_PROCESSING',
      });
    await fetch(`${own.sim.origin}/__sim/faults`, { method: 'DELETE' });
    expect((await confirm(own, mine)).status).toBe('DONE');
    const refused = await fetch(`${own.sim.origin}/__sim/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"route":"everything"}',
    });
    expect(refused.status).toBe(400);
    expect(own.sim.requests().filter((r) => r.fault === 'answer')).toHaveLength(3);
  });
});
