import { describe, expect, it } from 'vitest';
import { TAX_OFFICE_REFUSES_ENDING } from '../../../../electron/training/cash-receipts';
import { issueCalls, recordCashReceiptCalls, type CashReceiptCall } from '../../helpers/cash-receipt-calls';
import { asManager } from '../../helpers/coupons';
import { withCore, type PosHarness } from '../../helpers/pos';

const FAILING_NUMBER = `010-2345-${TAX_OFFICE_REFUSES_ENDING}`;
const HOUR = 60 * 60 * 1000;
/** The settler never comes round by itself: each test runs its rounds with settleNow, on its own clock. */
const BY_HAND = { sweepMs: 1e9, firstRetryMs: 1e9, maxRetryMs: 1e9 };

async function shopAt(
  start: string,
): Promise<{ h: PosHarness; advance: (ms: number) => void; calls: CashReceiptCall[] }> {
  let clock = Date.parse(start);
  const { calls, fetch } = recordCashReceiptCalls();
  const h = await withCore({ now: () => new Date(clock), settleTiming: BY_HAND, fetch });
  return { h, advance: (ms) => (clock += ms), calls };
}

async function cashSale(h: PosHarness, quantity: number, identity?: string) {
  const order = await h.ok('sale:create', { lines: [{ productId: 'americano', quantity }] });
  return h.ok('cash:sale', {
    orderId: order.orderId,
    received: order.amount,
    cashReceipt: identity === undefined ? undefined : { type: '소득공제', identity },
  });
}

function statusLookups(h: PosHarness) {
  return h.sim.requests().filter((r) => r.method === 'GET' && r.path.startsWith('/v1/cash-receipts'));
}

describe('a 현금영수증 on its way to the tax office', () => {
  it('is kept IN_PROGRESS with when Toss said so, and not asked about again before its wait is over', async () => {
    const { h, advance } = await shopAt('2026-12-01T11:00:00+09:00');
    const paid = await cashSale(h, 2, '010-2345-6789');
    expect(paid.cash?.cashReceipt).toMatchObject({
      status: 'ISSUED',
      issueStatus: 'IN_PROGRESS',
      statusCheckedAt: '2026-12-01T11:00:00+09:00',
      statusChecks: 0,
    });
    advance(30 * 60 * 1000);
    await h.core.settleNow();
    expect(statusLookups(h)).toEqual([]);

    advance(31 * 60 * 1000);
    await h.core.settleNow();
    expect(statusLookups(h)).toHaveLength(1);
    const checked = await h.ok('sale:get', { orderId: paid.orderId });
    // Still the same day at Toss: still on its way, asked again after twice the wait.
    expect(checked.cash?.cashReceipt).toMatchObject({
      issueStatus: 'IN_PROGRESS',
      statusChecks: 1,
      statusCheckedAt: '2026-12-01T12:01:00+09:00',
    });
    advance(HOUR);
    await h.core.settleNow();
    expect(statusLookups(h)).toHaveLength(1);
  });

  it('turns COMPLETED when the tax office took it, the next day', async () => {
    const { h, advance } = await shopAt('2026-12-01T19:00:00+09:00');
    const paid = await cashSale(h, 2, '010-2345-6789');
    advance(18 * HOUR);
    await h.core.settleNow();
    const order = await h.ok('sale:get', { orderId: paid.orderId });
    expect(order.cash?.cashReceipt).toMatchObject({
      status: 'ISSUED',
      issueStatus: 'COMPLETED',
      statusCheckedAt: '2026-12-02T13:00:00+09:00',
      failure: null,
    });
    advance(48 * HOUR);
    await h.core.settleNow();
    expect(statusLookups(h)).toHaveLength(1);
    await asManager(h);
    expect(await h.ok('cash:receipt-failures', {})).toEqual([]);
  });

  it('turns FAILED with the reason when the tax office refused it, is listed for the day close, and leaves the list once issued again', async () => {
    const { h, advance } = await shopAt('2026-12-01T19:00:00+09:00');
    const paid = await cashSale(h, 2, FAILING_NUMBER);
    advance(18 * HOUR);
    await h.core.settleNow();
    const order = await h.ok('sale:get', { orderId: paid.orderId });
    expect(order.cash?.cashReceipt).toMatchObject({
      status: 'FAILED',
      issueStatus: 'FAILED',
      identityMasked: '010-****-0404',
      failure: { message: expect.stringMatching(/국세청/) as unknown },
    });
    await asManager(h);
    expect(await h.ok('cash:receipt-failures', {})).toEqual([
      expect.objectContaining({ orderId: paid.orderId, amount: paid.amount, identityMasked: '010-****-0404' }),
    ]);

    const again = await h.ok('cash:receipt', {
      orderId: paid.orderId,
      request: { type: '소득공제', identity: '010-2345-6789' },
    });
    expect(again.cash?.cashReceipt).toMatchObject({ status: 'ISSUED', issueStatus: 'IN_PROGRESS' });
    expect(await h.ok('cash:receipt-failures', {})).toEqual([]);
    advance(24 * HOUR);
    await h.core.settleNow();
    expect((await h.ok('sale:get', { orderId: paid.orderId })).cash?.cashReceipt?.issueStatus).toBe('COMPLETED');
  });

  it('is still re-checked after a restart, from what the order recorded', async () => {
    let clock = Date.parse('2026-12-01T19:00:00+09:00');
    const now = () => new Date(clock);
    const first = await withCore({ now, settleTiming: BY_HAND });
    const paid = await cashSale(first, 2, FAILING_NUMBER);
    await first.close();
    clock += 24 * HOUR;
    const again = await withCore({ dataDir: first.dataDir, now, settleTiming: BY_HAND });
    await again.core.settled;
    expect((await again.ok('sale:get', { orderId: paid.orderId })).cash?.cashReceipt?.issueStatus).toBe('FAILED');
  });
});

describe('의무발행업종 (Settings, off by default)', () => {
  it('issues cash of 100,000원 or more to the tax office’s number 010-000-1234 as 소득공제 when the customer gives none', async () => {
    const { h, calls } = await shopAt('2026-12-01T11:00:00+09:00');
    await asManager(h);
    const view = await h.ok('settings:save-mandatory-cash-receipt', { mandatoryCashReceipt: true });
    expect(view.mandatoryCashReceipt).toBe(true);
    await h.ok('staff:lock', {});

    const big = await cashSale(h, 23); // 103,500원
    expect(big.cash?.cashReceipt).toMatchObject({
      status: 'ISSUED',
      type: '소득공제',
      identityMasked: '010-000-1234',
      selfIssued: true,
      amount: 103_500,
    });
    expect(issueCalls(calls).map((call) => call.body)).toEqual([
      expect.objectContaining({ customerIdentityNumber: '0100001234', type: '소득공제', amount: 103_500 }),
    ]);

    const small = await cashSale(h, 22); // 99,000원
    expect(small.cash?.cashReceipt).toBeNull();
    const asked = await cashSale(h, 23, '010-2345-6789');
    expect(asked.cash?.cashReceipt).toMatchObject({ identityMasked: '010-****-6789', selfIssued: false });
    expect(issueCalls(calls)).toHaveLength(2);
  });

  it('issues nothing by itself while the setting is off', async () => {
    const { h, calls } = await shopAt('2026-12-01T11:00:00+09:00');
    await asManager(h);
    expect((await h.ok('settings:get', {})).mandatoryCashReceipt).toBe(false);
    const big = await cashSale(h, 30);
    expect(big.cash?.cashReceipt).toBeNull();
    expect(issueCalls(calls)).toEqual([]);
  });
});
