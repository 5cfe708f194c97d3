import { describe, expect, it } from 'vitest';
import { asManager } from '../../helpers/coupons';
import { issueCalls, recordCashReceiptCalls, type CashReceiptCall } from '../../helpers/cash-receipt-calls';
import { startOwnSimulator, withCore, withLiveCore, type CoreOptions, type PosHarness } from '../../helpers/pos';

const PHONE = '010-2345-6789';
// 12,900 won: two americanos and a croissant.
const LINES = [
  { productId: 'americano', quantity: 2 },
  { productId: 'croissant', quantity: 1 },
];
const QUICK = { settleTiming: { sweepMs: 60_000, firstRetryMs: 50, maxRetryMs: 200 } } satisfies CoreOptions;

const modes: Array<[string, (options: CoreOptions) => Promise<PosHarness>]> = [
  ['training', (options) => withCore(options)],
  ['live', async (options) => withLiveCore(await startOwnSimulator(), options)],
];

async function cashSale(h: PosHarness) {
  const order = await h.ok('sale:create', { lines: LINES });
  await h.ok('cash:sale', { orderId: order.orderId, received: 20_000 });
  return order;
}

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > 10_000) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function cancelCalls(calls: readonly CashReceiptCall[]): CashReceiptCall[] {
  return calls.filter((call) => call.method === 'POST' && call.path.endsWith('/cancel'));
}

describe.each(modes)('a 현금영수증 covers only what the customer still has paid (%s)', (_mode, start) => {
  it('after a full refund it is refused in words, and Toss is never asked', async () => {
    const recorded = recordCashReceiptCalls();
    const h = await start({ fetch: recorded.fetch });
    const order = await cashSale(h);
    await asManager(h);
    await h.ok('refund:create', { orderId: order.orderId, request: { kind: 'full' }, reason: '고객 변심' });

    const refused = await h.fail('cash:receipt', {
      orderId: order.orderId,
      request: { type: '소득공제', identity: PHONE },
    });
    expect(refused).toMatchObject({ code: 'CASH_RECEIPT_FULLY_REFUNDED', retryable: false });
    expect(recorded.calls).toEqual([]);
    expect((await h.ok('sale:get', { orderId: order.orderId })).cash?.cashReceipt).toBeNull();
  });

  it('after a partial refund it is issued for what is left, and a later refund cancels only its own part', async () => {
    const recorded = recordCashReceiptCalls();
    const h = await start({ fetch: recorded.fetch, ...QUICK });
    const order = await cashSale(h);
    await asManager(h);
    await h.ok('refund:create', {
      orderId: order.orderId,
      request: { kind: 'amount', amount: 3_000 },
      reason: '고객 변심',
    });

    const issued = await h.ok('cash:receipt', {
      orderId: order.orderId,
      request: { type: '소득공제', identity: PHONE },
    });
    expect(issued.cash?.cashReceipt).toMatchObject({ status: 'ISSUED', amount: 9_900, canceledAmount: 0 });
    expect(issueCalls(recorded.calls).map((call) => call.body?.amount)).toEqual([9_900]);

    // 2,000 more back: the receipt (issued for 9,900) loses 2,000, not the 5,000 refunded in all.
    await h.ok('refund:create', {
      orderId: order.orderId,
      request: { kind: 'amount', amount: 2_000 },
      reason: '고객 변심',
    });
    await until(
      'the receipt to lose 2,000 won',
      async () => (await h.ok('sale:get', { orderId: order.orderId })).cash?.cashReceipt?.canceledAmount === 2_000,
    );
    expect(cancelCalls(recorded.calls).map((call) => call.body)).toEqual([{ amount: 2_000 }]);

    await h.ok('refund:create', { orderId: order.orderId, request: { kind: 'full' }, reason: '고객 변심' });
    await until(
      'the receipt to be cancelled whole',
      async () => (await h.ok('sale:get', { orderId: order.orderId })).cash?.cashReceipt?.status === 'CANCELED',
    );
    expect((await h.ok('sale:get', { orderId: order.orderId })).cash?.cashReceipt?.canceledAmount).toBe(9_900);
    expect(cancelCalls(recorded.calls).map((call) => call.body)).toEqual([{ amount: 2_000 }, { amount: 7_900 }]);
  });
});
