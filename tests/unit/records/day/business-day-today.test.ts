import { describe, expect, it } from 'vitest';
import type { Order } from '../../../../shared/domain/order';
import { asManager } from '../../helpers/coupons';
import { startOwnSimulator, withCore, withLiveCore, type PosHarness } from '../../helpers/pos';
import { CARD, payWindow } from '../../helpers/toss-window';

/** A clock the test moves, shared by the shop and its Toss. */
function clock(start: string) {
  let at = Date.parse(start);
  return {
    now: () => new Date(at),
    set(iso: string) {
      at = Date.parse(iso);
    },
  };
}

async function paid(h: PosHarness, productId: string): Promise<Order> {
  const order = await h.ok('sale:create', { lines: [{ productId, quantity: 1 }] });
  const paymentKey = await payWindow(h.sim, h.clientKey, order, CARD.approves);
  return h.ok('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
}

describe("main's business day, the default date of every screen", () => {
  it('is the Seoul date until the Z close, then the next day all evening, and that day again after midnight; history opened on it shows the late sale', async () => {
    const time = clock('2026-12-03T18:00:00+09:00');
    const own = await startOwnSimulator({ now: time.now });
    const h = await withLiveCore(own, { now: time.now });
    const at = async (iso: string) => {
      time.set(iso);
      await asManager(h);
    };
    await at('2026-12-03T18:00:00+09:00');
    await paid(h, 'americano');
    expect(await h.ok('day:today', {})).toEqual({ day: '2026-12-03' });

    await at('2026-12-03T21:00:00+09:00');
    await h.ok('day:close', { day: '2026-12-03' });
    // Still the 3rd on the calendar: main's business day is the 4th already.
    expect(await h.ok('day:today', {})).toEqual({ day: '2026-12-04' });

    await at('2026-12-03T21:30:00+09:00');
    const late = await paid(h, 'mug');
    const { day } = await h.ok('day:today', {});
    const listed = await h.ok('history:list', { filter: { from: day, to: day }, limit: 10 });
    expect(listed.rows.map((row) => row.orderId)).toEqual([late.orderId]);
    expect((await h.ok('day:view', { day })).figures.orders).toBe(1);

    await at('2026-12-04T00:10:00+09:00');
    expect(await h.ok('day:today', {})).toEqual({ day: '2026-12-04' });
    await at('2026-12-05T00:10:00+09:00');
    expect(await h.ok('day:today', {})).toEqual({ day: '2026-12-05' });
  });

  it('follows POS_TEST_CLOCK, not the machine’s date, and a cashier may ask for it', async () => {
    const h = await withCore({ env: { POS_TEST_CLOCK: '2031-03-04T23:30:00+09:00' } });
    expect(await h.ok('day:today', {})).toEqual({ day: '2031-03-04' });
  });
});
