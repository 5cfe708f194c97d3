import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HistoryFilter } from '../../../../shared/domain/history';
import { asManager } from '../../helpers/coupons';
import { startOwnSimulator, withLiveCore, type CoreOptions, type PosHarness } from '../../helpers/pos';
import { orderSchemaFingerprint } from '../../../../electron/core/orders/index/canonical-lines';

/** A clock the test sets: all of main's "now" comes from it. */
function clock(iso: string) {
  let at = Date.parse(iso);
  return { now: () => new Date(at), set: (next: string) => void (at = Date.parse(next)) };
}

/** The rebuild's pace as a valve: shut, no day after the first is built until the test lets some (or all) through. */
function valve() {
  let passes = 0;
  let open = false;
  const waiting: Array<() => void> = [];
  const release = () => {
    while (waiting.length > 0 && (open || passes > 0)) {
      if (!open) passes -= 1;
      waiting.shift()?.();
    }
  };
  return {
    pace: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        release();
      }),
    let(days: number) {
      passes += days;
      release();
    },
    open() {
      open = true;
      release();
    },
  };
}

const SEEDED = ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'];
const RANGE: HistoryFilter = { from: '2026-11-01', to: '2026-11-30' };

async function cashSale(h: PosHarness, productId: string) {
  const order = await h.ok('sale:create', { lines: [{ productId, quantity: 1 }] });
  return h.ok('cash:sale', { orderId: order.orderId, received: 50_000 });
}

/** A live core (real sales: totals and the day close count them) on the shop's folder, signed in as its manager. */
async function liveCore(options: CoreOptions): Promise<PosHarness> {
  const h = await withLiveCore(await startOwnSimulator(), options);
  await asManager(h);
  return h;
}

/** Six days of cash sales, two a day, in a folder whose history index is then lost. */
async function historyWithoutIndex() {
  const time = clock('2026-11-01T10:00:00+09:00');
  const h = await liveCore({ now: time.now });
  const sold: string[] = [];
  for (const day of SEEDED) {
    time.set(`${day}T10:00:00+09:00`);
    sold.push((await cashSale(h, 'americano')).orderId);
    time.set(`${day}T11:00:00+09:00`);
    sold.push((await cashSale(h, 'cheesecake')).orderId);
  }
  await h.close();
  await rm(join(h.booksDir, 'orders', 'index'), { recursive: true });
  time.set('2026-11-07T09:00:00+09:00');
  return { dataDir: h.dataDir, time, sold };
}

/** What history and the day close say of the seeded days. */
async function whatHistorySays(h: PosHarness, sold: readonly string[]) {
  const list = (filter: HistoryFilter) =>
    h.ok('history:list', { filter, limit: 50 }).then((page) => page.rows.map((row) => row.orderId));
  return {
    all: await list(RANGE),
    oneDay: await list({ from: '2026-11-02', to: '2026-11-02' }),
    search: await list({ ...RANGE, search: '치즈' }),
    order: await h.ok('history:order', { orderId: sold[4] ?? '' }),
    totals: await h.ok('history:totals', { from: '2026-11-01', to: '2026-11-06' }),
    dayClose: (await h.ok('day:view', { day: '2026-11-03' })).figures,
  };
}

async function catchingUp(h: PosHarness) {
  return (await h.ok('history:list', { filter: RANGE, limit: 1 })).catchingUp;
}

describe('a rebuild of the history index (a format change, a lost index)', () => {
  it('never stops the till: a sale is answered while it is under way, history answers unbuilt days from their journals, exactly as after it', async () => {
    const { dataDir, time, sold } = await historyWithoutIndex();
    const rebuild = valve();
    const h = await liveCore({ dataDir, now: time.now, rebuildPace: rebuild.pace });

    const sale = await cashSale(h, 'bagel');
    expect(sale).toMatchObject({ status: 'PAID', callNumber: 1, businessDay: '2026-11-07' });
    // Only the newest days (those start-up reads) are built before the app answers.
    expect(await catchingUp(h)).toMatchObject({ built: expect.toBeOneOf([1, 2]), total: 6 });

    const meanwhile = await whatHistorySays(h, sold);
    expect(meanwhile.all).toEqual([sale.orderId, ...[...sold].reverse()]);
    expect(meanwhile.oneDay).toEqual([sold[3], sold[2]]);
    expect(meanwhile.search).toEqual(sold.filter((_, i) => i % 2 === 1).reverse());
    expect(meanwhile.order.orderId).toBe(sold[4]);
    expect(meanwhile.totals).toMatchObject({ orders: 12 });
    expect(meanwhile.dayClose).toMatchObject({ orders: 2, sales: 4_500 + 6_500 });

    rebuild.open();
    await h.core.orders('live').rebuilt();
    expect(await catchingUp(h)).toBeUndefined();
    expect(await whatHistorySays(h, sold)).toEqual(meanwhile);
    // A second sale of the day follows the first: its number is the day's next.
    expect(await cashSale(h, 'americano')).toMatchObject({ callNumber: 2 });
  });

  it('reports its progress in days, up to done', async () => {
    const { dataDir, time } = await historyWithoutIndex();
    const rebuild = valve();
    const h = await liveCore({ dataDir, now: time.now, rebuildPace: rebuild.pace });
    const atStart = (await catchingUp(h))?.built ?? 0;
    expect(atStart).toBeLessThan(3);
    rebuild.let(3);
    await expect.poll(async () => (await catchingUp(h))?.built).toBeGreaterThan(atStart);
    expect(await catchingUp(h)).toMatchObject({ built: expect.toBeOneOf([3, 4, 5]), total: 6 });
    rebuild.open();
    await expect.poll(() => catchingUp(h)).toBeUndefined();
  });

  it('cut short by a quit, starts again at the next start and finishes', async () => {
    const { dataDir, time, sold } = await historyWithoutIndex();
    const rebuild = valve();
    const first = await liveCore({ dataDir, now: time.now, rebuildPace: rebuild.pace });
    await cashSale(first, 'bagel');
    rebuild.let(1);
    await expect.poll(async () => (await catchingUp(first))?.built).toBeGreaterThan(1);
    await first.close();
    const versionFile = join(first.booksDir, 'orders', 'index', 'version.json');
    await expect(readFile(versionFile, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });

    const again = await liveCore({ dataDir, now: time.now });
    await again.core.orders('live').rebuilt();
    expect(await catchingUp(again)).toBeUndefined();
    const all = (await again.ok('history:list', { filter: RANGE, limit: 50 })).rows.map((row) => row.orderId);
    expect(all.slice(1)).toEqual([...sold].reverse());
    expect(JSON.parse(await readFile(versionFile, 'utf8'))).toEqual({ version: 4, schema: orderSchemaFingerprint() });
  });
});
