import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Settlement } from '../../../../shared/domain/settlements';
import { asManager, couponRow, issueCoupons } from '../../helpers/coupons';
import { faultyIo } from '../../helpers/faulty-io';
import { closedPortUrl, startOwnSimulator, withLiveCore, type OwnSimulator, type PosHarness } from '../../helpers/pos';
import { CARD, confirmRequests, payWindow, waitFor } from '../../helpers/toss-window';

/** Short waits, so a test sees several rounds of asking again. */
const QUICK = { sweepMs: 60_000, firstRetryMs: 50, maxRetryMs: 200 };
const DAY = 24 * 60 * 60 * 1000;

async function ringUpAndPay(h: PosHarness, own: OwnSimulator) {
  const order = await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 2 }] });
  const paymentKey = await payWindow(own.sim, own.clientKey, order, CARD.approves);
  return { order, paymentKey, input: { orderId: order.orderId, paymentKey, amount: order.amount } };
}

async function statusOf(h: PosHarness, orderId: string): Promise<string> {
  return (await h.ok('sale:get', { orderId })).status;
}

/** Polls main until the check holds (an event-based wait, not a timing assertion). */
async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > 15_000) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function settlementOf(list: readonly Settlement[], orderId: string): Settlement | undefined {
  return list.find((s) => s.orderId === orderId);
}

describe('a charged sale whose confirm answer was lost is settled in the background', () => {
  it('approved, answered too slowly, app killed, restarted while Toss resets connections: sale:get answers at once, the register sees it settling, and it is PAID once Toss is back', async () => {
    const own = await startOwnSimulator();
    const h = await withLiveCore(own, { tossTimeoutMs: 200, settleTiming: QUICK });
    const sale = await ringUpAndPay(h, own);
    // Toss approves, then its answer comes after our timeout, and asking about it fails too.
    own.sim.faults.add({ route: 'confirm', fault: { kind: 'latency', ms: 600 } });
    own.sim.faults.add({ route: 'lookup', times: 'always', fault: { kind: 'reset', processed: false } });
    expect(await h.fail('payment:confirm', sale.input)).toMatchObject({ code: 'TOSS_UNREACHABLE', retryable: true });
    await waitFor(() => confirmRequests(own.sim).every((r) => r.status !== 0), 'Toss to finish the confirm');
    await h.close();

    own.sim.faults.add({ route: 'any', times: 'always', fault: { kind: 'reset', processed: false } });
    const restarted = await withLiveCore(own, { dataDir: h.dataDir, tossTimeoutMs: 200, settleTiming: QUICK });
    expect(await statusOf(restarted, sale.order.orderId)).toBe('CONFIRMING');
    await until(
      'a few tries against the resetting Toss',
      async () => (settlementOf(await restarted.ok('payment:settlements', {}), sale.order.orderId)?.tries ?? 0) >= 3,
    );
    expect(settlementOf(await restarted.ok('payment:settlements', {}), sale.order.orderId)).toMatchObject({
      state: 'SETTLING',
      problem: 'TOSS_UNREACHABLE',
      amount: sale.order.amount,
      orderName: sale.order.orderName,
      nextTryAt: expect.any(String),
    });

    own.sim.faults.clear();
    await until(
      'the order to be paid with no call from the register',
      async () => settlementOf(await restarted.ok('payment:settlements', {}), sale.order.orderId)?.state === 'PAID',
    );
    const paid = await restarted.ok('sale:get', { orderId: sale.order.orderId });
    expect(paid.payment).toMatchObject({ paymentKey: sale.paymentKey, totalAmount: sale.order.amount });
    expect(settlementOf(await restarted.ok('payment:settlements', {}), sale.order.orderId)).toMatchObject({
      state: 'PAID',
      problem: null,
      nextTryAt: null,
    });
    expect((await own.toss.getPayment(sale.paymentKey)).balanceAmount).toBe(sale.order.amount);

    expect(await restarted.ok('payment:dismiss-settlement', { orderId: sale.order.orderId })).toEqual([]);
    expect(JSON.parse(await readFile(join(h.dataDir, 'open-work.json'), 'utf8'))).toMatchObject({ confirms: [] });
  });

  it('a confirm left CONFIRMING three days back is found through the open-work list and settled', async () => {
    let clock = new Date('2026-03-02T03:00:00Z');
    const own = await startOwnSimulator({ now: () => clock });
    const h = await withLiveCore(own, { tossTimeoutMs: 200, now: () => clock, settleTiming: QUICK });
    const sale = await ringUpAndPay(h, own);
    own.sim.faults.add({ route: 'any', times: 'always', fault: { kind: 'latency', ms: 600 } });
    expect((await h.fail('payment:confirm', sale.input)).code).toBe('TOSS_UNREACHABLE');
    await waitFor(() => confirmRequests(own.sim).every((r) => r.status !== 0), 'Toss to finish the confirm');
    // Two more business days of sales go by before the app starts again.
    for (let day = 1; day <= 2; day += 1) {
      clock = new Date(clock.getTime() + DAY);
      await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
    }
    await h.close();
    own.sim.faults.clear();

    clock = new Date(clock.getTime() + DAY);
    const later = await withLiveCore(own, { dataDir: h.dataDir, now: () => clock, settleTiming: QUICK });
    expect(await later.core.orders('live').findByStatus('CONFIRMING', 2)).toEqual([]);
    await later.core.settled;
    expect(await later.ok('sale:get', { orderId: sale.order.orderId })).toMatchObject({
      status: 'PAID',
      payment: { paymentKey: sale.paymentKey },
    });
  });

  it('while the app runs: a confirm that timed out is settled without the cashier asking again', async () => {
    const own = await startOwnSimulator();
    const h = await withLiveCore(own, { tossTimeoutMs: 200, settleTiming: QUICK });
    const sale = await ringUpAndPay(h, own);
    own.sim.faults.add({ route: 'confirm', fault: { kind: 'latency', ms: 600 } });
    own.sim.faults.add({ route: 'lookup', fault: { kind: 'reset', processed: false } });
    expect((await h.fail('payment:confirm', sale.input)).code).toBe('TOSS_UNREACHABLE');
    await until(
      'the register’s notice to say paid',
      async () => settlementOf(await h.ok('payment:settlements', {}), sale.order.orderId)?.state === 'PAID',
    );
    expect(await statusOf(h, sale.order.orderId)).toBe('PAID');
    expect(
      new Set(
        confirmRequests(own.sim)
          .filter((r) => r.status === 200)
          .map((r) => r.idempotencyKey),
      ).size,
    ).toBe(1);
  });

  it('a payment that expired at Toss meanwhile is shown as not paid, with the reason, and the order can be paid again', async () => {
    let clock = new Date('2026-03-02T03:00:00Z');
    const own = await startOwnSimulator({ now: () => clock });
    const offline = await withLiveCore(own, { apiBase: await closedPortUrl(), now: () => clock, settleTiming: QUICK });
    const sale = await ringUpAndPay(offline, own);
    expect((await offline.fail('payment:confirm', sale.input)).code).toBe('TOSS_UNREACHABLE');
    await offline.close();

    clock = new Date(clock.getTime() + 11 * 60_000);
    const online = await withLiveCore(own, { dataDir: offline.dataDir, now: () => clock, settleTiming: QUICK });
    await online.core.settled;
    expect(settlementOf(await online.ok('payment:settlements', {}), sale.order.orderId)).toMatchObject({
      state: 'NOT_PAID',
      problem: 'PAYMENT_EXPIRED',
    });
    expect(await statusOf(online, sale.order.orderId)).toBe('PENDING');
  });

  it('a sale settled by the cashier’s own confirm leaves no notice behind', async () => {
    const own = await startOwnSimulator();
    const h = await withLiveCore(own, { settleTiming: QUICK });
    const sale = await ringUpAndPay(h, own);
    expect((await h.ok('payment:confirm', sale.input)).status).toBe('PAID');
    await h.core.settleNow();
    expect(await h.ok('payment:settlements', {})).toEqual([]);
  });

  it('a refund Toss could not be asked about is settled once Toss answers again, with no restart', async () => {
    const own = await startOwnSimulator();
    const h = await withLiveCore(own, { settleTiming: QUICK });
    const sale = await ringUpAndPay(h, own);
    await h.ok('payment:confirm', sale.input);
    await asManager(h);
    own.sim.faults.add({ route: 'any', times: 'always', fault: { kind: 'reset', processed: false } });
    expect(
      (await h.fail('refund:create', { orderId: sale.order.orderId, request: { kind: 'full' }, reason: 'x' })).code,
    ).toBe('TOSS_UNREACHABLE');
    own.sim.faults.clear();
    await until(
      'the refund to be settled',
      async () => (await h.ok('history:order', { orderId: sale.order.orderId })).refunds[0]?.status === 'DONE',
    );
    expect((await own.toss.getPayment(sale.paymentKey)).status).toBe('CANCELED');
  });
});

describe('a sale the books and Toss disagree about', () => {
  it('a payment already cancelled by compensation is never recorded again: confirming the same paymentKey a second time is refused', async () => {
    const failing = { on: true };
    const disk = faultyIo((_path, text) => failing.on && /"status":\s*"PAID"/.test(text));
    const own = await startOwnSimulator();
    const h = await withLiveCore(own, { io: disk.io });
    const sale = await ringUpAndPay(h, own);
    expect((await h.fail('payment:confirm', sale.input)).code).toBe('PAYMENT_COMPENSATED');
    failing.on = false;
    expect(await h.fail('payment:confirm', sale.input)).toMatchObject({ code: 'PAYMENT_COMPENSATED', retryable: true });
    expect(await h.ok('sale:get', { orderId: sale.order.orderId })).toMatchObject({ status: 'PENDING', payment: null });
    expect((await own.toss.getPayment(sale.paymentKey)).status).toBe('CANCELED');
  });

  it('a PAID order still on the open list whose payment Toss shows cancelled by compensation is taken off the books at start', async () => {
    const own = await startOwnSimulator();
    const h = await withLiveCore(own);
    const sale = await ringUpAndPay(h, own);
    await h.ok('payment:confirm', sale.input);
    await h.close();
    // What a crash leaves when the PAID line could not be taken back after the compensating cancel.
    await own.toss.cancel(
      sale.paymentKey,
      { cancelReason: 'POS에서 판매를 기록하지 못해 자동 취소' },
      'test-compensation',
    );
    await writeFile(
      join(h.dataDir, 'open-work.json'),
      JSON.stringify({ confirms: [sale.order.orderId], refunds: [], cashReceiptCancels: [] }),
    );

    const restarted = await withLiveCore(own, { dataDir: h.dataDir, settleTiming: QUICK });
    await restarted.core.settled;
    const order = await restarted.ok('sale:get', { orderId: sale.order.orderId });
    expect(order).toMatchObject({ status: 'PENDING', payment: null });
    expect(order.attempts.at(-1)).toMatchObject({ paymentKey: sale.paymentKey, outcome: 'COMPENSATED' });
  });

  it('a coupon sale taken off the books because Toss shows it cancelled by compensation gives its coupon back', async () => {
    const own = await startOwnSimulator();
    const h = await withLiveCore(own);
    const [code] = await issueCoupons(h);
    const order = await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 2 }], couponCode: code! });
    const paymentKey = await payWindow(own.sim, own.clientKey, order, CARD.approves);
    await h.ok('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
    expect((await couponRow(h, code!)).state).toBe('used');
    await h.close();
    await own.toss.cancel(paymentKey, { cancelReason: 'POS에서 판매를 기록하지 못해 자동 취소' }, 'test-compensation');
    await writeFile(
      join(h.dataDir, 'open-work.json'),
      JSON.stringify({ confirms: [order.orderId], refunds: [], cashReceiptCancels: [] }),
    );

    const restarted = await withLiveCore(own, { dataDir: h.dataDir, settleTiming: QUICK });
    await restarted.core.settled;
    expect((await restarted.ok('sale:get', { orderId: order.orderId })).status).toBe('ABANDONED');
    expect((await couponRow(restarted, code!)).state).toBe('available');
    const again = await restarted.ok('sale:create', {
      lines: [{ productId: 'americano', quantity: 2 }],
      couponCode: code!,
    });
    expect(again.amount).toBe(8_000);
  });

  it('a PAID order still on the open list whose payment Toss shows DONE stays paid and leaves the list', async () => {
    const own = await startOwnSimulator();
    const h = await withLiveCore(own);
    const sale = await ringUpAndPay(h, own);
    await h.ok('payment:confirm', sale.input);
    await h.close();
    await writeFile(
      join(h.dataDir, 'open-work.json'),
      JSON.stringify({ confirms: [sale.order.orderId], refunds: [], cashReceiptCancels: [] }),
    );
    const restarted = await withLiveCore(own, { dataDir: h.dataDir, settleTiming: QUICK });
    await restarted.core.settled;
    expect((await restarted.ok('sale:get', { orderId: sale.order.orderId })).status).toBe('PAID');
    expect(JSON.parse(await readFile(join(h.dataDir, 'open-work.json'), 'utf8'))).toMatchObject({ confirms: [] });
  });
});
