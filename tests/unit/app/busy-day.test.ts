import { describe, expect, it } from 'vitest';
import type { Order } from '../../../shared/domain/order';
import { asManager } from '../helpers/coupons';
import { startOwnSimulator, withLiveCore, type PosHarness } from '../helpers/pos';
import { CARD, payWindow } from '../helpers/toss-window';

async function sale(h: PosHarness): Promise<Order> {
  const order = await h.ok('sale:create', {
    lines: [
      { productId: 'americano', quantity: 1 },
      { productId: 'croissant', quantity: 1 },
    ],
  });
  const paymentKey = await payWindow(h.sim, h.clientKey, order, CARD.approves);
  return h.ok('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
}

describe('a busy day', () => {
  // Main keeps only the day's latest 64 orders in memory: the first sales here are read back from their journal lines.
  it('a sale rung up early, long since let go of in memory, shows, refunds, lists and totals as it did, also after a restart', async () => {
    // Live, so the day's totals count the sales (training ones never do).
    const own = await startOwnSimulator();
    const h = await withLiveCore(own);
    const sold: Order[] = [];
    for (let i = 0; i < 80; i += 1) sold.push(await sale(h));
    const first = sold[0] as Order;
    const day = first.businessDay;
    expect(sold.map((o) => o.callNumber)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));

    expect(await h.ok('sale:get', { orderId: first.orderId })).toEqual(first);
    await asManager(h);
    expect(await h.ok('history:order', { orderId: first.orderId })).toEqual(first);
    const listed = await h.ok('history:list', { filter: { from: day, to: day }, limit: 100 });
    expect(listed.rows.map((row) => row.orderId)).toEqual(sold.map((o) => o.orderId).reverse());
    const byApproval = await h.ok('history:list', {
      filter: { from: day, to: day, search: first.payment?.approveNo ?? '' },
      limit: 10,
    });
    expect(byApproval.rows.map((row) => row.orderId)).toEqual([first.orderId]);

    const refunded = await h.ok('refund:create', {
      orderId: first.orderId,
      request: { kind: 'full' },
      reason: '고객 변심',
    });
    expect(refunded).toMatchObject({
      orderId: first.orderId,
      status: 'PAID',
      refunds: [{ status: 'DONE', amount: first.amount, tossBalance: 0 }],
    });
    expect(await h.ok('sale:get', { orderId: first.orderId })).toEqual(refunded);
    expect(
      (await h.ok('history:list', { filter: { from: day, to: day, status: 'refunded' }, limit: 10 })).rows.map(
        (row) => row.orderId,
      ),
    ).toEqual([first.orderId]);
    const paid = sold.reduce((sum, o) => sum + o.amount, 0);
    expect(await h.ok('history:totals', { from: day, to: day })).toMatchObject({
      orders: 80,
      paid,
      refunded: first.amount,
    });
    await h.close();

    const again = await withLiveCore(own, { dataDir: h.dataDir });
    expect(await again.ok('sale:get', { orderId: first.orderId })).toEqual(refunded);
    expect((await sale(again)).callNumber).toBe(81);
    await asManager(again);
    expect(await again.ok('history:totals', { from: day, to: day })).toMatchObject({
      orders: 81,
      refunded: first.amount,
    });
  }, 60_000);

  it('call numbers go on after a restart, also when the day was read whole first (an X report mid-day)', async () => {
    const own = await startOwnSimulator();
    const h = await withLiveCore(own);
    const first = await sale(h);
    for (let i = 0; i < 2; i += 1) await sale(h);
    await h.close();

    const again = await withLiveCore(own, { dataDir: h.dataDir });
    await asManager(again);
    expect((await again.ok('day:x-report', { day: first.businessDay })).kind).toBe('X');
    expect((await sale(again)).callNumber).toBe(4);
  });
});
