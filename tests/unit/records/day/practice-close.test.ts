import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../../shared/domain/order';
import { TRAINING_DIR } from '../../../../electron/core/platform/disk/training-dir';
import { asManager } from '../../helpers/coupons';
import { startOwnSimulator, withCore, withLiveCore, type PosHarness } from '../../helpers/pos';
import { tempDir } from '../../helpers/temp-dir';
import { CARD, payWindow } from '../../helpers/toss-window';

async function paid(h: PosHarness, productId: string): Promise<Order> {
  const order = await h.ok('sale:create', { lines: [{ productId, quantity: 1 }] });
  const paymentKey = await payWindow(h.sim, h.clientKey, order, CARD.approves);
  return h.ok('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
}

/** What a folder holds, by name. */
async function entries(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}

describe('the day close rehearsed in training', () => {
  it('counts the training sales, makes a practice Z marked as one, and keeps nothing: the training day goes on and no close is listed, in training or live', async () => {
    const now = () => new Date('2026-12-03T20:00:00+09:00');
    const dataDir = await tempDir('practice');
    const h = await withCore({ dataDir, now });
    await asManager(h);
    const first = await paid(h, 'americano');
    const day = first.businessDay;
    expect(day).toBe('2026-12-03');

    const view = await h.ok('day:view', { day });
    expect(view).toMatchObject({ closable: 'training', close: null });
    expect(view.figures).toMatchObject({ practice: true, orders: 1, sales: first.amount, trainingOrders: 0 });
    expect((await h.ok('day:x-report', { day })).figures.practice).toBe(true);

    const liveFilesBefore = await entries(dataDir);
    const z = await h.ok('day:practice-close', { day });
    expect(z).toMatchObject({
      kind: 'Z',
      day,
      by: '김토스',
      figures: { practice: true, orders: 1, sales: first.amount },
    });
    expect(z.reconciliation).toMatchObject({ status: 'unavailable', reason: 'training' });

    // Nothing was closed: no close listed, the day still open, a later sale in the same day.
    expect(await h.ok('day:closes', {})).toEqual([]);
    expect((await h.ok('day:view', { day })).close).toBeNull();
    expect(await h.ok('day:today', {})).toEqual({ day });
    expect((await paid(h, 'croissant')).businessDay).toBe(day);
    expect((await h.fail('day:close', { day })).code).toBe('DAY_CLOSE_IN_TRAINING');
    expect(await entries(dataDir)).toEqual(liveFilesBefore);
    expect(await entries(join(dataDir, TRAINING_DIR))).not.toContain('day-closes');

    const csv = (await h.ok('day:export', { day, headers: 'ko' })).csv;
    expect(csv.split('\r\n')[1]).toBe('practice,교육용 연습 마감 — 실제 장부가 아닙니다,,,,,,');
    await h.close();

    // The live books never saw it: no close, no sales, and no practice there.
    const own = await startOwnSimulator({ now });
    const live = await withLiveCore(own, { dataDir, now });
    await asManager(live);
    expect(await live.ok('day:closes', {})).toEqual([]);
    const liveView = await live.ok('day:view', { day });
    expect(liveView).toMatchObject({ close: null, closable: null, figures: { practice: false, orders: 0 } });
    expect((await live.fail('day:practice-close', { day })).code).toBe('DAY_PRACTICE_OUTSIDE_TRAINING');
    expect((await live.ok('day:export', { day })).csv).not.toContain('practice');
  });
});
