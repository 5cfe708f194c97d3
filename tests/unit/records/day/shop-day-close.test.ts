import { describe, expect, it } from 'vitest';
import type { DayReport } from '../../../../shared/domain/day-close';
import { emptyCount, type DrawerCount } from '../../../../shared/domain/drawer';
import type { Order } from '../../../../shared/domain/order';
import { asManager } from '../../helpers/coupons';
import { onCleanup } from '../../helpers/cleanup';
import { startOwnSimulator, withLiveCore } from '../../helpers/pos';
import { QUICK_REPLICATION, shopOnPostgres } from '../../helpers/shop-on-postgres';
import { CARD, payWindow } from '../../helpers/toss-window';
import { hostPortOf, startTcpProxy } from '../../../support/tcp-proxy';
import { cardSale, cashSale } from '../../helpers/sales';

const { freshDatabase, query, register } = shopOnPostgres('shop_day_close');

function count(pieces: Partial<DrawerCount>): DrawerCount {
  return { ...emptyCount(), ...pieces };
}

/** 30,000 won in the drawer to start. */
const FLOAT = count({ 10000: 3 });

function registersOf(report: DayReport) {
  if (report.shop?.status !== 'shop') throw new Error(`not the shop's report: ${JSON.stringify(report.shop)}`);
  return report.shop.registers;
}

describe('the shop’s day close across registers on one PostgreSQL', () => {
  it('adds up every register, matches Toss once for the shop (another register’s sale is no orphan, a real one is found once), lists each drawer, and is kept once: a second register then closes its own books only', async () => {
    const db = await freshDatabase();
    const own = await startOwnSimulator();
    const a = await register(own, db.url, '카운터 A');
    const b = await register(own, db.url, '카운터 B');
    const c = await register(own, db.url, '카운터 C');

    await a.ok('drawer:open', { float: FLOAT });
    await b.ok('drawer:open', { float: FLOAT });
    const sold = {
      a: [await cardSale(a, 'americano'), await cashSale(a, 'croissant', 1, 50_000)],
      b: [await cardSale(b, 'cafe-latte'), await cashSale(b, 'americano', 1, 50_000)],
      c: [await cardSale(c, 'cheesecake')],
    };
    // B's cashier counts the drawer (the float and an americano's 4,500 won): 1,000 won short.
    const bCash = sold.b[1]!.amount;
    expect(bCash).toBe(4_500);
    const counted = await b.ok('drawer:close', { counted: count({ 10000: 3, 1000: 3, 500: 1 }) });
    const bExpected = 30_000 + bCash;
    expect(counted.today[0]).toMatchObject({ takings: { expected: bExpected } });
    // A charge on the shop's keys that no register stored.
    const orphanKey = await payWindow(
      own.sim,
      own.clientKey,
      { orderId: 'ELSEWHERE-0001', orderName: '외부 결제', amount: 7_700 },
      CARD.approves,
    );
    await own.toss.confirm({ paymentKey: orphanKey, orderId: 'ELSEWHERE-0001', amount: 7_700 }, 'orphan-1');
    for (const h of [a, b, c]) await h.core.sharedStore.flush();

    const { day } = await a.ok('day:today', {});
    const total = (orders: Order[]) => orders.reduce((sum, order) => sum + order.amount, 0);
    const x = await a.ok('day:x-report', { day });
    const registers = registersOf(x);
    expect(registers.map((r) => [r.register.name, r.orders, r.sales])).toEqual([
      ['카운터 A', 2, total(sold.a)],
      ['카운터 B', 2, total(sold.b)],
      ['카운터 C', 1, total(sold.c)],
    ]);
    expect(x.figures).toMatchObject({ orders: 5, sales: total([...sold.a, ...sold.b, ...sold.c]) });
    expect(x.shop).toMatchObject({ madeOn: { name: '카운터 A' } });
    // Each register's card and cash, as it took them.
    expect(registers[1]!.byMethod.find((line) => line.method === '현금')?.sales).toBe(bCash);
    // The check ran once for the shop: B's and C's card sales are the shop's, the stranger's charge is the one orphan.
    if (x.reconciliation.status !== 'checked') throw new Error('the shop was not matched');
    expect(x.reconciliation.mismatches).toEqual([
      expect.objectContaining({ kind: 'orphan-charge', paymentKey: orphanKey }),
    ]);
    expect(x.reconciliation.transactions).toBe(4);
    // So does the screen's own check (R), on any register.
    const checked = await c.ok('day:match', { day });
    expect(checked).toMatchObject({ status: 'checked', transactions: 4 });
    if (checked.status === 'checked')
      expect(checked.mismatches.map((m) => [m.kind, m.paymentKey])).toEqual([['orphan-charge', orphanKey]]);
    // Each register's drawer: A's still open (expected so far), B's counted 1,000 short, C never opened one.
    expect(registers[0]!.drawers).toEqual([
      expect.objectContaining({
        floatTotal: 30_000,
        closedAt: null,
        takings: expect.objectContaining({ expected: 30_000 + sold.a[1]!.amount }),
      }),
    ]);
    expect(registers[1]!.drawers).toEqual([
      expect.objectContaining({
        counted: bExpected - 1_000,
        overShort: -1_000,
        takings: expect.objectContaining({ expected: bExpected }),
      }),
    ]);
    expect(registers[2]!.drawers).toEqual([]);

    // The open day on the screen, register by register, on any register.
    const open = await c.ok('day:view', { day });
    expect(open.shop?.status === 'shop' ? open.shop.registers.map((r) => [r.register.name, r.sales]) : []).toEqual([
      ['카운터 C', total(sold.c)],
      ['카운터 A', total(sold.a)],
      ['카운터 B', total(sold.b)],
    ]);

    // The Z on A is the shop's, kept in the store once.
    const z = await a.ok('day:close', { day });
    expect(z.figures.net).toBe(x.figures.net);
    expect(registersOf(z)).toHaveLength(3);
    const kept = await query<{ register_id: string; closed_by: string; net: string }>(
      db.url,
      "SELECT register_id, closed_by, report->'figures'->>'net' AS net FROM day_closes",
    );
    expect(kept).toEqual([{ register_id: expect.any(String), closed_by: '김토스', net: String(x.figures.net) }]);
    const csv = (await a.ok('day:export', { day, headers: 'machine' })).csv;
    expect(csv).toContain('카운터 B sales,2');
    // (the CSV writer quotes a leading minus so a spreadsheet never reads it as a formula)
    expect(csv).toContain(`register,카운터 B shift ${day}-1 over_short,,,,,'-1000`);

    // B sees the shop's day closed on A; its own Z closes its books only, checked by the shop's close.
    const bView = await b.ok('day:view', { day });
    expect(bView).toMatchObject({ close: null, shopClose: { closedOn: { name: '카운터 A' }, by: '김토스' } });
    const bClose = await b.ok('day:close', { day });
    expect(bClose.shop).toMatchObject({ status: 'closed-by-shop', closedOn: { name: '카운터 A' } });
    expect(bClose.reconciliation).toMatchObject({ status: 'unavailable', reason: 'shop-checked' });
    expect(bClose.figures).toMatchObject({ orders: 2, sales: total(sold.b) });
    expect(await query(db.url, 'SELECT count(*)::int AS n FROM day_closes')).toEqual([{ n: 1 }]);
  });

  it('with the store down the close is this register’s alone, says so, and nothing kept claims to be the shop’s', async () => {
    const db = await freshDatabase();
    const { host, port } = hostPortOf(db.url);
    const proxy = await startTcpProxy(host, port);
    onCleanup(() => proxy.close());
    const own = await startOwnSimulator();
    const a = await register(own, proxy.url(db.url), '카운터 A');
    const b = await register(own, db.url, '카운터 B');
    const mine = await cardSale(a, 'americano');
    await cardSale(b, 'cafe-latte');
    for (const h of [a, b]) await h.core.sharedStore.flush();

    proxy.cut();
    await a.core.sharedStore.flush();
    await asManager(a);
    const { day } = await a.ok('day:today', {});
    const z = await a.ok('day:close', { day });
    expect(z.shop).toMatchObject({ status: 'store-offline' });
    expect(z.figures).toMatchObject({ orders: 1, sales: mine.amount });
    // Matching this register alone would call B's sale an orphan: it is not made.
    expect(z.reconciliation).toMatchObject({ status: 'unavailable', reason: 'store-offline' });
    expect((await a.ok('day:export', { day, headers: 'machine' })).csv).toContain(
      'shared store offline: this register only, not the shop',
    );
    proxy.restore();
    expect(await query(db.url, 'SELECT count(*)::int AS n FROM day_closes')).toEqual([{ n: 0 }]);
    // B, on the store, still closes the shop's day: A's sale is in it, sent before the store went away.
    await asManager(b);
    const shop = await b.ok('day:close', { day });
    expect(registersOf(shop).map((r) => r.register.name)).toEqual(['카운터 B', '카운터 A']);
    expect(shop.reconciliation).toMatchObject({ status: 'checked', mismatches: [] });
  });

  it('a store that stops answering mid-read holds the 마감 screen no longer than a statement may run: this register’s day, said so', async () => {
    const db = await freshDatabase();
    const { host, port } = hostPortOf(db.url);
    const proxy = await startTcpProxy(host, port);
    onCleanup(() => proxy.close());
    const own = await startOwnSimulator();
    const a = await register(own, proxy.url(db.url), '카운터 A');
    const mine = await cardSale(a, 'americano');
    await a.core.sharedStore.flush();
    // Not refused, not cut: the server hears the read and never answers (a stuck machine, a half-open link).
    proxy.hangOn('FROM orders o');
    onCleanup(async () => proxy.unhang());
    await asManager(a);
    const view = await a.ok('day:view', { day: mine.businessDay });
    expect(view.figures).toMatchObject({ orders: 1, sales: mine.amount });
    expect(view.source).toBe('this-register');
  }, 90_000);

  it('of two registers closing the shop’s day at once, one holds it; the other’s close is of its own books', async () => {
    const db = await freshDatabase();
    const own = await startOwnSimulator();
    const a = await register(own, db.url, '카운터 A');
    const b = await register(own, db.url, '카운터 B');
    await cardSale(a, 'americano');
    await cardSale(b, 'cafe-latte');
    // Each register's own close sends its own lines first; the other's are in the store once its outbox has sent them.
    for (const h of [a, b]) await h.core.sharedStore.flush();
    const { day } = await a.ok('day:today', {});
    const closes = await Promise.all([a.ok('day:close', { day }), b.ok('day:close', { day })]);
    expect(closes.map((z) => z.shop?.status).sort()).toEqual(['closed-by-shop', 'shop']);
    const kept = await query<{ name: string }>(
      db.url,
      'SELECT g.name FROM day_closes c JOIN registers g ON g.id = c.register_id',
    );
    const winner = closes.find((z) => z.shop?.status === 'shop')!;
    expect(kept).toEqual([{ name: winner.shop?.status === 'shop' ? winner.shop.madeOn.name : '' }]);
    expect(winner.figures.orders).toBe(2);
  });

  it('sends each drawer shift once, at its latest line, across a restart', async () => {
    const db = await freshDatabase();
    const own = await startOwnSimulator();
    const a = await register(own, db.url, '카운터 A');
    await a.ok('drawer:open', { float: FLOAT });
    await a.ok('drawer:move', { kind: 'in', amount: 5_000, reason: '거스름돈 보충' });
    await a.core.sharedStore.flush();
    await a.close();
    const again = await withLiveCore(own, {
      dataDir: a.dataDir,
      env: { POS_STORE_URL: db.url },
      replicationTiming: QUICK_REPLICATION,
    });
    await asManager(again);
    await again.core.sharedStore.flush();
    await again.ok('drawer:move', { kind: 'out', amount: 1_000, reason: '소모품 구입' });
    await again.core.sharedStore.flush();
    const rows = await query<{ line_no: number; moves: number }>(
      db.url,
      "SELECT line_no, jsonb_array_length(document->'movements') AS moves FROM drawer_shifts",
    );
    expect(rows).toEqual([{ line_no: 3, moves: 2 }]);
  });
});
