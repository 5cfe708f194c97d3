import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PREPARING_SHOWN_MAX, type CallBoard } from '../../../../shared/domain/call-board';
import type { Order } from '../../../../shared/domain/order';
import { emptyDraft } from '../../../../shared/domain/register';
import { seoulDay, seoulIso } from '../../../../shared/domain/time';
import { TRAINING_DIR } from '../../../../electron/core/platform/disk/training-dir';
import { demoCatalog } from '../../../../electron/core/shop/catalog/demo-catalog';
import type { OrderBook } from '../../../../electron/core/orders/order-book';
import { anOrder, oneAmericano } from '../../../support/an-order';
import { asManager } from '../../helpers/coupons';
import { startOwnSimulator, withCore, withLiveCore, type PosHarness } from '../../helpers/pos';
import { tempDir } from '../../helpers/temp-dir';

const SEEDED = 2_000;
const STILL_MAKING = 10;
const SALES = 300;

/** A folder whose business day already holds 2,000 paid orders, all but the last `making` called ready an hour ago. */
async function busyDay(at: Date, making = STILL_MAKING): Promise<string> {
  const dataDir = await tempDir('board');
  const books = join(dataDir, TRAINING_DIR);
  await mkdir(join(books, 'orders'), { recursive: true });
  const day = seoulDay(at);
  const paidAt = seoulIso(new Date(at.getTime() - 2 * 3_600_000));
  const orders: Order[] = Array.from({ length: SEEDED }, (_, i) =>
    anOrder({ createdAt: paidAt, updatedAt: paidAt, ...oneAmericano(), status: 'PAID', callNumber: i + 1 }, day),
  );
  await writeFile(join(books, 'orders', `${day}.jsonl`), orders.map((o) => `${JSON.stringify(o)}\n`).join(''));
  const calledAt = new Date(at.getTime() - 3_600_000).toISOString();
  const ready = orders.slice(0, SEEDED - making).map((o) => ({ orderId: o.orderId, businessDay: day, at: calledAt }));
  await writeFile(join(books, 'call-board.json'), JSON.stringify({ ready }));
  // A folder with sales never gets the demo catalog made up for it: the shop's own is there.
  await writeFile(join(dataDir, 'catalog.json'), JSON.stringify(demoCatalog));
  return dataDir;
}

/** How often the book is asked for a whole day's orders (the real read runs each time). */
function countDayReads(book: OrderBook): { count: number } {
  const reads = { count: 0 };
  const read = book.ordersOfDay.bind(book);
  book.ordersOfDay = (day) => {
    reads.count += 1;
    return read(day);
  };
  return reads;
}

async function cashSale(h: PosHarness): Promise<Order & { callNumber: number }> {
  const order = await h.ok('sale:create', {
    lines: [{ productId: 'americano', quantity: 1, options: [], memo: null }],
  });
  const paid = await h.ok('cash:sale', { orderId: order.orderId, received: order.amount });
  await h.ok('register:save-draft', { ...emptyDraft, stage: 'paid', paidOrderId: paid.orderId });
  if (paid.callNumber === null) throw new Error('a paid order has a number');
  return { ...paid, callNumber: paid.callNumber };
}

const numbers = (entries: ReadonlyArray<{ callNumber: number }>) => entries.map((e) => e.callNumber);

describe('the number board on a busy day', () => {
  it('takes 300 sales, calls and refunds at a 2,000-order day without reading the day again, and shows the same after a restart', async () => {
    let now = new Date('2026-12-07T03:00:00Z');
    const dataDir = await busyDay(now);
    const h = await withCore({ dataDir, now: () => now });
    await asManager(h);
    const first = await h.ok('bar:watch', { since: 0 });
    const making = Array.from({ length: STILL_MAKING }, (_, i) => SEEDED - STILL_MAKING + i + 1);
    expect(first.board).toEqual({ preparing: first.board.preparing, ready: [] });
    expect(numbers(first.board.preparing)).toEqual(making);

    const reads = countDayReads(h.core.orders('training'));
    const called: number[] = [];
    for (let i = 1; i <= SALES; i += 1) {
      now = new Date(now.getTime() + 10_000);
      const paid = await cashSale(h);
      expect(paid.callNumber).toBe(SEEDED + i);
      if (i % 10 === 0) {
        await h.ok('refund:create', { orderId: paid.orderId, request: { kind: 'full' }, reason: '고객 변심' });
      } else if (i % 3 === 0) {
        const board = await h.ok('bar:ready', { orderId: paid.orderId });
        called.push(paid.callNumber);
        expect(board.ready[0]?.callNumber).toBe(paid.callNumber);
      } else making.push(paid.callNumber);
    }
    expect(reads.count).toBe(0);

    const expected = { preparing: making, ready: called.slice(-8).reverse() };
    const shown = (board: CallBoard) => ({ preparing: numbers(board.preparing), ready: numbers(board.ready) });
    const bar = await h.ok('bar:watch', { since: 0 });
    expect(shown(bar.board)).toEqual(expected);
    expect(bar.tickets.map((t) => t.callNumber)).toEqual(making);
    const customer = await h.ok('display:watch', { since: 0 });
    expect(customer.view.board).toEqual(bar.board);
    await h.close();

    const again = await withCore({ dataDir, now: () => now });
    // Neither the board's start nor a cashier's recent receipts read the day whole: that would keep
    // the day in memory, and every sale after it.
    const readsAgain = countDayReads(again.core.orders('training'));
    expect((await again.ok('display:watch', { since: 0 })).view.board).toEqual(bar.board);
    await asManager(again);
    const recent = await again.ok('receipts:recent', {});
    expect(recent.map((order) => order.callNumber)).toEqual(Array.from({ length: 20 }, (_, k) => SEEDED + SALES - k));
    expect(readsAgain.count).toBe(0);
  });

  it('lists the newest 500 numbers as being made when a shop never calls numbers out, and the screens keep answering', async () => {
    const now = new Date('2026-12-07T03:00:00Z');
    const h = await withCore({ dataDir: await busyDay(now, SEEDED), now: () => now });
    await asManager(h);
    // The oldest of the 500 shown before the sale; the sale pushes it off the board.
    const oldest = (await h.ok('bar:watch', { since: 0 })).board.preparing[0];
    const paid = await cashSale(h);
    const newest = Array.from({ length: PREPARING_SHOWN_MAX }, (_, i) => paid.callNumber - PREPARING_SHOWN_MAX + 1 + i);
    const bar = await h.ok('bar:watch', { since: 0 });
    expect(numbers(bar.board.preparing)).toEqual(newest);
    expect(bar.tickets.map((t) => t.callNumber)).toEqual(newest);
    expect((await h.ok('display:watch', { since: 0 })).view.board).toEqual(bar.board);

    // A number past the newest 500 has left the board for good: calling the newest out brings none of them back.
    for (const entry of bar.board.preparing.slice(-10)) await h.ok('bar:ready', { orderId: entry.orderId });
    const after = await h.ok('bar:watch', { since: 0 });
    expect(numbers(after.board.preparing)).toEqual(newest.slice(0, -10));
    expect(oldest?.callNumber).toBe(paid.callNumber - PREPARING_SHOWN_MAX);
    expect((await h.fail('bar:ready', { orderId: oldest?.orderId ?? '' })).code).toBe('ORDER_NOT_FOUND');
    await h.close();
  });

  it('starts the next business day empty once the day is closed (Z), and numbers its sales from 1', async () => {
    const now = new Date('2026-12-07T03:00:00Z');
    // Live: training days are never closed.
    const h = await withLiveCore(await startOwnSimulator(), { now: () => now });
    await asManager(h);
    await cashSale(h);
    await cashSale(h);
    expect(numbers((await h.ok('bar:watch', { since: 0 })).board.preparing)).toEqual([1, 2]);
    await h.ok('day:close', { day: '2026-12-07' });
    expect((await h.ok('display:watch', { since: 0 })).view.board).toEqual({ preparing: [], ready: [] });

    const next = await cashSale(h);
    expect(next.businessDay).toBe('2026-12-08');
    expect(numbers((await h.ok('bar:watch', { since: 0 })).board.preparing)).toEqual([1]);
  });
});
