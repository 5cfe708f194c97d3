import { describe, expect, it } from 'vitest';
import type { Order } from '../../../../shared/domain/order';
import { onCleanup } from '../../helpers/cleanup';
import { asManager } from '../../helpers/coupons';
import { startOwnSimulator } from '../../helpers/pos';
import { shopOnPostgres } from '../../helpers/shop-on-postgres';
import { hostPortOf, startTcpProxy } from '../../../support/tcp-proxy';
import { cardSale, cashSale } from '../../helpers/sales';

const { freshDatabase, register } = shopOnPostgres('shop_month');

const sum = (orders: Order[]) => orders.reduce((total, order) => total + order.amount, 0);

describe('the month for the 세무사 on a shared store', () => {
  it('takes each day as the shop’s: a day closed on another register counts every register as its Z kept them, an open day every register so far; with the store down, this register’s days, saying so', async () => {
    const db = await freshDatabase();
    const { host, port } = hostPortOf(db.url);
    const proxy = await startTcpProxy(host, port);
    onCleanup(() => proxy.close());
    let at = Date.parse('2026-11-02T10:00:00+09:00');
    const now = () => new Date(at);
    const own = await startOwnSimulator({ now });
    const a = await register(own, db.url, '카운터 A', { now });
    // B reaches the store through a proxy the test can cut.
    const b = await register(own, proxy.url(db.url), '카운터 B', { now });
    const move = async (iso: string) => {
      at = Date.parse(iso);
      for (const h of [a, b]) await asManager(h);
    };

    const first = {
      a: [await cardSale(a, 'americano'), await cashSale(a, 'croissant', 1, 50_000)],
      b: [await cardSale(b, 'cafe-latte')],
    };
    for (const h of [a, b]) await h.core.sharedStore.flush();
    await move('2026-11-02T21:00:00+09:00');
    const z = await a.ok('day:close', { day: '2026-11-02' });
    expect(z.shop).toMatchObject({ status: 'shop' });
    expect(z.figures.sales).toBe(sum([...first.a, ...first.b]));
    // B's own Z of that day closes its own books only: the month still counts the shop's close.
    const bZ = await b.ok('day:close', { day: '2026-11-02' });
    expect(bZ.shop).toMatchObject({ status: 'closed-by-shop' });

    await move('2026-11-03T11:00:00+09:00');
    const second = {
      a: [await cashSale(a, 'americano', 1, 50_000)],
      b: [await cardSale(b, 'cheesecake'), await cashSale(b, 'croissant', 1, 50_000)],
    };
    for (const h of [a, b]) await h.core.sharedStore.flush();

    const month = await b.ok('month:report', { month: '2026-11' });
    expect(month.source).toBe('shop');
    expect(month.days.map((d) => [d.day, d.closed])).toEqual([
      ['2026-11-02', true],
      ['2026-11-03', false],
    ]);
    // The closed day: the shop's Z made on A, both registers' sales.
    expect(month.days[0]?.taxes).toEqual(z.figures.taxes);
    expect(month.days[0]?.taxes).toMatchObject({
      card: first.a[0]!.amount + first.b[0]!.amount,
      cashWithoutReceipt: first.a[1]!.amount,
    });
    // The open day: every register's sales so far.
    expect(month.days[1]?.taxes).toMatchObject({
      card: second.b[0]!.amount,
      cashWithoutReceipt: second.a[0]!.amount + second.b[1]!.amount,
      refunds: 0,
    });
    const shopSales = sum([...first.a, ...first.b, ...second.a, ...second.b]);
    const { net } = month.total;
    expect(net.taxable + net.vat + net.taxFree).toBe(shopSales);
    // Either register's month is the same shop's month.
    expect(await a.ok('month:report', { month: '2026-11' })).toEqual(month);
    const exported = await b.ok('month:export', { month: '2026-11' });
    expect(exported).toMatchObject({ fileName: 'toss-pos-month-2026-11.csv', source: 'shop' });
    const rows = exported.csv.replace('\uFEFF', '').trim().split('\r\n');
    expect(rows[1]).toBe(
      `2026-11-02,Z,${first.a[0]!.amount + first.b[0]!.amount},0,${first.a[1]!.amount},0,${month.days[0]!.taxes.net.taxable},${month.days[0]!.taxes.net.vat},0`,
    );

    // The store gone: B's month is B's own days, whole, and says so (its own Z of the 2nd is B's books only).
    proxy.cut();
    await b.core.sharedStore.flush();
    await asManager(b);
    const alone = await b.ok('month:report', { month: '2026-11' });
    expect(alone.source).toBe('this-register');
    expect(alone.days.map((d) => [d.day, d.closed])).toEqual([
      ['2026-11-02', true],
      ['2026-11-03', false],
    ]);
    expect(alone.days[0]?.taxes).toEqual(bZ.figures.taxes);
    expect(alone.days[0]?.taxes).toMatchObject({ card: first.b[0]!.amount, cashWithoutReceipt: 0 });
    expect(alone.days[1]?.taxes).toMatchObject({
      card: second.b[0]!.amount,
      cashWithoutReceipt: second.b[1]!.amount,
    });
    expect((await b.ok('month:export', { month: '2026-11' })).fileName).toBe(
      'toss-pos-month-2026-11-this-register-only.csv',
    );
  });

  it('lists a day on which only another register refunded (nothing sold anywhere), as the shop’s open day', async () => {
    const db = await freshDatabase();
    let at = Date.parse('2026-11-09T10:00:00+09:00');
    const now = () => new Date(at);
    const own = await startOwnSimulator({ now });
    const a = await register(own, db.url, '카운터 A', { now });
    const b = await register(own, db.url, '카운터 B', { now });
    const move = async (iso: string) => {
      at = Date.parse(iso);
      for (const h of [a, b]) await asManager(h);
    };
    const sold = await cardSale(b, 'cheesecake');
    await b.core.sharedStore.flush();
    await move('2026-11-09T21:00:00+09:00');
    await a.ok('day:close', { day: '2026-11-09' });

    await move('2026-11-10T12:00:00+09:00');
    const refunded = await b.ok('refund:create', {
      orderId: sold.orderId,
      request: { kind: 'full' },
      reason: '고객 변심',
    });
    await b.core.sharedStore.flush();

    const month = await a.ok('month:report', { month: '2026-11' });
    expect(month.source).toBe('shop');
    expect(month.days.map((d) => [d.day, d.closed, d.taxes.card, d.taxes.refunds])).toEqual([
      ['2026-11-09', true, sold.amount, 0],
      ['2026-11-10', false, 0, refunded.amount],
    ]);
    expect(month.total.net.taxable + month.total.net.vat).toBe(0);
  });

  it('a store that stops answering the month’s closes gives this register’s month, soon, and says so', async () => {
    const db = await freshDatabase();
    const { host, port } = hostPortOf(db.url);
    const proxy = await startTcpProxy(host, port);
    onCleanup(() => proxy.close());
    const own = await startOwnSimulator();
    const a = await register(own, db.url, '카운터 A');
    const b = await register(own, proxy.url(db.url), '카운터 B');
    await cardSale(a, 'americano');
    const mine = await cardSale(b, 'cafe-latte');
    for (const h of [a, b]) await h.core.sharedStore.flush();
    // The outbox still reaches the store: only the month's read of the closes hangs.
    proxy.hangOn('FROM day_closes');
    onCleanup(async () => proxy.unhang());
    const started = Date.now();
    const month = await b.ok('month:report', { month: mine.businessDay.slice(0, 7) });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(month.source).toBe('this-register');
    expect(month.days.map((d) => [d.day, d.taxes.card])).toEqual([[mine.businessDay, mine.amount]]);
  }, 30_000);
});
