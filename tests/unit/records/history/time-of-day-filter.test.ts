import { describe, expect, it } from 'vitest';
import { withinTimeOfDay } from '../../../../shared/domain/time-of-day';
import { historyFilterSchema } from '../../../../shared/domain/history';
import { asManager } from '../../helpers/coupons';
import { withCore, type PosHarness } from '../../helpers/pos';
import { CARD, payWindow } from '../../helpers/toss-window';

async function sellAt(h: PosHarness, time: { set: (iso: string) => void }, iso: string): Promise<string> {
  time.set(iso);
  const order = await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
  const paymentKey = await payWindow(h.sim, h.clientKey, order, CARD.approves);
  return (await h.ok('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount })).orderId;
}

describe('the history time-of-day filter', () => {
  it('keeps the orders rung up within the hours of each chosen day, a window past midnight included, and the CSV lists the same orders', async () => {
    let at = Date.parse('2026-12-03T09:00:00+09:00');
    const time = { set: (iso: string) => void (at = Date.parse(iso)) };
    const h = await withCore({ now: () => new Date(at) });
    const morning = await sellAt(h, time, '2026-12-03T09:15:00+09:00');
    const lunch = await sellAt(h, time, '2026-12-03T13:40:00+09:00');
    const lateLunch = await sellAt(h, time, '2026-12-03T14:59:30+09:00');
    const evening = await sellAt(h, time, '2026-12-03T21:05:00+09:00');
    const nextLunch = await sellAt(h, time, '2026-12-04T13:05:00+09:00');
    await asManager(h);
    const list = async (fromTime?: string, toTime?: string) =>
      (
        await h.ok('history:list', { filter: { from: '2026-12-03', to: '2026-12-04', fromTime, toTime }, limit: 50 })
      ).rows.map((row) => row.orderId);

    expect(await list()).toEqual([nextLunch, evening, lateLunch, lunch, morning]);
    // Both minutes count: 14:59 holds a sale made at 14:59:30.
    expect(await list('13:00', '14:59')).toEqual([nextLunch, lateLunch, lunch]);
    expect(await list('21:00')).toEqual([evening]);
    expect(await list(undefined, '10:00')).toEqual([morning]);
    // From 21:00 to 10:00 runs past midnight: the evening and the morning.
    expect(await list('21:00', '10:00')).toEqual([evening, morning]);

    const { csv } = await h.ok('history:export', {
      filter: { from: '2026-12-03', to: '2026-12-04', fromTime: '13:00', toTime: '14:59' },
    });
    const ids = csv
      .trim()
      .split('\r\n')
      .slice(1)
      .map((row) => row.split(',')[0]);
    expect(ids).toEqual([nextLunch, lateLunch, lunch]);
  });

  it('reads a time of day to the minute in Seoul, and refuses one that is not a time', () => {
    expect(withinTimeOfDay('2026-12-03T05:30:00Z', '14:00', '14:30')).toBe(true);
    expect(withinTimeOfDay('2026-12-03T05:31:00Z', '14:00', '14:30')).toBe(false);
    expect(withinTimeOfDay('2026-12-03T05:31:00Z', undefined, undefined)).toBe(true);
    const day = { from: '2026-12-03', to: '2026-12-03' };
    expect(historyFilterSchema.safeParse({ ...day, fromTime: '24:00' }).success).toBe(false);
    expect(historyFilterSchema.safeParse({ ...day, toTime: '9:30' }).success).toBe(false);
    expect(historyFilterSchema.safeParse({ ...day, fromTime: '09:30', toTime: '23:59' }).success).toBe(true);
  });
});
