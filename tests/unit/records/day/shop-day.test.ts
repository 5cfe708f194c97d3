import { describe, expect, it } from 'vitest';
import { onCleanup } from '../../helpers/cleanup';
import { startOwnSimulator } from '../../helpers/pos';
import { shopOnPostgres } from '../../helpers/shop-on-postgres';
import { hostPortOf, startTcpProxy } from '../../../support/tcp-proxy';
import { cardSale, cashSale } from '../../helpers/sales';

const { freshDatabase, register } = shopOnPostgres('shop_day');

describe('the day’s figures across the shop’s registers (shared store)', () => {
  it('adds up every register’s sales and refunds in the open day’s figures, its X report and its CSV', async () => {
    const db = await freshDatabase();
    const own = await startOwnSimulator();
    const a = await register(own, db.url, '카운터 A');
    const b = await register(own, db.url, '카운터 B');
    const theirs = [await cashSale(a, 'americano', 2), await cardSale(a, 'cafe-latte')];
    const refunded = await a.ok('refund:create', {
      orderId: theirs[1]!.orderId,
      request: { kind: 'full' },
      reason: '고객 변심',
    });
    const mine = await cashSale(b);
    await Promise.all([a.core.sharedStore.flush(), b.core.sharedStore.flush()]);
    const day = mine.businessDay;
    const sales = theirs[0]!.amount + theirs[1]!.amount + mine.amount;

    const view = await b.ok('day:view', { day });
    expect(view.source).toBe('shop');
    expect(view.figures).toMatchObject({
      orders: 3,
      sales,
      refunds: { count: 1, amount: refunded.amount },
      net: sales - refunded.amount,
    });
    const x = await b.ok('day:x-report', { day });
    expect(x.source).toBe('shop');
    expect(x.figures).toMatchObject({ orders: 3, sales });
    const csv = await b.ok('day:export', { day, headers: 'en' });
    expect(csv.csv).toContain(String(sales));

    // A's own view is the same shop.
    expect((await a.ok('day:view', { day })).figures).toMatchObject({ orders: 3, sales });
  });

  it('counts this register’s own orders, and says so, while the store cannot be reached', async () => {
    const db = await freshDatabase();
    const { host, port } = hostPortOf(db.url);
    const proxy = await startTcpProxy(host, port);
    onCleanup(() => proxy.close());
    const own = await startOwnSimulator();
    const a = await register(own, db.url, '카운터 A');
    const b = await register(own, proxy.url(db.url), '카운터 B');
    await cashSale(a, 'americano', 3);
    const mine = await cashSale(b);
    await a.core.sharedStore.flush();
    expect((await b.ok('day:view', { day: mine.businessDay })).figures.orders).toBe(2);

    proxy.cut();
    const view = await b.ok('day:view', { day: mine.businessDay });
    expect(view.source).toBe('this-register');
    expect(view.figures).toMatchObject({ orders: 1, sales: mine.amount });
    const x = await b.ok('day:x-report', { day: mine.businessDay });
    expect(x.source).toBe('this-register');
    expect(x.figures.orders).toBe(1);
  });
});
