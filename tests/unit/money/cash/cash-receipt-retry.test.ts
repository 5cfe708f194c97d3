import { describe, expect, it } from 'vitest';
import { seoulDay } from '../../../../shared/domain/time';
import {
  digestIdentity,
  identityMatches,
  maskedFromToss,
} from '../../../../electron/core/money/cash/cash-receipt-identity';
import { asManager } from '../../helpers/coupons';
import { issueCalls, recordCashReceiptCalls } from '../../helpers/cash-receipt-calls';
import { startOwnSimulator, withLiveCore, type OwnSimulator, type PosHarness } from '../../helpers/pos';

const FIRST = { type: '소득공제', identity: '010-1111-2222' } as const;
const OTHER = { type: '지출증빙', identity: '010-9999-8888' } as const;
const QUICK = { sweepMs: 60_000, firstRetryMs: 50, maxRetryMs: 200 };

interface Setup {
  own: OwnSimulator;
  h: PosHarness;
  calls: ReturnType<typeof recordCashReceiptCalls>['calls'];
  orderId: string;
  amount: number;
}

/** A live register (against a simulator the test holds the keys of) with one cash sale and no receipt yet. */
async function cashSale(): Promise<Setup> {
  const own = await startOwnSimulator();
  const recorded = recordCashReceiptCalls();
  const h = await withLiveCore(own, { fetch: recorded.fetch, settleTiming: QUICK });
  const order = await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 2 }] });
  await h.ok('cash:sale', { orderId: order.orderId, received: order.amount });
  return { own, h, calls: recorded.calls, orderId: order.orderId, amount: order.amount };
}

/** The first request reaches Toss (or not) and its answer is lost on the way back. */
async function answerLost(s: Setup, processed: boolean): Promise<void> {
  s.own.sim.faults.add({ route: 'cash-receipt', fault: { kind: 'reset', processed } });
  expect(await s.h.fail('cash:receipt', { orderId: s.orderId, request: FIRST })).toMatchObject({
    code: 'TOSS_UNREACHABLE',
    retryable: true,
  });
}

async function receiptOf(s: Setup) {
  return (await s.h.ok('sale:get', { orderId: s.orderId })).cash?.cashReceipt;
}

/** What Toss itself holds for the order, read back the way the shop's backend would. */
async function atToss(s: Setup) {
  return (await s.own.toss.listCashReceipts(seoulDay(new Date()))).filter((receipt) => receipt.orderId === s.orderId);
}

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > 10_000) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('a 현금영수증 asked for again after its answer was lost', () => {
  it('with the same body goes out again under the same key, body for body, and Toss holds one receipt', async () => {
    const s = await cashSale();
    await answerLost(s, true);
    // The same number typed another way is the same request.
    const settled = await s.h.ok('cash:receipt', {
      orderId: s.orderId,
      request: { type: FIRST.type, identity: '01011112222' },
    });
    expect(settled.cash?.cashReceipt).toMatchObject({
      status: 'ISSUED',
      type: FIRST.type,
      identityMasked: '010-****-2222',
      amount: s.amount,
    });

    const [lost, again] = issueCalls(s.calls);
    expect(again?.idempotencyKey).toBe(lost?.idempotencyKey);
    expect(again?.body).toEqual(lost?.body);
    expect(await atToss(s)).toHaveLength(1);
  });

  it('with the same identity after a partial refund is never sent under the old key with the new amount: Toss is asked what it issued first', async () => {
    const s = await cashSale();
    await answerLost(s, true);
    // Toss cannot be asked for now, neither by the refund's follow-up nor by the cashier.
    s.own.sim.faults.add({ route: 'lookup', times: 'always', fault: { kind: 'reset', processed: false } });
    await asManager(s.h);
    await s.h.ok('refund:create', {
      orderId: s.orderId,
      request: { kind: 'amount', amount: 1_000 },
      reason: '고객 변심',
    });

    expect(await s.h.fail('cash:receipt', { orderId: s.orderId, request: FIRST })).toMatchObject({
      code: 'CASH_RECEIPT_PENDING',
      retryable: true,
    });
    expect(issueCalls(s.calls)).toHaveLength(1);

    // Toss answers again: the receipt it issued (for the whole sale) is recorded, and the refunded 1,000 won cancelled from it.
    s.own.sim.faults.clear();
    await until('the refunded 1,000 won to be cancelled', async () => (await receiptOf(s))?.canceledAmount === 1_000);
    const [issued] = await atToss(s);
    expect(await receiptOf(s)).toMatchObject({
      status: 'ISSUED',
      type: FIRST.type,
      identityMasked: '010-****-2222',
      receiptKey: issued?.receiptKey,
      issueNumber: issued?.issueNumber,
      amount: s.amount,
    });
    expect(issueCalls(s.calls)).toHaveLength(1);
  });

  it('with another identity and type is refused until Toss is asked; then the order keeps what Toss issued, never the new identity', async () => {
    const s = await cashSale();
    await answerLost(s, true);

    // Toss cannot be asked yet: refused in words, nothing sent under the first key with the new body.
    s.own.sim.faults.add({ route: 'lookup', times: 'always', fault: { kind: 'reset', processed: false } });
    const pending = await s.h.fail('cash:receipt', { orderId: s.orderId, request: OTHER });
    expect(pending).toMatchObject({
      code: 'CASH_RECEIPT_PENDING',
      retryable: true,
      details: { type: FIRST.type, identity: '010-****-2222' },
    });
    expect(await receiptOf(s)).toMatchObject({ status: 'ISSUING', type: FIRST.type, identityMasked: '010-****-2222' });
    s.own.sim.faults.clear();

    // Toss answers: its first receipt is recorded as it was issued, and the new identity is still refused.
    const refused = await s.h.fail('cash:receipt', { orderId: s.orderId, request: OTHER });
    expect(refused).toMatchObject({
      code: 'CASH_RECEIPT_ALREADY_ISSUED',
      details: { type: FIRST.type, identity: '010-****-2222' },
    });
    const [issued] = await atToss(s);
    expect(await receiptOf(s)).toMatchObject({
      status: 'ISSUED',
      type: FIRST.type,
      identityMasked: '010-****-2222',
      receiptKey: issued?.receiptKey,
      issueNumber: issued?.issueNumber,
    });
    expect(issueCalls(s.calls).map((call) => call.body?.customerIdentityNumber)).toEqual(['01011112222']);
    expect(await atToss(s)).toHaveLength(1);
  });

  it('with another identity, when Toss never got the first: Toss says it has none, and the new request goes out under a new key', async () => {
    const s = await cashSale();
    await answerLost(s, false);

    const issued = await s.h.ok('cash:receipt', { orderId: s.orderId, request: OTHER });
    expect(issued.cash?.cashReceipt).toMatchObject({
      status: 'ISSUED',
      type: OTHER.type,
      identityMasked: '010-****-8888',
    });
    const [lost, fresh] = issueCalls(s.calls);
    expect(fresh?.body).toMatchObject({ type: OTHER.type, customerIdentityNumber: '01099998888' });
    expect(fresh?.idempotencyKey).not.toBe(lost?.idempotencyKey);
    expect(await atToss(s)).toEqual([expect.objectContaining({ type: OTHER.type })]);
  });

  it('refunded in full before anyone asked again: Toss is asked in the background, its receipt recorded and cancelled whole', async () => {
    const s = await cashSale();
    await answerLost(s, true);
    await asManager(s.h);
    await s.h.ok('refund:create', { orderId: s.orderId, request: { kind: 'full' }, reason: '고객 변심' });

    await until('the receipt Toss issued to be cancelled', async () => (await receiptOf(s))?.status === 'CANCELED');
    expect(await receiptOf(s)).toMatchObject({
      type: FIRST.type,
      identityMasked: '010-****-2222',
      canceledAmount: s.amount,
    });
    expect(await s.h.fail('cash:receipt', { orderId: s.orderId, request: FIRST })).toMatchObject({
      code: 'CASH_RECEIPT_FULLY_REFUNDED',
    });
  });
});

describe('what a pending request keeps of the number, and what the order keeps of Toss’s', () => {
  it('a salted hash that knows the number however it is typed, and holds none of its digits in the clear', async () => {
    const digest = await digestIdentity('010-1111-2222');
    expect(JSON.stringify(digest)).not.toMatch(/1111|2222/);
    expect(await identityMatches('01011112222', digest)).toBe(true);
    expect(await identityMatches('010-1111-2223', digest)).toBe(false);
    expect((await digestIdentity('010-1111-2222')).hash).not.toBe(digest.hash);
  });

  it('Toss’s number masked as the register masks, or with every digit but the last four hidden when Toss masked it its own way', () => {
    expect(maskedFromToss('01011112222')).toBe('010-****-2222');
    expect(maskedFromToss('010-****-2222')).toBe('010-****-2222');
    expect(maskedFromToss('1234567891')).toBe('123-45-*****');
    expect(maskedFromToss('010****2222')).toBe('*******2222');
  });
});
