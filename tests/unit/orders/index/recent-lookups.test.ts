import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../../shared/domain/order';
import { RecentLookups } from '../../../../electron/core/orders/index/recent-lookups';
import { JournalOrderBook } from '../../../../electron/core/orders/journal-order-book';
import { diskIo } from '../../../../electron/core/platform/disk/file-io';
import { tempDir } from '../../helpers/temp-dir';
import { aCardPayment, anOrder } from '../../../support/an-order';

let approval = 41_000_000;

function paid(businessDay: string, approveNo = String((approval += 1))): Order {
  return anOrder(
    {
      training: false,
      status: 'PAID',
      payment: { ...aCardPayment(`pk_${approveNo}`, 9_000), approveNo, issuerCode: null },
    },
    businessDay,
  );
}

/** An order of another day, written to make the books let go of every other day they hold (they hold none at rest). */
const elsewhere = paid('2026-09-30');

/**
 * Books over old days, closed and opened again, holding no day in memory but the one being written:
 * their orders are read from their own lines, as history reads old days.
 */
async function booksOver(orders: readonly Order[]): Promise<{ dataDir: string; store: JournalOrderBook }> {
  const dataDir = await tempDir('recent-lookups');
  const seed = new JournalOrderBook(dataDir, diskIo);
  for (const order of [...orders, elsewhere]) await seed.insert(order);
  await seed.close();
  return { dataDir, store: new JournalOrderBook(dataDir, diskIo, 0) };
}

/** Writes to another day, so the day just written is let go of and read from its lines again. */
async function letGoOfDays(store: JournalOrderBook): Promise<void> {
  await store.update(elsewhere.orderId, (o) => {
    o.memo = `${o.memo ?? ''}.`;
  });
}

describe('orders and approval numbers looked up again', () => {
  it('answer from memory, reading no file, until the books change them', async () => {
    const order = paid('2026-10-01');
    const { dataDir, store } = await booksOver([order]);
    expect(await store.get(order.orderId)).toEqual(order);
    expect((await store.byApproval(order.payment?.approveNo ?? '')).map((o) => o.orderId)).toEqual([order.orderId]);
    // Only this process writes the data folder (it holds its lock), so what it read stays true
    // until it writes: the journal and index moved away do not change the answers.
    await rm(join(dataDir, 'orders', 'index'), { recursive: true });
    await rm(join(dataDir, 'orders', '2026-10-01.jsonl'));
    expect(await store.get(order.orderId)).toEqual(order);
    expect((await store.byApproval(order.payment?.approveNo ?? '')).map((o) => o.orderId)).toEqual([order.orderId]);
    await store.close();
  });

  it('read an order as it is now once a refund or memo was written, before and after the index catches up', async () => {
    const order = paid('2026-10-02');
    const { dataDir, store } = await booksOver([order]);
    expect((await store.get(order.orderId))?.memo).toBe(order.memo);
    await store.update(order.orderId, (o) => {
      o.memo = 'refund asked';
    });
    await letGoOfDays(store);
    expect((await store.get(order.orderId))?.memo).toBe('refund asked');
    await store.flush();
    expect((await store.get(order.orderId))?.memo).toBe('refund asked');
    await store.close();
    const again = new JournalOrderBook(dataDir, diskIo);
    expect((await again.get(order.orderId))?.memo).toBe('refund asked');
    await again.close();
  });

  it('do not keep a line read while a write to it was under way', async () => {
    const order = paid('2026-10-03');
    const { store } = await booksOver([order]);
    const reading = store.get(order.orderId);
    const writing = store.update(order.orderId, (o) => {
      o.memo = 'written meanwhile';
    });
    await Promise.all([reading, writing]);
    await letGoOfDays(store);
    expect((await store.get(order.orderId))?.memo).toBe('written meanwhile');
    await store.close();
  });

  it('find an approval number sold after it was looked up and not found', async () => {
    const { store } = await booksOver([paid('2026-10-04')]);
    expect(await store.byApproval('55550077')).toEqual([]);
    const later = paid('2026-10-04', '55550077');
    await store.insert(later);
    expect((await store.byApproval('55550077')).map((o) => o.orderId)).toEqual([later.orderId]);
    // And once its bucket's tail is sorted in at a clean close.
    await store.flush();
    expect((await store.byApproval('55550077')).map((o) => o.orderId)).toEqual([later.orderId]);
    await store.close();
  });
});

describe('RecentLookups', () => {
  it('keeps at most its count and its budget, letting go of the least recently used first', () => {
    const recent = new RecentLookups<string>(3, 10, (value) => value.length);
    recent.set('a', 'aaa');
    recent.set('b', 'bbb');
    recent.set('c', 'ccc');
    expect(recent.get('a')).toBe('aaa');
    recent.set('d', 'd');
    expect([recent.get('a'), recent.get('b'), recent.get('c'), recent.get('d')]).toEqual([
      'aaa',
      undefined,
      'ccc',
      'd',
    ]);
    recent.set('e', 'eeeeee');
    expect([recent.get('a'), recent.get('c'), recent.get('d'), recent.get('e')]).toEqual([
      undefined,
      'ccc',
      'd',
      'eeeeee',
    ]);
    recent.set('f', 'f'.repeat(11));
    expect(recent.get('f')).toBeUndefined();
    recent.forget('d');
    expect(recent.get('d')).toBeUndefined();
    expect(recent.get('e')).toBe('eeeeee');
  });
});
