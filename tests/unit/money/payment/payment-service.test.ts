import { createServer } from 'node:http';
import { HOT_REGULAR } from '../../../support/an-order';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { describeError } from '../../../../shared/i18n/error-messages';
import { seoulDay } from '../../../../shared/domain/time';
import { newOrderId } from '../../../../electron/core/orders/order-id';
import { diskIo } from '../../../../electron/core/platform/disk/file-io';
import { JournalOrderBook } from '../../../../electron/core/orders/journal-order-book';
import { onCleanup } from '../../helpers/cleanup';
import { failsPaidWrites, faultyIo } from '../../helpers/faulty-io';
import {
  closedPortUrl,
  startOwnSimulator,
  withCore,
  withLiveCore,
  type OwnSimulator,
  type PosHarness,
} from '../../helpers/pos';
import { CARD, apiRequests, confirmRequests, payWindow, waitFor } from '../../helpers/toss-window';

const TWO_AMERICANOS_AND_A_CROISSANT = [
  { productId: 'americano', quantity: 2 },
  { productId: 'croissant', quantity: 1 },
];
const MINUTE = 60_000;

function ringUp(h: PosHarness, lines = TWO_AMERICANOS_AND_A_CROISSANT) {
  return h.ok('sale:create', { lines });
}

type Created = Awaited<ReturnType<typeof ringUp>>;

/** The buyer pays in the window, then the renderer hands the SDK's answer to main. */
async function payAndConfirm(h: PosHarness, order: Created, card: string) {
  const paymentKey = await payWindow(h.sim, h.clientKey, order, card);
  const result = await h.call('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
  return { paymentKey, result };
}

function confirmsFor(h: PosHarness, orderId: string) {
  return confirmRequests(h.sim).filter((r) => r.orderId === orderId);
}

describe('payment:confirm in a training core', () => {
  it('records an approved card: the order is PAID with what the receipt needs, after one confirm at Toss', async () => {
    const h = await withCore();
    const order = await ringUp(h);
    expect(order).toMatchObject({ amount: 12_900, orderName: '아메리카노 외 1건' });

    const { paymentKey, result } = await payAndConfirm(h, order, CARD.approves);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const paid = result.data;
    expect(paid.status).toBe('PAID');
    expect(paid.training).toBe(true);
    expect(paid.payment).toMatchObject({ paymentKey, method: '카드', totalAmount: 12_900 });
    // The card number is masked the way Toss masks it, never in full.
    expect(paid.payment?.cardNumber).toBe('43300000****000*');
    expect(paid.payment?.approveNo).toMatch(/^\d{8}$/);
    expect(paid.payment?.receiptUrl).toBe(`${h.sim.origin}/receipt/${paymentKey}`);
    expect(paid.payment?.approvedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
    expect(paid.attempts).toEqual([
      expect.objectContaining({ paymentKey, outcome: 'APPROVED', endedAt: expect.any(String) }),
    ]);

    const confirms = confirmRequests(h.sim);
    expect(confirms).toHaveLength(1);
    expect(confirms[0]).toMatchObject({
      orderId: order.orderId,
      paymentKey,
      status: 200,
      idempotencyKey: expect.any(String),
    });
    expect(await h.ok('sale:get', { orderId: order.orderId })).toEqual(paid);
  });

  it('keeps the paid sale across a restart of the app', async () => {
    const h = await withCore();
    const order = await ringUp(h);
    const paymentKey = await payWindow(h.sim, h.clientKey, order, CARD.approves);
    const paid = await h.ok('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
    await h.close();

    const restarted = await withCore({ dataDir: h.dataDir });
    const reread = await restarted.ok('sale:get', { orderId: order.orderId });
    expect(reread).toMatchObject({ status: 'PAID', payment: { paymentKey } });
    expect(reread).toEqual(paid);
  });

  it('refuses a confirm whose amount differs from the order, without calling Toss or touching the order', async () => {
    const h = await withCore();
    const order = await ringUp(h);
    const paymentKey = await payWindow(h.sim, h.clientKey, order, CARD.approves);
    const before = await h.ok('sale:get', { orderId: order.orderId });

    const error = await h.fail('payment:confirm', { orderId: order.orderId, paymentKey, amount: 100 });
    expect(error.code).toBe('AMOUNT_MISMATCH');
    expect(apiRequests(h.sim)).toEqual([]);
    const after = await h.ok('sale:get', { orderId: order.orderId });
    expect(after).toEqual(before);
    expect(after).toMatchObject({ status: 'PENDING', attempts: [] });
  });

  it('never records a sale for a window paid at a tampered amount, even if the renderer reports the right one', async () => {
    const h = await withCore();
    const order = await ringUp(h);
    const paymentKey = await payWindow(h.sim, h.clientKey, { ...order, amount: 100 }, CARD.approves);

    const error = await h.fail('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
    expect(error.code).toBe('PAYMENT_DECLINED');
    expect((await h.ok('sale:get', { orderId: order.orderId })).status).toBe('PENDING');
    // Main asked Toss for the stored amount, and Toss refused it.
    expect(confirmRequests(h.sim).map((r) => r.status)).toEqual([400]);
  });

  it('answers ORDER_NOT_FOUND for an order main never created, without calling Toss', async () => {
    const h = await withCore();
    const error = await h.fail('payment:confirm', {
      orderId: newOrderId(seoulDay(new Date())),
      paymentKey: 'tsim_made_up',
      amount: 4_500,
    });
    expect(error.code).toBe('ORDER_NOT_FOUND');
    expect((await h.fail('sale:get', { orderId: 'NO-SUCH-ORDER' })).code).toBe('ORDER_NOT_FOUND');
    expect(apiRequests(h.sim)).toEqual([]);
  });

  it('prices sale:create from the catalog, ignoring any price the renderer sends', async () => {
    const h = await withCore();
    const result = await h.core.dispatch('sale:create', {
      lines: [{ productId: 'americano', quantity: 2, unitPrice: 1, lineTotal: 2, price: 1 }],
    });
    expect(result).toMatchObject({ ok: true, data: { amount: 9_000 } });
    const orderId = (result as { data: { orderId: string } }).data.orderId;
    const stored = await h.ok('sale:get', { orderId });
    expect(stored.lines).toEqual([
      {
        productId: 'americano',
        name: '아메리카노',
        unitPrice: 4_500,
        quantity: 2,
        lineTotal: 9_000,
        discount: 0,
        options: HOT_REGULAR,
        memo: null,
      },
    ]);
    expect(stored.supplyAmount + stored.vatAmount).toBe(9_000);
  });

  it.each([
    ['REJECT_CARD_PAYMENT', CARD.rejectedAtConfirm, 'PAYMENT_DECLINED'],
    ['INVALID_CARD_EXPIRATION', CARD.expiredAtConfirm, 'PAYMENT_DECLINED'],
    ['PROVIDER_ERROR', CARD.providerErrorAtConfirm, 'PAYMENT_TEMPORARY_FAILURE'],
  ])(
    'a card refused at confirm (%s) leaves the order PENDING with the failed attempt, and the same order can be paid with another card',
    async (tossCode, card, code) => {
      const h = await withCore();
      const order = await ringUp(h);

      const declined = await payAndConfirm(h, order, card);
      expect(declined.result).toMatchObject({ ok: false, error: { code, tossCode, retryable: true } });
      const afterDecline = await h.ok('sale:get', { orderId: order.orderId });
      expect(afterDecline.status).toBe('PENDING');
      expect(afterDecline.payment).toBeNull();
      expect(afterDecline.attempts).toEqual([
        expect.objectContaining({ paymentKey: declined.paymentKey, outcome: 'FAILED', code: tossCode }),
      ]);

      const approved = await payAndConfirm(h, order, CARD.approves);
      expect(approved.result).toMatchObject({
        ok: true,
        data: { orderId: order.orderId, status: 'PAID', payment: { paymentKey: approved.paymentKey } },
      });
      const paid = await h.ok('sale:get', { orderId: order.orderId });
      expect(paid.attempts.map((a) => a.outcome)).toEqual(['FAILED', 'APPROVED']);
      expect(confirmsFor(h, order.orderId)).toHaveLength(2);
    },
  );

  it('answers a double-clicked Pay once: two concurrent confirms both succeed and Toss confirms once', async () => {
    const h = await withCore();
    const order = await ringUp(h);
    const paymentKey = await payWindow(h.sim, h.clientKey, order, CARD.approves);
    const input = { orderId: order.orderId, paymentKey, amount: order.amount };

    const [first, second] = await Promise.all([h.call('payment:confirm', input), h.call('payment:confirm', input)]);
    expect(first).toMatchObject({ ok: true, data: { status: 'PAID' } });
    expect(second).toEqual(first);
    expect(confirmRequests(h.sim)).toHaveLength(1);

    // Asking again later is harmless too.
    expect(await h.call('payment:confirm', input)).toEqual(first);
    expect(confirmRequests(h.sim)).toHaveLength(1);

    // A different payment for a paid order is refused before Toss is asked.
    const other = await h.fail('payment:confirm', { ...input, paymentKey: 'tsim_another_window' });
    expect(other.code).toBe('ORDER_ALREADY_PAID');
    expect(confirmRequests(h.sim)).toHaveLength(1);
  });

  it('a card declined inside the payment window never reaches confirm, and the order stays payable', async () => {
    const h = await withCore();
    const order = await ringUp(h);
    await expect(payWindow(h.sim, h.clientKey, order, CARD.declinedInWindow)).rejects.toThrow(/REJECT_CARD_COMPANY/);
    expect(apiRequests(h.sim)).toEqual([]);
    const { result } = await payAndConfirm(h, order, CARD.approves);
    expect(result).toMatchObject({ ok: true, data: { status: 'PAID' } });
  });
});

describe('payment session expiry (10 minutes after the window)', () => {
  async function coreWithClock() {
    let clock = new Date('2026-03-02T03:00:00Z'); // noon in Seoul
    const h = await withCore({ now: () => clock });
    return { h, advance: (ms: number) => (clock = new Date(clock.getTime() + ms)) };
  }

  it('a confirm 11 minutes after the window is PAYMENT_EXPIRED, the order stays PENDING and can be paid again', async () => {
    const { h, advance } = await coreWithClock();
    const order = await ringUp(h);
    const paymentKey = await payWindow(h.sim, h.clientKey, order, CARD.approves);
    advance(11 * MINUTE);

    const error = await h.fail('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
    expect(error).toMatchObject({ code: 'PAYMENT_EXPIRED', retryable: true });
    const stored = await h.ok('sale:get', { orderId: order.orderId });
    expect(stored).toMatchObject({ status: 'PENDING', payment: null });
    expect(stored.attempts).toEqual([expect.objectContaining({ paymentKey, outcome: 'FAILED' })]);

    const again = await payAndConfirm(h, order, CARD.approves);
    expect(again.result).toMatchObject({ ok: true, data: { status: 'PAID' } });
  });

  it('a confirm 9 minutes after the window still goes through', async () => {
    const { h, advance } = await coreWithClock();
    const order = await ringUp(h);
    const paymentKey = await payWindow(h.sim, h.clientKey, order, CARD.approves);
    advance(9 * MINUTE);
    expect(await h.call('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount })).toMatchObject(
      { ok: true, data: { status: 'PAID' } },
    );
  });
});

describe('failure on our side after Toss approved', () => {
  it('cancels the payment at Toss (compensation) when the sale cannot be written, and says so', async () => {
    const own = await startOwnSimulator();
    const disk = failsPaidWrites();
    const h = await withLiveCore(own, { io: disk.io });
    const order = await ringUp(h);

    const { paymentKey, result } = await payAndConfirm(h, order, CARD.approves);
    expect(result).toMatchObject({ ok: false, error: { code: 'PAYMENT_COMPENSATED', retryable: true } });
    expect(disk.failures()).toBeGreaterThanOrEqual(1);

    // The customer is not charged: Toss shows the payment cancelled in full.
    const atToss = await own.toss.getPayment(paymentKey);
    expect(atToss).toMatchObject({ status: 'CANCELED', balanceAmount: 0 });
    expect(atToss.status).not.toBe('DONE');

    // The shop's books agree: no sale, and the attempt says why.
    const stored = await h.ok('sale:get', { orderId: order.orderId });
    expect(stored).toMatchObject({ status: 'PENDING', payment: null });
    expect(stored.attempts).toEqual([expect.objectContaining({ paymentKey, outcome: 'COMPENSATED' })]);
    expect((await new JournalOrderBook(h.dataDir, diskIo).get(order.orderId))?.status).toBe('PENDING');
  });
  it('even when the cancel cannot be written down either, the next start settles the order as not paid', async () => {
    const own = await startOwnSimulator();
    // The disk refuses both the PAID record and the record of the compensation.
    const disk = faultyIo((_path, text) => /"status":\s*"PAID"/.test(text) || /"outcome":\s*"COMPENSATED"/.test(text));
    const h = await withLiveCore(own, { io: disk.io });
    const order = await ringUp(h);

    const { paymentKey, result } = await payAndConfirm(h, order, CARD.approves);
    expect(result).toMatchObject({ ok: false, error: { code: 'PAYMENT_COMPENSATED' } });
    expect((await own.toss.getPayment(paymentKey)).status).toBe('CANCELED');
    expect((await h.ok('sale:get', { orderId: order.orderId })).status).toBe('CONFIRMING');
    await h.close();

    const restarted = await withLiveCore(own, { dataDir: h.dataDir });
    await restarted.core.settled;
    const settled = await restarted.ok('sale:get', { orderId: order.orderId });
    expect(settled).toMatchObject({ status: 'PENDING', payment: null });
    expect(settled.attempts).toEqual([expect.objectContaining({ paymentKey, outcome: 'COMPENSATED' })]);
  });
});

describe('Toss slower than our timeout', () => {
  const DELAY_MS = 1_000;
  const TIMEOUT_MS = 100;

  async function confirmThatTimesOut() {
    const own = await startOwnSimulator({ confirmDelayMs: DELAY_MS });
    const h = await withLiveCore(own, { tossTimeoutMs: TIMEOUT_MS });
    const order = await ringUp(h);
    const paymentKey = await payWindow(h.sim, h.clientKey, order, CARD.approves);
    const input = { orderId: order.orderId, paymentKey, amount: order.amount };
    const error = await h.fail('payment:confirm', input);
    const tossFinished = () =>
      waitFor(() => confirmRequests(own.sim).every((r) => r.status !== 0), 'the simulator to finish the confirm');
    return { own, h, order, paymentKey, input, error, tossFinished };
  }

  async function chargedOnce(t: { own: OwnSimulator; paymentKey: string; order: Created }) {
    const atToss = await t.own.toss.getPayment(t.paymentKey);
    expect(atToss).toMatchObject({
      status: 'DONE',
      totalAmount: t.order.amount,
      balanceAmount: t.order.amount,
      orderId: t.order.orderId,
    });
    // Every confirm Toss answered with a payment carried one Idempotency-Key: a replay, never a second charge.
    expect(
      new Set(
        confirmRequests(t.own.sim)
          .filter((r) => r.status === 200)
          .map((r) => r.idempotencyKey),
      ).size,
    ).toBe(1);
  }

  it('reports TOSS_UNREACHABLE (retryable) with the order CONFIRMING; the same confirm later records the sale, charged once', async () => {
    const t = await confirmThatTimesOut();
    expect(t.error).toMatchObject({ code: 'TOSS_UNREACHABLE', retryable: true });
    const limbo = await t.h.ok('sale:get', { orderId: t.order.orderId });
    expect(limbo.status).toBe('CONFIRMING');
    expect(limbo.attempts).toEqual([expect.objectContaining({ paymentKey: t.paymentKey, outcome: 'CONFIRMING' })]);

    await t.tossFinished();
    const paid = await t.h.ok('payment:confirm', t.input);
    expect(paid).toMatchObject({ status: 'PAID', payment: { paymentKey: t.paymentKey, totalAmount: t.order.amount } });
    expect(paid.attempts.map((a) => a.outcome)).toEqual(['APPROVED']);
    await chargedOnce(t);
  });

  it('a retry while Toss is still working never charges twice', async () => {
    const t = await confirmThatTimesOut();
    expect(t.error.code).toBe('TOSS_UNREACHABLE');
    // Right away, probably while Toss still works on the first confirm: whatever the answer, no second charge.
    const early = await t.h.call('payment:confirm', t.input);
    expect(early.ok ? early.data.status : early.error.code).toMatch(/^(PAID|TOSS_UNREACHABLE)$/);

    await t.tossFinished();
    expect(await t.h.ok('payment:confirm', t.input)).toMatchObject({ status: 'PAID' });
    await chargedOnce(t);
  });

  it('after a crash mid-confirm, the next start settles the order as PAID with no call from the renderer', async () => {
    const t = await confirmThatTimesOut();
    expect((await t.h.ok('sale:get', { orderId: t.order.orderId })).status).toBe('CONFIRMING');
    await t.h.close(); // the app goes away with the order CONFIRMING
    await t.tossFinished();

    const restarted = await withLiveCore(t.own, { dataDir: t.h.dataDir });
    await restarted.core.settled;
    const settled = await restarted.ok('sale:get', { orderId: t.order.orderId });
    expect(settled).toMatchObject({ status: 'PAID', payment: { paymentKey: t.paymentKey } });
    await chargedOnce(t);
  });
});

describe('Toss unreachable during confirm, then the app restarts', () => {
  it('the journaled confirm is sent on the next start and the order is PAID', async () => {
    const own = await startOwnSimulator();
    const offline = await withLiveCore(own, { apiBase: await closedPortUrl() });
    const order = await ringUp(offline);
    const paymentKey = await payWindow(own.sim, own.clientKey, order, CARD.approves);

    const error = await offline.fail('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
    expect(error).toMatchObject({ code: 'TOSS_UNREACHABLE', retryable: true });
    expect((await offline.ok('sale:get', { orderId: order.orderId })).status).toBe('CONFIRMING');
    expect((await own.toss.getPayment(paymentKey)).status).toBe('IN_PROGRESS');
    await offline.close();

    const online = await withLiveCore(own, { dataDir: offline.dataDir });
    await online.core.settled;
    expect(await online.ok('sale:get', { orderId: order.orderId })).toMatchObject({
      status: 'PAID',
      payment: { paymentKey },
    });
    expect((await own.toss.getPayment(paymentKey)).status).toBe('DONE');
    expect(confirmRequests(own.sim)).toHaveLength(1);
  });

  it('a Toss that never answers does not hold up the next start: the register works while the order waits', async () => {
    const own = await startOwnSimulator();
    const offline = await withLiveCore(own, { apiBase: await closedPortUrl() });
    const order = await ringUp(offline);
    const paymentKey = await payWindow(own.sim, own.clientKey, order, CARD.approves);
    expect(
      (await offline.fail('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount })).code,
    ).toBe('TOSS_UNREACHABLE');
    await offline.close();

    // Accepts connections, never answers: every Toss call hangs until our timeout.
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    onCleanup(() => new Promise<void>((resolve) => silent.close(() => resolve())));
    silent.on('connection', (socket) =>
      onCleanup(async () => {
        socket.destroy();
      }),
    );
    const { port } = silent.address() as AddressInfo;

    let reconciled = false;
    const restarted = await withLiveCore(own, {
      dataDir: offline.dataDir,
      apiBase: `http://127.0.0.1:${port}`,
      tossTimeoutMs: 1_000,
    });
    void restarted.core.settled.then(() => {
      reconciled = true;
    });
    expect((await restarted.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] })).amount).toBe(4500);
    // Asked about, the stuck order answers at once, as it stands, while Toss is still being asked.
    expect((await restarted.ok('sale:get', { orderId: order.orderId })).status).toBe('CONFIRMING');
    expect(reconciled).toBe(false);
    await restarted.core.settled;
    expect((await restarted.ok('sale:get', { orderId: order.orderId })).status).toBe('CONFIRMING');
  });

  it('if the payment session expired meanwhile, the next start returns the order to PENDING (nothing charged)', async () => {
    let clock = new Date('2026-03-02T03:00:00Z');
    const own = await startOwnSimulator({ now: () => clock });
    const offline = await withLiveCore(own, { apiBase: await closedPortUrl(), now: () => clock });
    const order = await ringUp(offline);
    const paymentKey = await payWindow(own.sim, own.clientKey, order, CARD.approves);
    expect(
      (await offline.fail('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount })).code,
    ).toBe('TOSS_UNREACHABLE');
    await offline.close();

    clock = new Date(clock.getTime() + 11 * MINUTE);
    const online = await withLiveCore(own, { dataDir: offline.dataDir, now: () => clock });
    await online.core.settled;
    const settled = await online.ok('sale:get', { orderId: order.orderId });
    expect(settled).toMatchObject({ status: 'PENDING', payment: null });
    expect(settled.attempts).toEqual([expect.objectContaining({ paymentKey, outcome: 'FAILED' })]);
    expect((await own.toss.getPayment(paymentKey)).status).toBe('EXPIRED');
  });
});

describe('a paymentKey that belongs to another order', () => {
  it('a paymentKey of another order is refused as not this order’s (PAYMENT_MISMATCH), in words, and that payment stays as it was', async () => {
    const own = await startOwnSimulator();
    const h = await withLiveCore(own);
    const orderA = await ringUp(h);
    const keyA = await payWindow(own.sim, own.clientKey, orderA, CARD.approves);
    const orderB = await ringUp(h);
    // Before A is confirmed, and after: either way Toss's refusal is read as what it is.
    for (const step of ['before', 'after'] as const) {
      if (step === 'after')
        expect(
          (await h.ok('payment:confirm', { orderId: orderA.orderId, paymentKey: keyA, amount: orderA.amount })).status,
        ).toBe('PAID');
      const refused = await h.fail('payment:confirm', {
        orderId: orderB.orderId,
        paymentKey: keyA,
        amount: orderB.amount,
      });
      expect(refused.code, step).toBe('PAYMENT_MISMATCH');
      expect(describeError(refused, 'en')).toBe(
        'That payment does not belong to this order. Nothing was charged for it. Please take payment again.',
      );
      expect((await h.ok('sale:get', { orderId: orderB.orderId })).status).toBe('PENDING');
    }
    expect((await own.toss.getPayment(keyA)).status).toBe('DONE');
  });

  it('never cancels the other order’s payment, even when the confirm times out', async () => {
    const own = await startOwnSimulator({ confirmDelayMs: 1_000 });
    const h = await withLiveCore(own, { tossTimeoutMs: 100 });
    const finished = () =>
      waitFor(() => confirmRequests(own.sim).every((r) => r.status !== 0), 'the simulator to finish');

    // Order A is paid normally (one timeout, then the retry records it).
    const orderA = await ringUp(h);
    const keyA = await payWindow(own.sim, own.clientKey, orderA, CARD.approves);
    const inputA = { orderId: orderA.orderId, paymentKey: keyA, amount: orderA.amount };
    expect((await h.fail('payment:confirm', inputA)).code).toBe('TOSS_UNREACHABLE');
    await finished();
    expect((await h.ok('payment:confirm', inputA)).status).toBe('PAID');

    // Order B, same cart and amount: a stale (or hostile) renderer sends A's paymentKey for it.
    const orderB = await ringUp(h);
    const resultB = await h.call('payment:confirm', {
      orderId: orderB.orderId,
      paymentKey: keyA,
      amount: orderB.amount,
    });
    await finished();

    expect(resultB.ok).toBe(false);
    expect((await h.ok('sale:get', { orderId: orderB.orderId })).status).not.toBe('PAID');
    // A's customer paid and A is on the books as PAID: Toss must still hold A's payment.
    expect((await h.ok('sale:get', { orderId: orderA.orderId })).status).toBe('PAID');
    const paymentA = await own.toss.getPayment(keyA);
    expect(paymentA.status).toBe('DONE');
    expect(paymentA.balanceAmount).toBe(orderA.amount);
  });
});
