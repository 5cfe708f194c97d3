import { describe, expect, it } from 'vitest';
import type { Order } from '../../../../shared/domain/order';
import { asManager, issueCoupons } from '../../helpers/coupons';
import { onCleanup } from '../../helpers/cleanup';
import { startOwnSimulator, type PosHarness } from '../../helpers/pos';
import { shopOnPostgres } from '../../helpers/shop-on-postgres';
import { hostPortOf, startTcpProxy } from '../../../support/tcp-proxy';

const shop = shopOnPostgres('coupon_hold');
const AMERICANO = [{ productId: 'americano', quantity: 1 }];
/** The statement that holds a coupon for an order in the shared store. */
const HOLD = "UPDATE coupon_reservations SET state = 'reserved'";

async function until(condition: () => boolean, what: string, limitMs = 10_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** `work`, or a failure naming `what` if it has not finished within `limitMs`. */
function within<T>(limitMs: number, what: string, work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} waited on the coupon`)), limitMs)),
  ]);
}

async function cashSale(h: PosHarness): Promise<Order> {
  const order = await h.ok('sale:create', { lines: AMERICANO });
  return h.ok('cash:sale', { orderId: order.orderId, received: order.amount });
}

describe('a coupon held in a shared store that hangs', () => {
  it('holds up that sale only: a cash sale on the same register completes meanwhile, and the coupon is free after', async () => {
    const db = await shop.freshDatabase();
    const { host, port } = hostPortOf(db.url);
    const proxy = await startTcpProxy(host, port);
    onCleanup(() => proxy.close());
    const own = await startOwnSimulator();
    const h = await shop.live(own, proxy.url(db.url));
    const [code = ''] = await issueCoupons(h);
    await h.ok('staff:lock', {});

    proxy.hangOn(HOLD);
    let answered = false;
    const couponSale = h.call('sale:create', { lines: AMERICANO, couponCode: code }).finally(() => {
      answered = true;
    });
    await until(() => proxy.hung() > 0, 'the coupon’s hold to reach the hanging store');
    const cash = await within(3_000, 'a cash sale', cashSale(h));
    expect(cash.status).toBe('PAID');
    expect(answered).toBe(false);

    // The store's connection drops: the coupon sale is refused in plain words, and holds nothing.
    proxy.unhang();
    const refused = await couponSale;
    expect(refused.ok ? null : refused.error.code).toBe('COUPON_STORE_OFFLINE');
    const order = await h.ok('sale:create', { lines: AMERICANO, couponCode: code });
    expect(order.amount).toBe(3_500);
    expect((await h.ok('cash:sale', { orderId: order.orderId, received: order.amount })).status).toBe('PAID');
  });

  it('the day closed while the hold waited: the sale goes to the next day under an id of that day, the first hold let go', async () => {
    const db = await shop.freshDatabase();
    const { host, port } = hostPortOf(db.url);
    const proxy = await startTcpProxy(host, port);
    onCleanup(() => proxy.close());
    const own = await startOwnSimulator();
    const h = await shop.live(own, proxy.url(db.url));
    const [code = ''] = await issueCoupons(h);
    const { day } = await h.ok('day:today', {});

    proxy.hangOn(HOLD);
    const couponSale = h.call('sale:create', { lines: AMERICANO, couponCode: code });
    await until(() => proxy.hung() > 0, 'the coupon’s hold to reach the slow store');
    await asManager(h);
    await h.ok('day:close', { day });
    const { day: next } = await h.ok('day:today', {});
    expect(next > day).toBe(true);
    proxy.resume();

    const result = await couponSale;
    if (!result.ok) throw new Error(`the coupon sale was refused: ${result.error.code}`);
    expect(result.data.orderId.startsWith(next.replaceAll('-', ''))).toBe(true);
    const order = await h.ok('cash:sale', { orderId: result.data.orderId, received: result.data.amount });
    expect(order).toMatchObject({ status: 'PAID', businessDay: next });
    await h.core.sharedStore.flush();
    const claims = await shop.query(db.url, 'SELECT state, order_id FROM coupon_reservations WHERE code = $1', [code]);
    expect(claims).toEqual([{ state: 'used', order_id: order.orderId }]);
  });
});
