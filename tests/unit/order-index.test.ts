import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Order } from '../../shared/domain/order';
import { newOrderId } from '../../electron/core/sales/order-id';
import { diskIo } from '../../electron/core/store/file-io';
import { OrderStore } from '../../electron/core/store/order-store';
import { tempDir } from './helpers/temp-dir';

let approval = 10_000_000;

/** A paid card order of a day, with its own approval number. */
function paid(businessDay: string, amount = 9_000, name = '아메리카노'): Order {
  approval += 1;
  return {
    orderId: newOrderId(businessDay),
    businessDay,
    createdAt: `${businessDay}T10:00:00+09:00`,
    updatedAt: `${businessDay}T10:00:00+09:00`,
    training: false,
    lines: [{ productId: 'americano', name, unitPrice: amount, quantity: 1, lineTotal: amount, discount: 0 }],
    orderName: name,
    amount,
    supplyAmount: amount - Math.round(amount / 11),
    vatAmount: Math.round(amount / 11),
    status: 'PAID',
    attempts: [],
    payment: {
      paymentKey: `pk_${approval}`,
      method: '카드',
      totalAmount: amount,
      approvedAt: `${businessDay}T10:00:05+09:00`,
      cardNumber: '43300000****000*',
      approveNo: String(approval),
      cardType: '신용',
      installmentPlanMonths: 0,
      receiptUrl: null,
    },
    callNumber: 1,
    discounts: [],
    refunds: [],
  };
}

const indexDir = (dataDir: string) => join(dataDir, 'orders', 'index');

async function storeWith(dataDir: string, orders: Order[]): Promise<OrderStore> {
  const store = new OrderStore(dataDir, diskIo);
  for (const order of orders) await store.insert(order);
  return store;
}

describe('the history index', () => {
  it('is built from the journals when it is missing (a first start after an update), and finds orders by day, id and approval number', async () => {
    const dataDir = await tempDir('index');
    const orders = ['2026-11-01', '2026-11-02', '2026-11-02', '2026-11-03'].map((day) => paid(day));
    await (await storeWith(dataDir, orders)).close();
    await rm(indexDir(dataDir), { recursive: true });

    const store = new OrderStore(dataDir, diskIo);
    expect((await store.digestsOfDay('2026-11-02')).map((d) => d.orderId).sort()).toEqual([orders[1]?.orderId, orders[2]?.orderId].sort());
    expect(await store.get(orders[3]?.orderId ?? '')).toEqual(orders[3]);
    expect((await store.byApproval(orders[0]?.payment?.approveNo ?? '')).map((o) => o.orderId)).toEqual([orders[0]?.orderId]);
    expect(await store.summaries(['2026-11-02'])).toEqual([{ day: '2026-11-02', byMethod: { 카드: { orders: 2, paid: 18_000, refunded: 0 } }, counts: { paid: 2, 'partially-refunded': 0, refunded: 0, unpaid: 0, training: 0, real: 2 } }]);
  });

  it('after a crash (no clean close, the index’s last appends lost) catches up from the journals before it answers', async () => {
    const dataDir = await tempDir('index');
    const first = paid('2026-11-10');
    const second = paid('2026-11-10', 5_000, '치즈케이크');
    await storeWith(dataDir, [first, second]);
    // The app dies: no close. The index's appends were not synced, and the last one is lost.
    expect(JSON.parse(await readFile(join(indexDir(dataDir), 'dirty.json'), 'utf8'))).toEqual(['2026-11-10']);
    const rows = join(indexDir(dataDir), '2026-11-10.rows');
    const kept = (await readFile(rows, 'utf8')).split('\n').filter(Boolean).slice(0, 1);
    await writeFile(rows, `${kept.join('\n')}\n{"orderId":"2026111`);
    await rm(join(indexDir(dataDir), 'approvals'), { recursive: true });

    const store = new OrderStore(dataDir, diskIo);
    await store.ready();
    expect((await store.digestsOfDay('2026-11-10')).map((d) => [d.orderId, d.amount])).toEqual([
      [second.orderId, 5_000],
      [first.orderId, 9_000],
    ]);
    expect((await store.byApproval(second.payment?.approveNo ?? '')).map((o) => o.orderId)).toEqual([second.orderId]);
    expect(await store.summaries(['2026-11-10'])).toEqual([expect.objectContaining({ day: '2026-11-10', byMethod: { 카드: { orders: 2, paid: 14_000, refunded: 0 } } })]);
    await store.close();
    expect(JSON.parse(await readFile(join(indexDir(dataDir), 'dirty.json'), 'utf8'))).toEqual([]);
  });

  it('after a clean close, opening reads no journal: history comes from the index alone', async () => {
    const dataDir = await tempDir('index');
    const order = paid('2026-11-20');
    await (await storeWith(dataDir, [order])).close();
    const journal = join(dataDir, 'orders', '2026-11-20.jsonl');
    const size = (await stat(journal)).size;
    // Same length, unreadable as orders: a store that parsed it would fail.
    await writeFile(journal, 'x'.repeat(size - 1) + '\n');

    const store = new OrderStore(dataDir, diskIo);
    await store.ready();
    expect((await store.digestsOfDay('2026-11-20')).map((d) => d.orderId)).toEqual([order.orderId]);
    expect(await store.summaries(['2026-11-20'])).toEqual([expect.objectContaining({ day: '2026-11-20', byMethod: { 카드: { orders: 1, paid: 9_000, refunded: 0 } } })]);
  });

  it('follows a change to a past day (a refund): the day’s summary and digest move with it', async () => {
    const dataDir = await tempDir('index');
    const order = paid('2026-10-05');
    const store = await storeWith(dataDir, [order, paid('2026-11-05')]);
    expect((await store.summaries(['2026-10-05']))[0]?.byMethod['카드']?.refunded).toBe(0);
    await store.update(order.orderId, (o) => {
      o.refunds.push({ refundId: 'r1', kind: 'amount', amount: 2_000, lines: [], reason: 'x', approvedBy: 'm', requestedAt: o.createdAt, status: 'DONE', transactionKey: 't', canceledAt: o.createdAt, tossBalance: 7_000, failure: null, coupon: 'none' });
    });
    expect((await store.summaries(['2026-10-05']))[0]?.byMethod['카드']).toEqual({ orders: 1, paid: 9_000, refunded: 2_000 });
    expect((await store.digestsOfDay('2026-10-05'))[0]).toMatchObject({ status: 'partially-refunded', refunded: 2_000 });
    await store.close();
    const reopened = new OrderStore(dataDir, diskIo);
    expect((await reopened.summaries(['2026-10-05']))[0]?.byMethod['카드']?.refunded).toBe(2_000);
  });

  it('keeps a bounded number of days in memory however many are read', async () => {
    const dataDir = await tempDir('index');
    const days = Array.from({ length: 40 }, (_, i) => `2026-0${1 + Math.floor(i / 28)}-${String((i % 28) + 1).padStart(2, '0')}`);
    const store = await storeWith(dataDir, days.map((day) => paid(day)));
    for (const day of days) await store.digestsOfDay(day);
    const index = await store.ready();
    expect((index as unknown as { digests: Map<string, unknown> }).digests.size).toBeLessThanOrEqual(32);
  });
});
