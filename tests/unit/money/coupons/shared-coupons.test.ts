import { describe, expect, it } from 'vitest';
import { describeError } from '../../../../shared/i18n/error-messages';
import type { Order } from '../../../../shared/domain/order';
import { asManager, issueCoupons } from '../../helpers/coupons';
import { onCleanup } from '../../helpers/cleanup';
import { startOwnSimulator, withCore, type OwnSimulator, type PosHarness } from '../../helpers/pos';
import { QUICK_REPLICATION, shopOnPostgres } from '../../helpers/shop-on-postgres';
import type { TestDatabase } from '../../../support/postgres';
import { hostPortOf, startTcpProxy } from '../../../support/tcp-proxy';

const shop = shopOnPostgres('coupons');
const { freshDatabase, query } = shop;
const AMERICANO = [{ productId: 'americano', quantity: 1 }];

/** A live register of the shop, on the shared store at `url`, named so its refusals can be read. */
async function register(own: OwnSimulator, url: string, name: string): Promise<PosHarness> {
  const h = await shop.register(own, url, name);
  await h.ok('staff:lock', {});
  return h;
}

/** Three registers of one shop on one database, each with its own data folder. */
async function threeRegisters(db: TestDatabase) {
  const own = await startOwnSimulator();
  const a = await register(own, db.url, '카운터 A');
  const b = await register(own, db.url, '카운터 B');
  const c = await register(own, db.url, '카운터 C');
  return { own, a, b, c };
}

function cashPaid(h: PosHarness, order: { orderId: string; amount: number }): Promise<Order> {
  return h.ok('cash:sale', { orderId: order.orderId, received: order.amount });
}

async function claimOf(url: string, code: string) {
  const [row] = await query<{ state: string; order_id: string | null; name: string | null }>(
    url,
    `SELECT r.state, r.order_id, g.name FROM coupon_reservations r LEFT JOIN registers g ON g.id = r.register_id
      WHERE r.code = $1`,
    [code],
  );
  return row;
}

describe('coupons across registers on the shared store', () => {
  it('of 50 orders racing for one coupon on three registers, exactly one is paid with it', async () => {
    const db = await freshDatabase();
    const { a, b, c } = await threeRegisters(db);
    const [code = ''] = await issueCoupons(a);
    await a.ok('staff:lock', {});
    const registers = [a, b, c];
    const attempts = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const h = registers[i % 3]!;
        return { h, result: await h.call('sale:create', { lines: AMERICANO, couponCode: code }) };
      }),
    );
    const won = attempts.filter((attempt) => attempt.result.ok);
    expect(won).toHaveLength(1);
    const winner = won[0]!;
    if (!winner.result.ok) throw new Error('unreachable');
    const paid = await cashPaid(winner.h, winner.result.data);
    expect(paid.status).toBe('PAID');
    expect(paid.discounts).toMatchObject([{ source: 'coupon', code }]);

    for (const { h, result } of attempts) {
      if (result.ok) continue;
      // Another register's win is named as such; a second order on the winning register meets its own hold.
      expect(result.error.code).toBe(h === winner.h ? 'COUPON_RESERVED' : 'COUPON_ELSEWHERE');
    }
    // PostgreSQL says it was used once, by that order.
    const claim = await claimOf(db.url, code);
    expect(claim).toMatchObject({ state: 'used', order_id: paid.orderId });
    const usedBy = await query<{ n: number }>(
      db.url,
      "SELECT count(*)::int AS n FROM coupon_reservations WHERE state = 'used'",
    );
    expect(usedBy).toEqual([{ n: 1 }]);
    // Now every register refuses it, the others saying where it went.
    for (const h of registers.filter((r) => r !== winner.h)) {
      const error = await h.fail('sale:quote', { lines: AMERICANO, couponCode: code });
      expect(error).toMatchObject({ code: 'COUPON_ELSEWHERE', details: { state: 'used', register: claim!.name } });
    }
  });

  it('a coupon issued on A is seen and used on B, then refused on C (and on A) as used at B', async () => {
    const db = await freshDatabase();
    const { a, b, c } = await threeRegisters(db);
    const [code = ''] = await issueCoupons(a, { benefit: { type: 'fixed', amount: 1_000 } });
    // B never issued it: it knows it from the shared store.
    expect(await b.ok('sale:quote', { lines: AMERICANO, couponCode: code })).toMatchObject({ amount: 3_500 });
    const order = await b.ok('sale:create', { lines: AMERICANO, couponCode: code });
    expect(order.amount).toBe(3_500);
    await cashPaid(b, order);
    expect(await claimOf(db.url, code)).toMatchObject({ state: 'used', order_id: order.orderId, name: '카운터 B' });

    const refused = await c.fail('sale:create', { lines: AMERICANO, couponCode: code });
    expect(refused).toMatchObject({ code: 'COUPON_ELSEWHERE', details: { state: 'used', register: '카운터 B' } });
    expect(describeError(refused, 'ko')).toBe('다른 계산대(카운터 B)에서 이미 사용된 쿠폰입니다.');
    expect(describeError(refused, 'en')).toBe('This coupon was already used at another register (카운터 B).');
    expect((await a.fail('sale:quote', { lines: AMERICANO, couponCode: code })).code).toBe('COUPON_ELSEWHERE');
    // B's own book records what B did with it; A's list shows it used too, by B's order.
    for (const h of [b, a]) {
      await asManager(h);
      const row = (await h.ok('coupons:list', { search: code, offset: 0, limit: 1 })).rows[0];
      expect(row).toMatchObject({ code, state: 'used', isValid: false, orderId: order.orderId });
    }
    // Nor can A void what B used.
    expect((await a.fail('coupons:void', { code })).code).toBe('COUPON_ELSEWHERE');
  });

  it('an order given up on A lets the coupon go: B, refused while A held it, then takes it', async () => {
    const db = await freshDatabase();
    const { a, b } = await threeRegisters(db);
    const [code = ''] = await issueCoupons(a);
    const held = await a.ok('sale:create', { lines: AMERICANO, couponCode: code });
    const refused = await b.fail('sale:create', { lines: AMERICANO, couponCode: code });
    expect(refused).toMatchObject({ code: 'COUPON_ELSEWHERE', details: { state: 'held', register: '카운터 A' } });
    expect(describeError(refused, 'en')).toBe('An open order at another register (카운터 A) holds this coupon.');

    expect((await a.ok('sale:abandon', { orderId: held.orderId }))?.status).toBe('ABANDONED');
    expect(await claimOf(db.url, code)).toMatchObject({ state: 'released', order_id: held.orderId });
    const order = await b.ok('sale:create', { lines: AMERICANO, couponCode: code });
    await cashPaid(b, order);
    expect(await claimOf(db.url, code)).toMatchObject({ state: 'used', order_id: order.orderId, name: '카운터 B' });
  });

  it('a sale refunded to zero gives its coupon back to the shop: another register then uses it', async () => {
    const db = await freshDatabase();
    const { a, b } = await threeRegisters(db);
    const [code = ''] = await issueCoupons(a);
    const paid = await cashPaid(a, await a.ok('sale:create', { lines: AMERICANO, couponCode: code }));
    expect((await b.fail('sale:quote', { lines: AMERICANO, couponCode: code })).code).toBe('COUPON_ELSEWHERE');
    await asManager(a);
    const refunded = await a.ok('refund:create', { orderId: paid.orderId, request: { kind: 'full' }, reason: 'x' });
    expect(refunded.refunds[0]?.coupon).toBe('restored');
    expect(await claimOf(db.url, code)).toMatchObject({ state: 'released', order_id: paid.orderId });
    const order = await b.ok('sale:create', { lines: AMERICANO, couponCode: code });
    await cashPaid(b, order);
    expect(await claimOf(db.url, code)).toMatchObject({ state: 'used', order_id: order.orderId, name: '카운터 B' });
  });

  it('a coupon paid while the store was down is told to it once it is back, after a restart too', async () => {
    const db = await freshDatabase();
    const { host, port } = hostPortOf(db.url);
    const proxy = await startTcpProxy(host, port);
    onCleanup(() => proxy.close());
    const own = await startOwnSimulator();
    const a = await register(own, proxy.url(db.url), '카운터 A');
    const b = await register(own, db.url, '카운터 B');
    const [first = '', second = ''] = await issueCoupons(a, {}, { count: 2 });
    await a.ok('staff:lock', {});
    const held = [
      await a.ok('sale:create', { lines: AMERICANO, couponCode: first }),
      await a.ok('sale:create', { lines: AMERICANO, couponCode: second }),
    ];
    proxy.cut();
    // The money is taken whatever the store says; the store keeps both held meanwhile, never free.
    for (const order of held) expect((await cashPaid(a, order)).status).toBe('PAID');
    for (const code of [first, second]) {
      expect(await claimOf(db.url, code)).toMatchObject({ state: 'reserved' });
      expect((await b.fail('sale:quote', { lines: AMERICANO, couponCode: code })).code).toBe('COUPON_ELSEWHERE');
    }
    // Back, while running: the settling round tells it.
    proxy.restore();
    await a.core.settleNow();
    expect(await claimOf(db.url, first)).toMatchObject({ state: 'used', order_id: held[0]!.orderId });
    // As though the other use had not reached the store before the register was restarted: told after the start.
    await query(db.url, "UPDATE coupon_reservations SET state = 'reserved' WHERE code = $1", [second]);
    await a.close();
    const again = await shop.live(own, proxy.url(db.url), { dataDir: a.dataDir });
    await again.core.settled;
    expect(await claimOf(db.url, second)).toMatchObject({ state: 'used', order_id: held[1]!.orderId });
  });

  it('a hold the store kept for an order never stored (a crash in between) is let go at the next start', async () => {
    const db = await freshDatabase();
    const { own, a, b } = await threeRegisters(db);
    const [code = ''] = await issueCoupons(a);
    const day = (await cashPaid(a, await a.ok('sale:create', { lines: AMERICANO }))).businessDay;
    await a.close();
    // As the crash leaves it: held in the store for an order of A's that A's journal never got.
    const never = `${day.replaceAll('-', '')}-NEVERST0RED0`;
    await query(
      db.url,
      `UPDATE coupon_reservations SET state = 'reserved', order_id = $2,
              register_id = (SELECT id FROM registers WHERE name = '카운터 A')
        WHERE code = $1`,
      [code, never],
    );
    expect((await b.fail('sale:quote', { lines: AMERICANO, couponCode: code })).code).toBe('COUPON_ELSEWHERE');
    const again = await shop.live(own, db.url, { dataDir: a.dataDir });
    await again.core.settled;
    expect(await claimOf(db.url, code)).toMatchObject({ state: 'released', order_id: never });
    const order = await b.ok('sale:create', { lines: AMERICANO, couponCode: code });
    await cashPaid(b, order);
    expect(await claimOf(db.url, code)).toMatchObject({ state: 'used', order_id: order.orderId });
  });

  it('offline, a coupon is refused in plain words and nothing changes; selling without one goes on', async () => {
    const db = await freshDatabase();
    const { own, a } = await threeRegisters(db);
    const [code = ''] = await issueCoupons(a);
    const { host, port } = hostPortOf(db.url);
    const proxy = await startTcpProxy(host, port);
    onCleanup(() => proxy.close());
    const c = await shop.live(own, proxy.url(db.url));
    expect(await c.ok('sale:quote', { lines: AMERICANO, couponCode: code })).toMatchObject({ amount: 3_500 });
    const before = await query(db.url, 'SELECT * FROM coupon_reservations ORDER BY code');

    proxy.cut();
    for (const channel of ['sale:quote', 'sale:create'] as const) {
      const error = await c.fail(channel, { lines: AMERICANO, couponCode: code });
      expect(error).toMatchObject({ code: 'COUPON_STORE_OFFLINE', retryable: true });
      expect(describeError(error, 'ko')).toMatch(/^공유 저장소에 연결할 수 없어 쿠폰을 쓸 수 없습니다/);
      expect(describeError(error, 'en')).toMatch(/^Coupons need the shared store, which is offline/);
    }
    // Issuing is the shop's too: refused, and nothing issued here.
    await asManager(c);
    const definition = await c.ok('coupons:define', {
      name: '오프라인',
      benefit: { type: 'fixed', amount: 500 },
      minOrderAmount: 0,
      scope: { categoryIds: [], productIds: [] },
    });
    const issue = { definitionId: definition.id, count: 3, validFrom: '2020-01-01', validUntil: '2099-12-31' };
    expect((await c.fail('coupons:issue', issue)).code).toBe('COUPON_STORE_OFFLINE');
    expect((await c.ok('coupons:list', { definitionId: definition.id, offset: 0, limit: 10 })).total).toBe(0);
    await c.ok('staff:lock', {});

    const plain = await c.ok('sale:create', { lines: AMERICANO });
    expect((await cashPaid(c, plain)).status).toBe('PAID');
    expect(await query(db.url, 'SELECT * FROM coupon_reservations ORDER BY code')).toEqual(before);
    expect(await claimOf(db.url, code)).toMatchObject({ state: 'free' });

    // Back online, the coupon is there to use.
    proxy.restore();
    const order = await c.ok('sale:create', { lines: AMERICANO, couponCode: code });
    await cashPaid(c, order);
    expect(await claimOf(db.url, code)).toMatchObject({ state: 'used', order_id: order.orderId });
  });

  it('training keeps its own coupons and never reaches PostgreSQL', async () => {
    const db = await freshDatabase();
    const h = await withCore({ env: { POS_STORE_URL: db.url }, replicationTiming: QUICK_REPLICATION });
    const [code = ''] = await issueCoupons(h);
    const order = await h.ok('sale:create', { lines: AMERICANO, couponCode: code });
    await cashPaid(h, order);
    // The live books' outbox has brought the schema up: the shop's coupons are there, and none is training's.
    await h.core.sharedStore.flush();
    expect(await query(db.url, 'SELECT count(*)::int AS n FROM coupons')).toEqual([{ n: 0 }]);
    expect(await query(db.url, 'SELECT count(*)::int AS n FROM coupon_reservations')).toEqual([{ n: 0 }]);
  });
});
