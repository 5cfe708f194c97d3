import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PosErrorData } from '../../../../shared/domain/errors';
import type { Settlement } from '../../../../shared/domain/settlements';
import { seoulDay } from '../../../../shared/domain/time';
import type { Logger } from '../../../../electron/core/platform/log/logger';
import { newOrderId } from '../../../../electron/core/orders/order-id';
import { tossError } from '../../../../electron/training/errors';
import type { Fault } from '../../../../electron/training/faults';
import type { PaymentStatus } from '../../../../electron/training/payment-object';
import { faultRouteOf } from '../../../../electron/training/rest-api';
import { asManager, couponRow, issueCoupons } from '../../helpers/coupons';
import { faultyIo } from '../../helpers/faulty-io';
import {
  closedPortUrl,
  startOwnSimulator,
  withCore,
  withLiveCore,
  type CoreOptions,
  type OwnSimulator,
  type PosHarness,
} from '../../helpers/pos';
import { tempDir } from '../../helpers/temp-dir';
import { CARD, confirmRequests, payWindow } from '../../helpers/toss-window';

/** What the shop's Toss dashboard shows as the reason of a compensating cancel. */
const COMPENSATION_REASON = 'POS에서 판매를 기록하지 못해 자동 취소';

/** The settler never comes round by itself: each test runs its rounds with settleNow, so no round races a fault. */
const BY_HAND = { sweepMs: 3_600_000, firstRetryMs: 3_600_000, maxRetryMs: 3_600_000 };

interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  fields: unknown;
}

/** A logger that keeps what the operator's log would say. */
function recordingLog() {
  const entries: LogEntry[] = [];
  const log: Logger = {
    info: (message, fields) => entries.push({ level: 'info', message, fields }),
    warn: (message, fields) => entries.push({ level: 'warn', message, fields }),
    error: (message, fields) => entries.push({ level: 'error', message, fields }),
  };
  return { log, entries };
}

async function live(options: CoreOptions & { apiBase?: string } = {}, own?: OwnSimulator) {
  const toss = own ?? (await startOwnSimulator());
  const { log, entries } = recordingLog();
  const h = await withLiveCore(toss, { settleTiming: BY_HAND, log, ...options });
  return { own: toss, h, logged: entries };
}

/** Two americanos rung up and paid in the payment window; `input` is what the renderer hands main. */
async function ringUpAndPay(h: PosHarness, own: OwnSimulator, card: string = CARD.approves) {
  const order = await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 2 }] });
  const paymentKey = await payWindow(own.sim, own.clientKey, order, card);
  return { order, paymentKey, input: { orderId: order.orderId, paymentKey, amount: order.amount } };
}

type Sale = Awaited<ReturnType<typeof ringUpAndPay>>;

/** The calls Toss received about one payment, in order: what the app asked before it decided. */
function callsAbout(own: OwnSimulator, paymentKey: string): string[] {
  return own.sim
    .requests()
    .filter((r) => r.paymentKey === paymentKey)
    .map((r) => faultRouteOf(r.method, r.path) ?? r.path);
}

/** The payment as Toss's own ledger holds it (read without a call, so the app's calls can be counted). */
function atToss(own: OwnSimulator, paymentKey: string) {
  const payment = own.sim.payments().find((p) => p.paymentKey === paymentKey);
  if (!payment) throw new Error(`Toss has no payment ${paymentKey}`);
  return payment;
}

/** A confirm whose outcome the app could not learn: the answer is lost and so is the lookup after it. */
async function leftUnsettled(h: PosHarness, own: OwnSimulator, sale: Sale, processed = false): Promise<void> {
  own.sim.faults.add({ route: 'confirm', orderId: sale.order.orderId, fault: { kind: 'reset', processed } });
  own.sim.faults.add({ route: 'lookup', paymentKey: sale.paymentKey, fault: { kind: 'reset', processed: false } });
  expect(await h.fail('payment:confirm', sale.input)).toMatchObject({ code: 'TOSS_UNREACHABLE', retryable: true });
  expect(await h.ok('sale:get', { orderId: sale.order.orderId })).toMatchObject({
    status: 'CONFIRMING',
    attempts: [expect.objectContaining({ paymentKey: sale.paymentKey, outcome: 'CONFIRMING' })],
  });
}

async function notice(h: PosHarness, orderId: string): Promise<Settlement | undefined> {
  return (await h.ok('payment:settlements', {})).find((s) => s.orderId === orderId);
}

async function openConfirms(h: PosHarness): Promise<string[]> {
  return (JSON.parse(await readFile(join(h.dataDir, 'open-work.json'), 'utf8')) as { confirms: string[] }).confirms;
}

/** Toss holds one charge of the sale's amount, and the order is on the books as paid with it. */
async function paidOnce(h: PosHarness, own: OwnSimulator, sale: Sale): Promise<void> {
  expect(await h.ok('sale:get', { orderId: sale.order.orderId })).toMatchObject({
    status: 'PAID',
    payment: { paymentKey: sale.paymentKey, totalAmount: sale.order.amount },
  });
  expect(atToss(own, sale.paymentKey)).toMatchObject({
    status: 'DONE',
    balanceAmount: sale.order.amount,
    cancels: null,
  });
  expect(own.sim.payments().filter((p) => p.orderId === sale.order.orderId && p.status === 'DONE')).toHaveLength(1);
}

/** The customer got the money back at Toss, and the books show no sale and why. */
async function compensated(h: PosHarness, own: OwnSimulator, sale: Sale): Promise<void> {
  const payment = atToss(own, sale.paymentKey);
  expect(payment).toMatchObject({ status: 'CANCELED', balanceAmount: 0 });
  expect(payment.cancels).toEqual([
    expect.objectContaining({ cancelAmount: sale.order.amount, cancelReason: COMPENSATION_REASON }),
  ]);
  const order = await h.ok('sale:get', { orderId: sale.order.orderId });
  expect(order).toMatchObject({ status: 'PENDING', payment: null });
  expect(order.attempts).toEqual([
    expect.objectContaining({
      paymentKey: sale.paymentKey,
      outcome: 'COMPENSATED',
      code: 'COMPENSATED',
      message: COMPENSATION_REASON,
    }),
  ]);
}

describe('a confirm answer that does not match the sale is cancelled at Toss, never recorded', () => {
  it('Toss approving another amount than the sale’s', async () => {
    const { own, h, logged } = await live();
    const sale = await ringUpAndPay(h, own);
    own.sim.faults.add({ route: 'confirm', fault: { kind: 'tamper', totalAmount: sale.order.amount - 1_000 } });
    expect(await h.fail('payment:confirm', sale.input)).toMatchObject({
      code: 'PAYMENT_COMPENSATED',
      message: 'payment approved but not recorded; cancelled at Toss',
      retryable: true,
    });
    await compensated(h, own, sale);
    const { orderId, amount } = sale.order;
    expect(logged).toContainEqual({
      level: 'error',
      message: 'approved payment could not be completed; cancelling at Toss',
      fields: {
        orderId,
        cause: new Error(`Toss approved ${orderId}/${amount - 1_000}, expected ${orderId}/${amount}`),
      },
    });
    expect(callsAbout(own, sale.paymentKey)).toEqual(['confirm', 'cancel']);
    expect(await openConfirms(h)).toEqual([]);
  });

  it('Toss answering the confirm with a status other than DONE', async () => {
    const { own, h } = await live();
    const sale = await ringUpAndPay(h, own);
    own.sim.faults.add({ route: 'confirm', fault: { kind: 'tamper', status: 'IN_PROGRESS' } });
    expect(await h.fail('payment:confirm', sale.input)).toMatchObject({ code: 'PAYMENT_COMPENSATED', retryable: true });
    await compensated(h, own, sale);
  });

  it('a confirm answered with another order’s payment is refused as not this order’s, and that payment is left alone', async () => {
    // Stands between the app and Toss: the next confirm is answered, unsent, with the payment given here.
    let answerNextConfirmWith: unknown = null;
    const between: typeof fetch = async (input, init) => {
      if (answerNextConfirmWith === null || !String(input).endsWith('/v1/payments/confirm')) return fetch(input, init);
      const body = JSON.stringify(answerNextConfirmWith);
      answerNextConfirmWith = null;
      return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    const { own, h } = await live({ fetch: between });
    const first = await ringUpAndPay(h, own);
    expect((await h.ok('payment:confirm', first.input)).status).toBe('PAID');
    const second = await ringUpAndPay(h, own);
    answerNextConfirmWith = atToss(own, first.paymentKey);

    expect(await h.fail('payment:confirm', second.input)).toMatchObject({
      code: 'PAYMENT_MISMATCH',
      message: `payment belongs to order ${first.order.orderId}`,
    });
    expect(await h.ok('sale:get', { orderId: second.order.orderId })).toMatchObject({
      status: 'PENDING',
      payment: null,
      attempts: [
        expect.objectContaining({ paymentKey: second.paymentKey, outcome: 'FAILED', code: 'PAYMENT_MISMATCH' }),
      ],
    });
    await paidOnce(h, own, first);
    expect(own.sim.requests().filter((r) => faultRouteOf(r.method, r.path) === 'cancel')).toEqual([]);
  });
});

describe('a compensating cancel that itself fails at Toss', () => {
  it('refused: the cashier is told the cancel failed, the order stays open, and the next round records the sale Toss really holds', async () => {
    const { own, h, logged } = await live();
    const sale = await ringUpAndPay(h, own);
    own.sim.faults.add({ route: 'confirm', fault: { kind: 'tamper', totalAmount: 1 } });
    own.sim.faults.add({ route: 'cancel', fault: { kind: 'answer', status: 500, processed: false } });
    expect(await h.fail('payment:confirm', sale.input)).toMatchObject({
      code: 'INTERNAL',
      message: 'payment approved but not recorded, and the automatic cancel failed',
      retryable: true,
    });
    expect(logged).toContainEqual({
      level: 'error',
      message: 'compensating cancel failed',
      fields: { orderId: sale.order.orderId, error: expect.objectContaining({ status: 500 }) },
    });
    expect(atToss(own, sale.paymentKey)).toMatchObject({
      status: 'DONE',
      balanceAmount: sale.order.amount,
      cancels: null,
    });
    expect((await h.ok('sale:get', { orderId: sale.order.orderId })).status).toBe('CONFIRMING');
    expect(await openConfirms(h)).toEqual([sale.order.orderId]);

    await h.core.settleNow();
    await paidOnce(h, own, sale);
    expect(await notice(h, sale.order.orderId)).toMatchObject({ state: 'PAID', problem: null, tries: 1 });
    expect(callsAbout(own, sale.paymentKey)).toEqual(['confirm', 'cancel', 'lookup']);
  });

  it('carried out but its answer lost: the next round finds the payment cancelled and settles the order as not paid', async () => {
    const { own, h } = await live();
    const sale = await ringUpAndPay(h, own);
    own.sim.faults.add({ route: 'confirm', fault: { kind: 'tamper', totalAmount: 1 } });
    own.sim.faults.add({ route: 'cancel', fault: { kind: 'reset', processed: true } });
    expect(await h.fail('payment:confirm', sale.input)).toMatchObject({ code: 'INTERNAL', retryable: true });
    expect((await h.ok('sale:get', { orderId: sale.order.orderId })).status).toBe('CONFIRMING');

    await h.core.settleNow();
    await compensated(h, own, sale);
    expect(await notice(h, sale.order.orderId)).toMatchObject({ state: 'NOT_PAID', problem: 'PAYMENT_COMPENSATED' });
    expect(await openConfirms(h)).toEqual([]);
  });
});

describe('a confirm answered 5xx, cut off or ALREADY_PROCESSED_PAYMENT: Toss is asked before anything else', () => {
  const afterApproval: [string, Fault][] = [
    ['500', { kind: 'answer', status: 500, processed: true }],
    ['503', { kind: 'answer', status: 503, code: 'FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING', processed: true }],
    ['502 with an HTML page', { kind: 'answer', status: 502, html: true, processed: true }],
    ['ALREADY_PROCESSED_PAYMENT', { kind: 'answer', status: 400, code: 'ALREADY_PROCESSED_PAYMENT', processed: true }],
    ['a dropped connection', { kind: 'reset', processed: true }],
    ['a cut-off body', { kind: 'malformed', processed: true }],
  ];

  it.each(afterApproval)(
    'Toss approved, then answered %s: the sale is recorded, charged once',
    async (_what, fault) => {
      const { own, h } = await live();
      const sale = await ringUpAndPay(h, own);
      own.sim.faults.add({ route: 'confirm', fault });
      const paid = await h.ok('payment:confirm', sale.input);
      expect(paid).toMatchObject({ status: 'PAID', attempts: [expect.objectContaining({ outcome: 'APPROVED' })] });
      await paidOnce(h, own, sale);
      expect(callsAbout(own, sale.paymentKey)).toEqual(['confirm', 'lookup']);
      expect(await openConfirms(h)).toEqual([]);
    },
  );

  it('Toss failed before approving (500): the order is payable again, and the same window then pays once', async () => {
    const { own, h } = await live();
    const sale = await ringUpAndPay(h, own);
    own.sim.faults.add({ route: 'confirm', fault: { kind: 'answer', status: 500, processed: false } });
    expect(await h.fail('payment:confirm', sale.input)).toMatchObject({
      code: 'PAYMENT_TEMPORARY_FAILURE',
      tossCode: 'FAILED_INTERNAL_SYSTEM_PROCESSING',
      retryable: true,
    });
    expect(callsAbout(own, sale.paymentKey)).toEqual(['confirm', 'lookup']);
    expect(await h.ok('sale:get', { orderId: sale.order.orderId })).toMatchObject({
      status: 'PENDING',
      attempts: [expect.objectContaining({ outcome: 'FAILED', code: 'FAILED_INTERNAL_SYSTEM_PROCESSING' })],
    });

    expect((await h.ok('payment:confirm', sale.input)).status).toBe('PAID');
    await paidOnce(h, own, sale);
  });

  it('IDEMPOTENT_REQUEST_PROCESSING: Toss is still at work, so the order stays CONFIRMING, unasked; the retry records the sale', async () => {
    const { own, h } = await live();
    const sale = await ringUpAndPay(h, own);
    own.sim.faults.add({
      route: 'confirm',
      fault: { kind: 'answer', status: 409, code: 'IDEMPOTENT_REQUEST_PROCESSING', processed: true },
    });
    expect(await h.fail('payment:confirm', sale.input)).toMatchObject({ code: 'TOSS_UNREACHABLE', retryable: true });
    expect((await h.ok('sale:get', { orderId: sale.order.orderId })).status).toBe('CONFIRMING');
    expect(callsAbout(own, sale.paymentKey)).toEqual(['confirm']);

    expect((await h.ok('payment:confirm', sale.input)).status).toBe('PAID');
    await paidOnce(h, own, sale);
    expect(callsAbout(own, sale.paymentKey)).toEqual(['confirm', 'lookup']);
  });

  it.each([
    ['REJECT_CARD_PAYMENT', CARD.rejectedAtConfirm, 'PAYMENT_DECLINED'],
    ['PROVIDER_ERROR', CARD.providerErrorAtConfirm, 'PAYMENT_TEMPORARY_FAILURE'],
  ])('a definite refusal (%s) is taken as it is, with no lookup', async (tossCode, card, code) => {
    const { own, h } = await live();
    const sale = await ringUpAndPay(h, own, card);
    expect(await h.fail('payment:confirm', sale.input)).toMatchObject({ code, tossCode, retryable: true });
    expect(callsAbout(own, sale.paymentKey)).toEqual(['confirm']);
    expect((await h.ok('sale:get', { orderId: sale.order.orderId })).status).toBe('PENDING');
  });

  it('FORBIDDEN_REQUEST for the order’s own payment is a configuration problem, not for retrying', async () => {
    const { own, h } = await live();
    const sale = await ringUpAndPay(h, own);
    own.sim.faults.add({
      route: 'confirm',
      fault: { kind: 'answer', status: 403, code: 'FORBIDDEN_REQUEST', processed: false },
    });
    expect(await h.fail('payment:confirm', sale.input)).toMatchObject({
      code: 'TOSS_CONFIGURATION',
      tossCode: 'FORBIDDEN_REQUEST',
      retryable: false,
    });
    expect(callsAbout(own, sale.paymentKey)).toEqual(['confirm', 'lookup']);
    expect((await h.ok('sale:get', { orderId: sale.order.orderId })).status).toBe('PENDING');
  });
});

describe('another order’s paymentKey, whatever Toss answers the confirm', () => {
  async function twoSales() {
    const { own, h, logged } = await live();
    const mine = await ringUpAndPay(h, own);
    const theirs = await ringUpAndPay(h, own);
    // A stale renderer sends the other order's paymentKey for this one.
    const input = { ...mine.input, paymentKey: theirs.paymentKey };
    const settledAsNotPaid = async () => {
      expect((await h.ok('sale:get', { orderId: mine.order.orderId })).status).toBe('PENDING');
      expect(atToss(own, theirs.paymentKey)).toMatchObject({ status: 'IN_PROGRESS', cancels: null });
    };
    return { own, h, logged, mine, theirs, input, settledAsNotPaid };
  }

  it.each<[string, Fault]>([
    ['FORBIDDEN_REQUEST', { kind: 'answer', status: 403, code: 'FORBIDDEN_REQUEST', processed: false }],
    ['a 500', { kind: 'answer', status: 500, processed: false }],
  ])('answered %s: Toss, asked, says whose it is', async (_what, fault) => {
    const t = await twoSales();
    t.own.sim.faults.add({ route: 'confirm', fault });
    expect(await t.h.fail('payment:confirm', t.input)).toMatchObject({
      code: 'PAYMENT_MISMATCH',
      message: `payment belongs to order ${t.theirs.order.orderId}`,
    });
    expect(callsAbout(t.own, t.theirs.paymentKey)).toEqual(['confirm', 'lookup']);
    await t.settledAsNotPaid();
  });

  it('no session, and Toss cannot be asked whose it is: taken as an expired payment, which the cashier can take again', async () => {
    const t = await twoSales();
    t.own.sim.faults.add({
      route: 'lookup',
      paymentKey: t.theirs.paymentKey,
      fault: { kind: 'reset', processed: false },
    });
    expect(await t.h.fail('payment:confirm', t.input)).toMatchObject({
      code: 'PAYMENT_EXPIRED',
      tossCode: 'NOT_FOUND_PAYMENT_SESSION',
      retryable: true,
    });
    await t.settledAsNotPaid();
    expect(t.logged).toContainEqual({
      level: 'warn',
      message: 'could not ask Toss whose payment this is',
      fields: { orderId: t.mine.order.orderId, lookupError: expect.objectContaining({ reason: 'network' }) },
    });
  });
});

describe('after a timeout or a dropped answer, Toss’s record settles the order on the spot', () => {
  it('Toss approved but answered after our timeout: the lookup finds it DONE and the sale is recorded at once', async () => {
    const { own, h } = await live({ tossTimeoutMs: 1_000 });
    const sale = await ringUpAndPay(h, own);
    own.sim.faults.add({ route: 'confirm', fault: { kind: 'latency', ms: 2_500 } });
    expect(await h.ok('payment:confirm', sale.input)).toMatchObject({ status: 'PAID' });
    await paidOnce(h, own, sale);
    expect(callsAbout(own, sale.paymentKey)).toEqual(['confirm', 'lookup']);
  });

  it('the card was refused and the answer lost: declined with Toss’s reason (ABORTED), and the order is payable again', async () => {
    const { own, h } = await live();
    const sale = await ringUpAndPay(h, own, CARD.rejectedAtConfirm);
    own.sim.faults.add({ route: 'confirm', fault: { kind: 'reset', processed: true } });
    const error = await h.fail('payment:confirm', sale.input);
    expect(error).toEqual<PosErrorData>({
      code: 'PAYMENT_DECLINED',
      tossCode: 'REJECT_CARD_PAYMENT',
      message: tossError('REJECT_CARD_PAYMENT').body.message,
      retryable: true,
    });
    expect(await h.ok('sale:get', { orderId: sale.order.orderId })).toMatchObject({
      status: 'PENDING',
      attempts: [expect.objectContaining({ outcome: 'FAILED', code: 'REJECT_CARD_PAYMENT' })],
    });
    expect(await openConfirms(h)).toEqual([]);
  });

  it.each<[PaymentStatus, string]>([
    ['EXPIRED', 'PAYMENT_EXPIRED'],
    ['CANCELED', 'PAYMENT_DECLINED'],
    ['PARTIAL_CANCELED', 'PAYMENT_DECLINED'],
  ])(
    'the answer lost and Toss says %s: the order is settled as not paid (%s), not left unreachable',
    async (status, code) => {
      const { own, h } = await live();
      const sale = await ringUpAndPay(h, own);
      own.sim.faults.add({ route: 'confirm', fault: { kind: 'reset', processed: false } });
      own.sim.faults.add({ route: 'lookup', fault: { kind: 'tamper', status } });
      expect(await h.fail('payment:confirm', sale.input)).toMatchObject({ code, tossCode: status, retryable: true });
      expect(await h.ok('sale:get', { orderId: sale.order.orderId })).toMatchObject({
        status: 'PENDING',
        attempts: [expect.objectContaining({ outcome: 'FAILED', code: status })],
      });
    },
  );

  it('the answer lost and Toss still working on it (IN_PROGRESS) or not answering: unknown, the order stays open', async () => {
    const { own, h } = await live();
    const sale = await ringUpAndPay(h, own);
    own.sim.faults.add({ route: 'confirm', fault: { kind: 'reset', processed: false } });
    expect(await h.fail('payment:confirm', sale.input)).toMatchObject({
      code: 'TOSS_UNREACHABLE',
      message: 'confirm outcome unknown: Toss did not answer (network)',
      retryable: true,
    });
    expect(await openConfirms(h)).toEqual([sale.order.orderId]);
    // Asked again while Toss answers lookups with errors: still unknown, never settled blindly.
    own.sim.faults.add({ route: 'lookup', fault: { kind: 'answer', status: 500, processed: false } });
    expect(await h.fail('payment:confirm', sale.input)).toMatchObject({ code: 'TOSS_UNREACHABLE', retryable: true });
    expect((await h.ok('sale:get', { orderId: sale.order.orderId })).status).toBe('CONFIRMING');
    expect(confirmRequests(own.sim)).toHaveLength(1);
  });
});

describe('an open confirm asked about again', () => {
  it.each<[PaymentStatus, string, string]>([
    ['ABORTED', 'PAYMENT_DECLINED', 'FAILED'],
    ['WAITING_FOR_DEPOSIT', 'PAYMENT_DECLINED', 'FAILED'],
    ['CANCELED', 'PAYMENT_COMPENSATED', 'COMPENSATED'],
    ['PARTIAL_CANCELED', 'PAYMENT_COMPENSATED', 'COMPENSATED'],
  ])('Toss says %s: the cashier’s retry settles it as %s', async (status, code, outcome) => {
    const { own, h } = await live();
    const sale = await ringUpAndPay(h, own);
    await leftUnsettled(h, own, sale);
    own.sim.faults.add({ route: 'lookup', fault: { kind: 'tamper', status } });
    expect(await h.fail('payment:confirm', sale.input)).toMatchObject({
      code,
      message: code === 'PAYMENT_COMPENSATED' ? 'payment was cancelled at Toss before it was recorded' : status,
      retryable: true,
    });
    expect(await h.ok('sale:get', { orderId: sale.order.orderId })).toMatchObject({
      status: 'PENDING',
      attempts: [expect.objectContaining({ outcome })],
    });
    expect(await openConfirms(h)).toEqual([]);
  });

  it('Toss says READY: the confirm is sent again and the sale recorded', async () => {
    const { own, h } = await live();
    const sale = await ringUpAndPay(h, own);
    await leftUnsettled(h, own, sale);
    own.sim.faults.add({ route: 'lookup', fault: { kind: 'tamper', status: 'READY' } });
    expect((await h.ok('payment:confirm', sale.input)).status).toBe('PAID');
    await paidOnce(h, own, sale);
    expect(callsAbout(own, sale.paymentKey)).toEqual(['confirm', 'lookup', 'lookup', 'confirm']);
  });

  it('a paymentKey Toss never issued (404 on the lookup) settles the order at the next start, shown as not paid', async () => {
    const own = await startOwnSimulator();
    const offline = await withLiveCore(own, { apiBase: await closedPortUrl(), settleTiming: BY_HAND });
    const order = await offline.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
    expect(
      await offline.fail('payment:confirm', {
        orderId: order.orderId,
        paymentKey: 'tsim_never_issued',
        amount: order.amount,
      }),
    ).toMatchObject({ code: 'TOSS_UNREACHABLE' });
    await offline.close();

    const { h } = await live({ dataDir: offline.dataDir }, own);
    await h.core.settled;
    expect(await h.ok('sale:get', { orderId: order.orderId })).toMatchObject({
      status: 'PENDING',
      attempts: [expect.objectContaining({ outcome: 'FAILED', code: 'NOT_FOUND_PAYMENT' })],
    });
    expect(await notice(h, order.orderId)).toMatchObject({
      state: 'NOT_PAID',
      problem: 'PAYMENT_DECLINED',
      tries: 1,
      nextTryAt: null,
    });
    expect(await openConfirms(h)).toEqual([]);
  });

  it('another order’s paymentKey left open settles at the next start as not this order’s, and that payment is never confirmed', async () => {
    const own = await startOwnSimulator();
    const offline = await withLiveCore(own, { apiBase: await closedPortUrl(), settleTiming: BY_HAND });
    const theirs = await ringUpAndPay(offline, own);
    const mine = await offline.ok('sale:create', { lines: [{ productId: 'americano', quantity: 2 }] });
    expect(
      (
        await offline.fail('payment:confirm', {
          orderId: mine.orderId,
          paymentKey: theirs.paymentKey,
          amount: mine.amount,
        })
      ).code,
    ).toBe('TOSS_UNREACHABLE');
    await offline.close();

    const { h } = await live({ dataDir: offline.dataDir }, own);
    await h.core.settled;
    expect(await notice(h, mine.orderId)).toMatchObject({ state: 'NOT_PAID', problem: 'PAYMENT_MISMATCH' });
    expect((await h.ok('sale:get', { orderId: mine.orderId })).status).toBe('PENDING');
    expect(atToss(own, theirs.paymentKey)).toMatchObject({ status: 'IN_PROGRESS' });
    expect(confirmRequests(own.sim)).toEqual([]);
  });
});

describe('paying again while an earlier attempt is unsettled', () => {
  it('in a new window while Toss cannot say how the first ended: the new payment is not sent, so the customer cannot pay twice', async () => {
    const { own, h, logged } = await live();
    const first = await ringUpAndPay(h, own);
    await leftUnsettled(h, own, first);
    expect(logged).toContainEqual({
      level: 'warn',
      message: 'confirm outcome unknown',
      fields: {
        orderId: first.order.orderId,
        error: expect.objectContaining({ reason: 'network' }),
        lookupError: expect.objectContaining({ reason: 'network' }),
      },
    });
    const secondKey = await payWindow(own.sim, own.clientKey, first.order, CARD.approves);
    own.sim.faults.add({ route: 'lookup', paymentKey: first.paymentKey, fault: { kind: 'reset', processed: false } });

    expect(await h.fail('payment:confirm', { ...first.input, paymentKey: secondKey })).toMatchObject({
      code: 'TOSS_UNREACHABLE',
      retryable: true,
    });
    expect(callsAbout(own, secondKey)).toEqual([]);
    expect((await h.ok('sale:get', { orderId: first.order.orderId })).attempts).toEqual([
      expect.objectContaining({ paymentKey: first.paymentKey, outcome: 'CONFIRMING' }),
    ]);

    // Toss answers again: the first payment, still open at Toss, is the one confirmed; the second is never charged.
    expect(await h.ok('payment:confirm', { ...first.input, paymentKey: secondKey })).toMatchObject({
      status: 'PAID',
      payment: { paymentKey: first.paymentKey },
    });
    await paidOnce(h, own, first);
    expect(atToss(own, secondKey)).toMatchObject({ status: 'IN_PROGRESS' });
  });

  it('in a new window after the first expired at Toss: the first is closed as failed and the new one pays', async () => {
    let clock = new Date('2026-03-02T03:00:00Z');
    const own = await startOwnSimulator({ now: () => clock });
    const { h } = await live({ now: () => clock }, own);
    const first = await ringUpAndPay(h, own);
    await leftUnsettled(h, own, first);
    clock = new Date(clock.getTime() + 11 * 60_000);
    const second = { ...first, paymentKey: await payWindow(own.sim, own.clientKey, first.order, CARD.approves) };
    second.input = { ...first.input, paymentKey: second.paymentKey };

    const paid = await h.ok('payment:confirm', second.input);
    expect(paid.attempts).toEqual([
      expect.objectContaining({ paymentKey: first.paymentKey, outcome: 'FAILED', code: 'EXPIRED_PAYMENT' }),
      expect.objectContaining({ paymentKey: second.paymentKey, outcome: 'APPROVED' }),
    ]);
    await paidOnce(h, own, second);
    expect(atToss(own, first.paymentKey)).toMatchObject({ status: 'EXPIRED' });
  });

  it('the same window again after its lost answer turns out a refusal: told so, and the refused payment is not sent again', async () => {
    const { own, h } = await live();
    const sale = await ringUpAndPay(h, own, CARD.rejectedAtConfirm);
    await leftUnsettled(h, own, sale, true);
    expect(await h.fail('payment:confirm', sale.input)).toMatchObject({
      code: 'PAYMENT_DECLINED',
      tossCode: 'REJECT_CARD_PAYMENT',
      retryable: true,
    });
    expect(callsAbout(own, sale.paymentKey)).toEqual(['confirm', 'lookup', 'lookup']);
    expect((await h.ok('sale:get', { orderId: sale.order.orderId })).attempts).toEqual([
      expect.objectContaining({ outcome: 'FAILED', code: 'REJECT_CARD_PAYMENT' }),
    ]);
  });
});

describe('what is kept of payments that are not by card', () => {
  it('a payment with no card (a transfer) is recorded with its method and no card details', async () => {
    const { own, h } = await live();
    const sale = await ringUpAndPay(h, own);
    own.sim.faults.add({ route: 'confirm', fault: { kind: 'tamper', method: '계좌이체', dropCard: true } });
    const paid = await h.ok('payment:confirm', sale.input);
    expect(paid).toMatchObject({ status: 'PAID' });
    expect(paid.payment).toMatchObject({
      paymentKey: sale.paymentKey,
      method: '계좌이체',
      totalAmount: sale.order.amount,
      cardNumber: null,
      approveNo: null,
      cardType: null,
      installmentPlanMonths: null,
      receiptUrl: `${own.sim.origin}/receipt/${sale.paymentKey}`,
    });
    await paidOnce(h, own, sale);
  });

  it('a card approval on instalments with no receipt link yet keeps the months and no link', async () => {
    // Toss's answer as a card on 3 months with no receipt yet: a shape the simulator does not send by itself.
    const reshaped: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!String(input).endsWith('/v1/payments/confirm') || !response.ok) return response;
      const payment = (await response.json()) as { card: Record<string, unknown> };
      return new Response(
        JSON.stringify({ ...payment, receipt: null, card: { ...payment.card, installmentPlanMonths: 3 } }),
        { status: 200, headers: { 'Content-Type': 'application/json' } },
      );
    };
    const { own, h } = await live({ fetch: reshaped });
    const sale = await ringUpAndPay(h, own);
    expect((await h.ok('payment:confirm', sale.input)).payment).toMatchObject({
      method: '카드',
      installmentPlanMonths: 3,
      receiptUrl: null,
      cardType: '신용',
      issuerCode: '4V',
    });
  });
});

describe('the background settler and the register’s notice', () => {
  it('leaves alone a confirm the cashier is waiting on: no notice for it, and Toss is asked once', async () => {
    const { own, h } = await live();
    const sale = await ringUpAndPay(h, own);
    own.sim.faults.add({ route: 'confirm', fault: { kind: 'latency', ms: 1_500 } });
    const confirming = h.ok('payment:confirm', sale.input);
    await expect.poll(() => confirmRequests(own.sim).length).toBe(1);
    await h.core.settleNow();
    expect((await confirming).status).toBe('PAID');
    await h.core.settleNow();
    expect(await h.ok('payment:settlements', {})).toEqual([]);
    expect(callsAbout(own, sale.paymentKey)).toEqual(['confirm']);
  });

  it('a paid order still listed as open (its crossing-off failed on disk) is checked with Toss, stays paid and leaves the list, with no notice', async () => {
    let refuseCrossingOff = false;
    const disk = faultyIo(
      (path, text) => refuseCrossingOff && path.endsWith('open-work.json') && /"confirms":\s*\[\s*\]/.test(text),
    );
    const { own, h, logged } = await live({ io: disk.io });
    const sale = await ringUpAndPay(h, own);
    refuseCrossingOff = true;
    expect((await h.ok('payment:confirm', sale.input)).status).toBe('PAID');
    expect(disk.failures()).toBe(1);
    expect(logged).toContainEqual({
      level: 'warn',
      message: 'open confirm not crossed off yet',
      fields: { orderId: sale.order.orderId, error: expect.objectContaining({ code: 'ENOSPC' }) },
    });
    expect(await openConfirms(h)).toEqual([sale.order.orderId]);

    refuseCrossingOff = false;
    await h.core.settleNow();
    expect(await openConfirms(h)).toEqual([]);
    expect(await h.ok('payment:settlements', {})).toEqual([]);
    expect(callsAbout(own, sale.paymentKey)).toEqual(['confirm', 'lookup']);
    await paidOnce(h, own, sale);
  });

  it.each<[string, string, string, (orderId: string) => LogEntry]>([
    [
      'approved',
      CARD.approves,
      'PAID',
      (orderId) => ({ level: 'warn', message: 'order still unsettled', fields: { orderId, problem: 'INTERNAL' } }),
    ],
    [
      'declined',
      CARD.rejectedAtConfirm,
      'PENDING',
      () => ({
        level: 'warn',
        message: 'settling did not finish',
        fields: { job: 'confirms', error: expect.objectContaining({ code: 'ENOSPC' }) },
      }),
    ],
  ])(
    'settled in the background (%s) while the disk refuses to cross it off: on the books at once, crossed off by a later round, and the log says why',
    async (_what, card, status, why) => {
      let refuseCrossingOff = false;
      const disk = faultyIo(
        (path, text) => refuseCrossingOff && path.endsWith('open-work.json') && /"confirms":\s*\[\s*\]/.test(text),
      );
      const { own, h, logged } = await live({ io: disk.io });
      const sale = await ringUpAndPay(h, own, card);
      await leftUnsettled(h, own, sale, true);
      refuseCrossingOff = true;

      await h.core.settleNow();
      expect((await h.ok('sale:get', { orderId: sale.order.orderId })).status).toBe(status);
      expect(await openConfirms(h)).toEqual([sale.order.orderId]);
      expect(logged).toContainEqual(why(sale.order.orderId));

      refuseCrossingOff = false;
      await h.core.settleNow();
      expect(await openConfirms(h)).toEqual([]);
      expect((await h.ok('sale:get', { orderId: sale.order.orderId })).status).toBe(status);
    },
  );

  it('while Toss is being asked, the notice shows the try under way and no next try yet', async () => {
    const { own, h } = await live({ tossTimeoutMs: 10_000 });
    const sale = await ringUpAndPay(h, own);
    await leftUnsettled(h, own, sale);
    own.sim.faults.add({ route: 'lookup', fault: { kind: 'latency', ms: 2_000 } });
    const round = h.core.settleNow();
    await expect.poll(async () => (await notice(h, sale.order.orderId))?.state).toBe('SETTLING');
    expect(await notice(h, sale.order.orderId)).toMatchObject({ tries: 1, problem: null, nextTryAt: null });
    await round;
    expect(await notice(h, sale.order.orderId)).toMatchObject({ state: 'PAID', nextTryAt: null });
  });

  it('counts each try, says when the next is due while Toss stays silent, and keeps an open payment on the notice when dismissed', async () => {
    const { own, h, logged } = await live();
    const sale = await ringUpAndPay(h, own);
    await leftUnsettled(h, own, sale);
    own.sim.faults.add({ route: 'lookup', times: 2, fault: { kind: 'reset', processed: false } });
    await h.core.settleNow();
    await h.core.settleNow();
    const settling = await notice(h, sale.order.orderId);
    expect(settling).toMatchObject({
      state: 'SETTLING',
      problem: 'TOSS_UNREACHABLE',
      tries: 2,
      amount: sale.order.amount,
      orderName: sale.order.orderName,
      nextTryAt: expect.any(String),
    });
    expect(settling?.startedAt).toBe((await h.ok('sale:get', { orderId: sale.order.orderId })).attempts[0]?.startedAt);
    expect(await h.ok('payment:dismiss-settlement', { orderId: sale.order.orderId })).toEqual([settling]);
    expect(logged).toContainEqual({
      level: 'warn',
      message: 'order still unsettled',
      fields: { orderId: sale.order.orderId, problem: 'TOSS_UNREACHABLE' },
    });

    await h.core.settleNow();
    expect(await notice(h, sale.order.orderId)).toMatchObject({
      state: 'PAID',
      problem: null,
      tries: 3,
      nextTryAt: null,
    });
    expect(logged).toContainEqual({
      level: 'info',
      message: 'settled an open confirm',
      fields: { orderId: sale.order.orderId, status: 'PAID' },
    });
    await paidOnce(h, own, sale);
    expect(await h.ok('payment:dismiss-settlement', { orderId: sale.order.orderId })).toEqual([]);
  });
});

describe('an order its discounts made free', () => {
  async function freeOrder(h: PosHarness) {
    const [code = ''] = await issueCoupons(h, {
      name: '무료 음료',
      benefit: { type: 'percent', percent: 100, maxDiscount: 10_000 },
    });
    const order = await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }], couponCode: code });
    expect(order.amount).toBe(0);
    return { order, code };
  }

  it('is paid once: asked again, it answers the paid order as it was', async () => {
    let clock = new Date('2026-03-02T03:00:00Z');
    const h = await withCore({ now: () => clock });
    const { order } = await freeOrder(h);
    const paid = await h.ok('payment:complete-free', { orderId: order.orderId });
    expect(paid).toMatchObject({ status: 'PAID', callNumber: 1, updatedAt: '2026-03-02T12:00:00+09:00' });
    clock = new Date(clock.getTime() + 60_000);
    expect(await h.ok('payment:complete-free', { orderId: order.orderId })).toEqual(paid);
  });

  it('given up, it cannot be paid; an order main never created is not found', async () => {
    const h = await withCore();
    const { order, code } = await freeOrder(h);
    expect((await h.ok('sale:abandon', { orderId: order.orderId }))?.status).toBe('ABANDONED');
    expect(await h.fail('payment:complete-free', { orderId: order.orderId })).toMatchObject({
      code: 'ORDER_ABANDONED',
      message: `order ${order.orderId} was given up`,
    });
    expect((await couponRow(h, code)).state).not.toBe('used');
    const missing = newOrderId(seoulDay(new Date()));
    expect(await h.fail('payment:complete-free', { orderId: missing })).toMatchObject({
      code: 'ORDER_NOT_FOUND',
      message: `no order ${missing}`,
    });
    const priced = await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
    expect(await h.fail('payment:complete-free', { orderId: priced.orderId })).toMatchObject({
      code: 'AMOUNT_MISMATCH',
      message: `order ${priced.orderId} costs 4500 won`,
    });
  });

  it('once paid, a payment window’s confirm for it is refused as already paid', async () => {
    const h = await withCore();
    const { order } = await freeOrder(h);
    await h.ok('payment:complete-free', { orderId: order.orderId });
    expect(
      await h.fail('payment:confirm', { orderId: order.orderId, paymentKey: 'tsim_late_window', amount: 0 }),
    ).toMatchObject({
      code: 'ORDER_ALREADY_PAID',
      message: `order ${order.orderId} is already paid`,
    });
  });

  it('rung up in training, it is neither paid free nor confirmed once the register runs live: the live books do not hold it', async () => {
    const training = await withCore();
    const { order } = await freeOrder(training);
    const card = await training.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
    await training.close();

    const { h } = await live({ dataDir: training.dataDir });
    expect(await h.fail('payment:complete-free', { orderId: order.orderId })).toMatchObject({
      code: 'ORDER_NOT_FOUND',
      message: `no order ${order.orderId}`,
    });
    expect(
      await h.fail('payment:confirm', { orderId: card.orderId, paymentKey: 'tsim_any', amount: card.amount }),
    ).toMatchObject({ code: 'ORDER_NOT_FOUND', message: `no order ${card.orderId}` });
    expect(await h.fail('sale:get', { orderId: order.orderId })).toMatchObject({ code: 'ORDER_NOT_FOUND' });

    // And back: an order rung up live is not confirmed by the training register, and the training order is as it was.
    const liveSale = await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
    await h.close();
    const again = await withCore({ dataDir: training.dataDir });
    expect(
      await again.fail('payment:confirm', {
        orderId: liveSale.orderId,
        paymentKey: 'tsim_any',
        amount: liveSale.amount,
      }),
    ).toMatchObject({ code: 'ORDER_NOT_FOUND' });
    expect((await again.ok('sale:get', { orderId: order.orderId })).status).toBe('PENDING');
  });

  it('in a folder from before training had books of its own, a training order an older version wrote into the live journal is neither paid free nor confirmed live, and says why', async () => {
    const training = await withCore();
    const { order } = await freeOrder(training);
    const card = await training.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
    await training.close();
    // The older layout: training orders in the same journals as the live ones.
    const day = `${seoulDay(new Date())}.jsonl`;
    await mkdir(join(training.dataDir, 'orders'), { recursive: true });
    await writeFile(
      join(training.dataDir, 'orders', day),
      await readFile(join(training.booksDir, 'orders', day), 'utf8'),
    );
    await rm(join(training.booksDir, 'orders'), { recursive: true });

    const { h } = await live({ dataDir: training.dataDir });
    expect(await h.fail('payment:complete-free', { orderId: order.orderId })).toMatchObject({
      code: 'ORDER_WRONG_MODE',
      message: `order ${order.orderId} was rung up in the other mode`,
    });
    expect(
      await h.fail('payment:confirm', { orderId: card.orderId, paymentKey: 'tsim_any', amount: card.amount }),
    ).toMatchObject({
      code: 'ORDER_WRONG_MODE',
      message: `order ${card.orderId} was rung up in training mode`,
    });
    expect((await h.ok('sale:get', { orderId: order.orderId })).status).toBe('PENDING');
  });
});

describe('a confirm main refuses before asking Toss', () => {
  it('an unknown order, a wrong amount, an order given up: each says which, and Toss is never called', async () => {
    const { own, h } = await live();
    const missing = newOrderId(seoulDay(new Date()));
    expect(await h.fail('payment:confirm', { orderId: missing, paymentKey: 'tsim_any', amount: 4_500 })).toMatchObject({
      code: 'ORDER_NOT_FOUND',
      message: `no order ${missing}`,
    });
    const sale = await ringUpAndPay(h, own);
    expect(await h.fail('payment:confirm', { ...sale.input, amount: 100 })).toMatchObject({
      code: 'AMOUNT_MISMATCH',
      message: `amount 100 does not match order amount ${sale.order.amount}`,
    });
    await h.ok('sale:abandon', { orderId: sale.order.orderId });
    expect(await h.fail('payment:confirm', sale.input)).toMatchObject({
      code: 'ORDER_ABANDONED',
      message: `order ${sale.order.orderId} was given up`,
    });
    expect(own.sim.requests()).toEqual([]);
  });

  it('a window compensated once is refused before Toss could replay its approval; another window opened before it still pays', async () => {
    const { own, h } = await live();
    const first = await ringUpAndPay(h, own);
    // The buyer opened a second window before the first was confirmed: both are authorized at Toss.
    const secondKey = await payWindow(own.sim, own.clientKey, first.order, CARD.approves);
    own.sim.faults.add({ route: 'confirm', fault: { kind: 'tamper', totalAmount: 1 } });
    expect((await h.fail('payment:confirm', first.input)).code).toBe('PAYMENT_COMPENSATED');

    expect(await h.fail('payment:confirm', first.input)).toMatchObject({
      code: 'PAYMENT_COMPENSATED',
      message: `payment ${first.paymentKey} was already cancelled at Toss`,
      retryable: true,
    });
    expect(callsAbout(own, first.paymentKey)).toEqual(['confirm', 'cancel']);
    expect(await h.ok('payment:confirm', { ...first.input, paymentKey: secondKey })).toMatchObject({
      status: 'PAID',
      payment: { paymentKey: secondKey },
    });
    expect(atToss(own, first.paymentKey).status).toBe('CANCELED');
  });
});

describe('when the disk refuses what the payment must record', () => {
  it('a decline it could not write down: the cashier is told it was declined, and the next round records it', async () => {
    let refuse = true;
    const disk = faultyIo((_path, text) => refuse && /"outcome":\s*"FAILED"/.test(text));
    const { own, h, logged } = await live({ io: disk.io });
    const sale = await ringUpAndPay(h, own, CARD.rejectedAtConfirm);
    expect(await h.fail('payment:confirm', sale.input)).toMatchObject({
      code: 'PAYMENT_DECLINED',
      tossCode: 'REJECT_CARD_PAYMENT',
      retryable: true,
    });
    expect(disk.failures()).toBe(1);
    expect(logged).toContainEqual({
      level: 'error',
      message: 'could not record a failed confirm',
      fields: { orderId: sale.order.orderId, error: expect.objectContaining({ code: 'ENOSPC' }) },
    });
    expect((await h.ok('sale:get', { orderId: sale.order.orderId })).status).toBe('CONFIRMING');

    refuse = false;
    await h.core.settleNow();
    expect(await h.ok('sale:get', { orderId: sale.order.orderId })).toMatchObject({
      status: 'PENDING',
      attempts: [expect.objectContaining({ outcome: 'FAILED', code: 'REJECT_CARD_PAYMENT' })],
    });
    expect(await notice(h, sale.order.orderId)).toMatchObject({ state: 'NOT_PAID', problem: 'PAYMENT_DECLINED' });
  });

  it('a compensation it could not write down: the customer is refunded, the operator is told, and the next round settles the order', async () => {
    let refuse = true;
    const disk = faultyIo(
      (_path, text) => refuse && (/"status":\s*"PAID"/.test(text) || /"outcome":\s*"COMPENSATED"/.test(text)),
    );
    const { own, h, logged } = await live({ io: disk.io });
    const sale = await ringUpAndPay(h, own);
    expect(await h.fail('payment:confirm', sale.input)).toMatchObject({ code: 'PAYMENT_COMPENSATED', retryable: true });
    expect(logged).toContainEqual({
      level: 'error',
      message: 'could not record the compensation',
      fields: { orderId: sale.order.orderId, error: expect.objectContaining({ code: 'ENOSPC' }) },
    });
    expect((await h.ok('sale:get', { orderId: sale.order.orderId })).status).toBe('CONFIRMING');

    refuse = false;
    await h.core.settleNow();
    await compensated(h, own, sale);
    expect(await notice(h, sale.order.orderId)).toMatchObject({ state: 'NOT_PAID', problem: 'PAYMENT_COMPENSATED' });
  });

  it('a paid sale whose coupon could not be marked used is still paid; the operator is told', async () => {
    const disk = faultyIo((path, text) => path.endsWith('issued.jsonl') && text.includes('"used"'));
    const { own, h, logged } = await live({ io: disk.io });
    const [code = ''] = await issueCoupons(h);
    const order = await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 2 }], couponCode: code });
    const paymentKey = await payWindow(own.sim, own.clientKey, order, CARD.approves);
    expect((await h.ok('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount })).status).toBe(
      'PAID',
    );
    expect(disk.failures()).toBeGreaterThanOrEqual(1);
    expect(logged).toContainEqual({
      level: 'warn',
      message: 'coupons could not follow the order yet',
      fields: { orderId: order.orderId, error: expect.anything() },
    });
  });
});

describe('what start-up finds on the open-work list', () => {
  it('a confirm left open by an app from before the list of open confirms is found in the recent journals and settled', async () => {
    const own = await startOwnSimulator();
    const offline = await withLiveCore(own, { apiBase: await closedPortUrl(), settleTiming: BY_HAND });
    const sale = await ringUpAndPay(offline, own);
    expect((await offline.fail('payment:confirm', sale.input)).code).toBe('TOSS_UNREACHABLE');
    await offline.close();
    await writeFile(join(offline.dataDir, 'open-work.json'), JSON.stringify({ refunds: [] }));

    const { h } = await live({ dataDir: offline.dataDir }, own);
    await h.core.settled;
    await paidOnce(h, own, sale);
    expect(await notice(h, sale.order.orderId)).toMatchObject({ state: 'PAID' });
  });

  it('an order the journals do not hold is crossed off, with no notice and nothing asked of Toss', async () => {
    const own = await startOwnSimulator();
    const dataDir = await tempDir('open-work');
    const ghost = newOrderId(seoulDay(new Date()));
    await writeFile(join(dataDir, 'open-work.json'), JSON.stringify({ confirms: [ghost], refunds: [] }));
    const { h, logged } = await live({ dataDir }, own);
    await h.core.settled;
    expect(await openConfirms(h)).toEqual([]);
    expect(await h.ok('payment:settlements', {})).toEqual([]);
    expect(own.sim.requests()).toEqual([]);
    expect(logged).toContainEqual({
      level: 'info',
      message: 'settled an open confirm',
      fields: { orderId: ghost, status: undefined },
    });
  });

  it('an order still listed that is simply waiting for payment is crossed off as it stands, with nothing asked of Toss', async () => {
    const own = await startOwnSimulator();
    const first = await live({}, own);
    const order = await first.h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
    await first.h.close();
    await writeFile(
      join(first.h.dataDir, 'open-work.json'),
      JSON.stringify({ confirms: [order.orderId], refunds: [] }),
    );

    const { h, logged } = await live({ dataDir: first.h.dataDir }, own);
    await h.core.settled;
    expect((await h.ok('sale:get', { orderId: order.orderId })).status).toBe('PENDING');
    expect(await openConfirms(h)).toEqual([]);
    expect(own.sim.requests()).toEqual([]);
    expect(logged).toContainEqual({
      level: 'info',
      message: 'settled an open confirm',
      fields: { orderId: order.orderId, status: 'PENDING' },
    });
  });

  it('a refunded sale still listed is left to its refunds: its payment is not looked up again', async () => {
    const own = await startOwnSimulator();
    const first = await live({}, own);
    const sale = await ringUpAndPay(first.h, own);
    expect((await first.h.ok('payment:confirm', sale.input)).status).toBe('PAID');
    await asManager(first.h);
    await first.h.ok('refund:create', {
      orderId: sale.order.orderId,
      request: { kind: 'amount', amount: 1_000 },
      reason: '고객 요청',
    });
    await first.h.close();
    await writeFile(
      join(first.h.dataDir, 'open-work.json'),
      JSON.stringify({ confirms: [sale.order.orderId], refunds: [] }),
    );
    const before = callsAbout(own, sale.paymentKey);

    const { h } = await live({ dataDir: first.h.dataDir }, own);
    await h.core.settled;
    expect((await h.ok('sale:get', { orderId: sale.order.orderId })).status).toBe('PAID');
    expect(await openConfirms(h)).toEqual([]);
    expect(callsAbout(own, sale.paymentKey)).toEqual(before);
  });

  it('a free sale still listed is not asked about: there is no payment at Toss', async () => {
    const own = await startOwnSimulator();
    const first = await live({}, own);
    const [code = ''] = await issueCoupons(first.h, {
      benefit: { type: 'percent', percent: 100, maxDiscount: 10_000 },
    });
    const order = await first.h.ok('sale:create', {
      lines: [{ productId: 'americano', quantity: 1 }],
      couponCode: code,
    });
    expect((await first.h.ok('payment:complete-free', { orderId: order.orderId })).status).toBe('PAID');
    await first.h.close();
    await writeFile(
      join(first.h.dataDir, 'open-work.json'),
      JSON.stringify({ confirms: [order.orderId], refunds: [] }),
    );

    const { h } = await live({ dataDir: first.h.dataDir }, own);
    await h.core.settled;
    expect((await h.ok('sale:get', { orderId: order.orderId })).status).toBe('PAID');
    expect(await openConfirms(h)).toEqual([]);
    expect(own.sim.requests()).toEqual([]);
  });

  it('a paid sale still listed that Toss shows cancelled for another reason (not our compensation) stays on the books', async () => {
    const own = await startOwnSimulator();
    const first = await live({}, own);
    const sale = await ringUpAndPay(first.h, own);
    expect((await first.h.ok('payment:confirm', sale.input)).status).toBe('PAID');
    await first.h.close();
    await own.toss.cancel(sale.paymentKey, { cancelReason: '고객 요청' }, 'cancelled-in-the-dashboard');
    await writeFile(
      join(first.h.dataDir, 'open-work.json'),
      JSON.stringify({ confirms: [sale.order.orderId], refunds: [] }),
    );

    const { h } = await live({ dataDir: first.h.dataDir }, own);
    await h.core.settled;
    expect(await h.ok('sale:get', { orderId: sale.order.orderId })).toMatchObject({
      status: 'PAID',
      payment: { paymentKey: sale.paymentKey },
    });
    expect(await openConfirms(h)).toEqual([]);
  });

  it('a paid coupon sale still listed that Toss shows cancelled by our compensation is taken off the books as given up', async () => {
    const own = await startOwnSimulator();
    const first = await live({}, own);
    const [code = ''] = await issueCoupons(first.h);
    const order = await first.h.ok('sale:create', {
      lines: [{ productId: 'americano', quantity: 2 }],
      couponCode: code,
    });
    const sale = { order, paymentKey: await payWindow(own.sim, own.clientKey, order, CARD.approves) };
    expect(
      (
        await first.h.ok('payment:confirm', {
          orderId: order.orderId,
          paymentKey: sale.paymentKey,
          amount: order.amount,
        })
      ).status,
    ).toBe('PAID');
    await first.h.close();
    // What a crash leaves when the PAID line could not be taken back after the compensating cancel.
    await own.toss.cancel(sale.paymentKey, { cancelReason: COMPENSATION_REASON }, 'compensated-before-the-crash');
    await writeFile(
      join(first.h.dataDir, 'open-work.json'),
      JSON.stringify({ confirms: [order.orderId], refunds: [] }),
    );

    const { h, logged } = await live({ dataDir: first.h.dataDir }, own);
    await h.core.settled;
    expect(await h.ok('sale:get', { orderId: order.orderId })).toMatchObject({
      status: 'ABANDONED',
      payment: null,
      attempts: [
        expect.objectContaining({
          paymentKey: sale.paymentKey,
          outcome: 'COMPENSATED',
          code: 'COMPENSATED',
          message: COMPENSATION_REASON,
          endedAt: expect.any(String),
        }),
      ],
    });
    expect(logged).toContainEqual({
      level: 'error',
      message: 'a sale on the books was cancelled at Toss by compensation; taking it off',
      fields: { orderId: order.orderId },
    });
  });

  it('a paid sale still listed that Toss cannot be asked about at start stays listed, and is checked once Toss answers', async () => {
    const own = await startOwnSimulator();
    const first = await live({}, own);
    const sale = await ringUpAndPay(first.h, own);
    expect((await first.h.ok('payment:confirm', sale.input)).status).toBe('PAID');
    await first.h.close();
    await own.toss.cancel(sale.paymentKey, { cancelReason: COMPENSATION_REASON }, 'compensated-before-the-crash');
    await writeFile(
      join(first.h.dataDir, 'open-work.json'),
      JSON.stringify({ confirms: [sale.order.orderId], refunds: [] }),
    );
    own.sim.faults.add({ route: 'lookup', fault: { kind: 'reset', processed: false } });

    const { h, logged } = await live({ dataDir: first.h.dataDir }, own);
    await h.core.settled;
    expect((await h.ok('sale:get', { orderId: sale.order.orderId })).status).toBe('PAID');
    expect(await openConfirms(h)).toEqual([sale.order.orderId]);
    expect(logged).toContainEqual({
      level: 'warn',
      message: 'order still unsettled',
      fields: { orderId: sale.order.orderId, problem: 'TOSS_UNREACHABLE' },
    });
    expect(await h.ok('payment:settlements', {})).toEqual([]);

    await h.core.settleNow();
    expect(await h.ok('sale:get', { orderId: sale.order.orderId })).toMatchObject({ status: 'PENDING', payment: null });
    expect(await openConfirms(h)).toEqual([]);
  });

  it('a paid sale still listed that Toss shows as never approved, with no cancel of ours, is not taken off the books on a guess', async () => {
    const own = await startOwnSimulator();
    const first = await live({}, own);
    const sale = await ringUpAndPay(first.h, own);
    expect((await first.h.ok('payment:confirm', sale.input)).status).toBe('PAID');
    await first.h.close();
    await writeFile(
      join(first.h.dataDir, 'open-work.json'),
      JSON.stringify({ confirms: [sale.order.orderId], refunds: [] }),
    );
    own.sim.faults.add({ route: 'lookup', fault: { kind: 'tamper', status: 'ABORTED' } });

    const { h } = await live({ dataDir: first.h.dataDir }, own);
    await h.core.settled;
    expect((await h.ok('sale:get', { orderId: sale.order.orderId })).status).toBe('PAID');
    expect(callsAbout(own, sale.paymentKey)).toEqual(['confirm', 'lookup']);
  });

  it('the shop’s own timing: a payment Toss cannot be asked about is asked again within seconds, not at the next sweep', async () => {
    const clock = new Date('2026-03-02T03:00:00Z');
    const own = await startOwnSimulator();
    const h = await withLiveCore(own, { apiBase: await closedPortUrl(), now: () => clock });
    const sale = await ringUpAndPay(h, own);
    expect((await h.fail('payment:confirm', sale.input)).code).toBe('TOSS_UNREACHABLE');
    await h.core.settleNow();
    const next = (await notice(h, sale.order.orderId))?.nextTryAt;
    // 1 s after a first open round, 2 s if the round that new work brings came first.
    expect(['2026-03-02T12:00:01+09:00', '2026-03-02T12:00:02+09:00']).toContain(next);
  });
});
