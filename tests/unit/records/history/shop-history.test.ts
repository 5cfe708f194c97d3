import { describe, expect, it } from 'vitest';
import type { HistoryFilter, HistoryRow } from '../../../../shared/domain/history';
import type { Order } from '../../../../shared/domain/order';
import { onCleanup } from '../../helpers/cleanup';
import { asManager } from '../../helpers/coupons';
import { startOwnSimulator, withCore, type OwnSimulator, type PosHarness } from '../../helpers/pos';
import { QUICK_REPLICATION, shopOnPostgres } from '../../helpers/shop-on-postgres';
import { hostPortOf, startTcpProxy } from '../../../support/tcp-proxy';
import { cardSale, cashSale } from '../../helpers/sales';

const shop = shopOnPostgres('shop_history');
const { freshDatabase } = shop;

/** The registers' one clock, moved on a second at a time so each sale has a time of its own (times are kept to the second). */
let skew = 0;
const clock = () => new Date(Date.now() + skew);
function aSecondLater(): void {
  skew += 1_000;
}

/** A live register on the shop's store, named by its manager. */
function register(own: OwnSimulator, url: string, name: string): Promise<PosHarness> {
  return shop.register(own, url, name, { now: clock });
}

function dayOf(order: Order): HistoryFilter {
  return { from: order.businessDay, to: order.businessDay };
}

/** Every row of the filter, page after page of `limit`. */
async function allPages(h: PosHarness, filter: HistoryFilter, limit: number): Promise<HistoryRow[]> {
  const rows: HistoryRow[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await h.ok('history:list', { filter, limit, ...(cursor === undefined ? {} : { cursor }) });
    rows.push(...page.rows);
    if (page.next === null) return rows;
    cursor = page.next;
  }
}

describe('history across the shop’s registers (shared store)', () => {
  it('lists another register’s sales with its name, newest first, merged with this register’s own', async () => {
    const db = await freshDatabase();
    const own = await startOwnSimulator();
    const a = await register(own, db.url, '카운터 A');
    const b = await register(own, db.url, '카운터 B');
    const first = await cashSale(a);
    aSecondLater();
    const second = await cashSale(b, 'cafe-latte');
    aSecondLater();
    const third = await cardSale(a, 'cafe-latte');
    aSecondLater();
    const fourth = await cashSale(b, 'americano', 2);
    await Promise.all([a.core.sharedStore.flush(), b.core.sharedStore.flush()]);

    const page = await b.ok('history:list', { filter: dayOf(first), limit: 50 });
    expect(page.source).toBe('shop');
    expect(page.rows.map((row) => [row.orderId, row.registerName])).toEqual([
      [fourth.orderId, '카운터 B'],
      [third.orderId, '카운터 A'],
      [second.orderId, '카운터 B'],
      [first.orderId, '카운터 A'],
    ]);
    expect(page.rows[1]).toMatchObject({ amount: third.amount, status: 'paid', approveNo: third.payment?.approveNo });

    // Page by page, one order a page: each order once, in the same order, whichever register's the cursor was.
    expect((await allPages(b, dayOf(first), 1)).map((row) => row.orderId)).toEqual(page.rows.map((row) => row.orderId));
    expect((await allPages(a, dayOf(first), 2)).map((row) => row.orderId)).toEqual(page.rows.map((row) => row.orderId));

    // Sales of the same second on both registers: still each once, page by page.
    aSecondLater();
    for (const h of [a, b, a, b]) await cashSale(h);
    await Promise.all([a.core.sharedStore.flush(), b.core.sharedStore.flush()]);
    for (const h of [a, b]) {
      // Each register lists its own first among orders of the same second.
      const whole = (await h.ok('history:list', { filter: dayOf(first), limit: 50 })).rows.map((row) => row.orderId);
      expect(new Set(whole).size).toBe(8);
      for (const limit of [1, 3])
        expect((await allPages(h, dayOf(first), limit)).map((row) => row.orderId)).toEqual(whole);
    }

    // The filters apply to the other register’s orders too.
    const lattes = await b.ok('history:list', { filter: { ...dayOf(first), search: '카페라테' }, limit: 50 });
    expect(lattes.rows.map((row) => row.orderId).sort()).toEqual([second.orderId, third.orderId].sort());
    const cards = await b.ok('history:list', {
      filter: { ...dayOf(first), method: third.payment!.method! },
      limit: 50,
    });
    expect(cards.rows.map((row) => row.orderId)).toEqual([third.orderId]);

    // The detail opens from B, with the register that rang it up.
    const detail = await b.ok('history:order', { orderId: third.orderId });
    expect(detail).toMatchObject({ orderId: third.orderId, amount: third.amount, registerName: '카운터 A' });

    // The range's figures are the shop's.
    const totals = await b.ok('history:totals', dayOf(first));
    expect(totals).toMatchObject({
      source: 'shop',
      orders: 8,
      paid: first.amount + second.amount + third.amount + fourth.amount + 4 * first.amount,
    });

    // The CSV names each order's register in a last column.
    const csv = await b.ok('history:export', { filter: dayOf(first), headers: 'en' });
    expect(csv.source).toBe('shop');
    const lines = csv.csv.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/,Register$/);
    expect(lines.find((line) => line.includes(third.orderId))).toMatch(/,카운터 A$/);
    expect(lines.find((line) => line.includes(fourth.orderId))).toMatch(/,카운터 B$/);
  });

  it('finds another register’s card sale by its approval number, whatever the range', async () => {
    const db = await freshDatabase();
    const own = await startOwnSimulator();
    const a = await register(own, db.url, '카운터 A');
    const b = await register(own, db.url, '카운터 B');
    const sale = await cardSale(a);
    await cashSale(b);
    await a.core.sharedStore.flush();
    const approveNo = sale.payment!.approveNo!;
    const found = await b.ok('history:list', {
      filter: { from: '2020-01-01', to: '2020-01-01', search: approveNo },
      limit: 20,
    });
    expect(found.rows.map((row) => [row.orderId, row.registerName])).toEqual([[sale.orderId, '카운터 A']]);
  });

  it('shows this register’s own sale at once, before the outbox sends it, and once after', async () => {
    const db = await freshDatabase();
    const own = await startOwnSimulator();
    const a = await register(own, db.url, '카운터 A');
    const b = await register(own, db.url, '카운터 B');
    await cashSale(a);
    await a.core.sharedStore.flush();
    const mine = await cashSale(b);
    const now = await b.ok('history:list', { filter: dayOf(mine), limit: 50 });
    expect(now.rows.filter((row) => row.orderId === mine.orderId)).toHaveLength(1);
    expect(now.rows).toHaveLength(2);
    await b.core.sharedStore.flush();
    const later = await b.ok('history:list', { filter: dayOf(mine), limit: 50 });
    expect(later.rows.map((row) => row.orderId)).toEqual(now.rows.map((row) => row.orderId));
    expect((await b.ok('history:totals', dayOf(mine))).orders).toBe(2);
  });

  it('answers from this register’s own book, and says so, while the store cannot be reached', async () => {
    const db = await freshDatabase();
    const { host, port } = hostPortOf(db.url);
    const proxy = await startTcpProxy(host, port);
    onCleanup(() => proxy.close());
    const own = await startOwnSimulator();
    const a = await register(own, db.url, '카운터 A');
    const b = await register(own, proxy.url(db.url), '카운터 B');
    const theirs = await cashSale(a);
    const mine = await cashSale(b);
    await a.core.sharedStore.flush();
    expect((await b.ok('history:list', { filter: dayOf(mine), limit: 50 })).rows).toHaveLength(2);

    proxy.cut();
    const later = await cashSale(b, 'cafe-latte');
    const page = await b.ok('history:list', { filter: dayOf(mine), limit: 50 });
    expect(page.source).toBe('this-register');
    expect(page.rows.map((row) => row.orderId)).toEqual([later.orderId, mine.orderId]);
    const totals = await b.ok('history:totals', dayOf(mine));
    expect(totals).toMatchObject({ source: 'this-register', orders: 2 });
    expect((await b.ok('history:export', { filter: dayOf(mine) })).source).toBe('this-register');
    expect(await b.fail('history:order', { orderId: theirs.orderId })).toMatchObject({ code: 'ORDER_NOT_FOUND' });

    proxy.restore();
    const back = await b.ok('history:list', { filter: dayOf(mine), limit: 50 });
    expect(back.source).toBe('shop');
    expect(back.rows.map((row) => row.orderId)).toEqual([later.orderId, mine.orderId, theirs.orderId]);
  });

  it('never reads the shared store in training: the training books are this register’s alone', async () => {
    const db = await freshDatabase();
    const own = await startOwnSimulator();
    const a = await register(own, db.url, '카운터 A');
    const sale = await cashSale(a);
    await a.core.sharedStore.flush();
    const trainee = await withCore({ env: { POS_STORE_URL: db.url }, replicationTiming: QUICK_REPLICATION });
    await asManager(trainee);
    const page = await trainee.ok('history:list', { filter: dayOf(sale), limit: 50 });
    expect(page.source).toBeUndefined();
    expect(page.rows).toEqual([]);
  });
});
