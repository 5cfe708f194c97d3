import { appendFile, readFile, readdir, writeFile, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogSchema } from '../../../shared/domain/catalog';
import type { Order } from '../../../shared/domain/order';
import type { RefundEntry } from '../../../shared/domain/refunds';
import { CatalogFile } from '../../../electron/core/shop/catalog/catalog-file';
import { demoCatalog } from '../../../electron/core/shop/catalog/demo-catalog';
import { newOrderId } from '../../../electron/core/orders/order-id';
import { diskIo } from '../../../electron/core/platform/disk/file-io';
import { JournalOrderBook } from '../../../electron/core/orders/journal-order-book';
import { StoreFileCorruptError } from '../../../electron/core/platform/disk/corrupt-file-error';
import { capturingLog } from '../helpers/capturing-log';
import { faultyIo } from '../helpers/faulty-io';
import { openFilesIn } from '../helpers/open-files';
import { tempDir } from '../helpers/temp-dir';
import { aCardPayment, anOrder } from '../../support/an-order';

const dayFile = (dataDir: string, day: string) => join(dataDir, 'orders', `${day}.jsonl`);

/** Each order's latest state in a day's journal (one JSON line per change). */
async function ordersOnDisk(dataDir: string, day: string): Promise<Order[]> {
  const lines = (await readFile(dayFile(dataDir, day), 'utf8')).split('\n').filter((l) => l !== '');
  const latest = new Map<string, Order>();
  for (const line of lines) {
    const order = JSON.parse(line) as Order;
    latest.set(order.orderId, order);
  }
  return [...latest.values()];
}

describe('JournalOrderBook', () => {
  it('gives back exactly the order it stored, also after a restart', async () => {
    const dataDir = await tempDir('orders');
    const order = anOrder({}, '2026-03-02');
    await new JournalOrderBook(dataDir, diskIo).insert(order);

    const afterRestart = new JournalOrderBook(dataDir, diskIo);
    expect(await afterRestart.get(order.orderId)).toEqual(order);
  });

  it('says "no such order" for ids it never stored, or that carry no business day', async () => {
    const store = new JournalOrderBook(await tempDir('orders'), diskIo);
    expect(await store.get(newOrderId('2026-03-02'))).toBeNull();
    expect(await store.get('not-an-order-id')).toBeNull();
  });

  it('files each order under its business day, one file per day', async () => {
    const dataDir = await tempDir('orders');
    const store = new JournalOrderBook(dataDir, diskIo);
    const monday = [anOrder({}, '2026-03-02'), anOrder({}, '2026-03-02')];
    const tuesday = anOrder({}, '2026-03-03');
    for (const order of [...monday, tuesday]) await store.insert(order);

    // Beside the journals: `index/`, what history reads (derived from them).
    expect((await readdir(join(dataDir, 'orders'))).sort()).toEqual(['2026-03-02.jsonl', '2026-03-03.jsonl', 'index']);
    expect((await ordersOnDisk(dataDir, '2026-03-02')).map((o) => o.orderId)).toEqual(monday.map((o) => o.orderId));
    expect((await ordersOnDisk(dataDir, '2026-03-03')).map((o) => o.orderId)).toEqual([tuesday.orderId]);
  });

  it('keeps every sale when many are rung up at once', async () => {
    const dataDir = await tempDir('orders');
    const store = new JournalOrderBook(dataDir, diskIo);
    const orders = Array.from({ length: 40 }, () => anOrder({}, '2026-03-02'));
    await Promise.all(orders.map((o) => store.insert(o)));

    const afterRestart = new JournalOrderBook(dataDir, diskIo);
    for (const order of orders) expect(await afterRestart.get(order.orderId)).toEqual(order);
    expect(await ordersOnDisk(dataDir, '2026-03-02')).toHaveLength(40);
  });

  it('keeps an update across a restart', async () => {
    const dataDir = await tempDir('orders');
    const order = anOrder({}, '2026-03-02');
    const store = new JournalOrderBook(dataDir, diskIo);
    await store.insert(order);
    const updated = await store.update(order.orderId, (o) => {
      o.status = 'CONFIRMING';
      o.attempts.push({ paymentKey: 'tsim_x', startedAt: '2026-03-02T10:01:00+09:00', outcome: 'CONFIRMING' });
    });
    expect(updated.status).toBe('CONFIRMING');
    expect((await new JournalOrderBook(dataDir, diskIo).get(order.orderId))?.attempts).toEqual(updated.attempts);
  });

  describe('when the disk refuses a write', () => {
    it('leaves the order as it was, in memory and on disk, and says so', async () => {
      const dataDir = await tempDir('orders');
      const order = anOrder({}, '2026-03-02');
      await new JournalOrderBook(dataDir, diskIo).insert(order);
      const before = await readFile(dayFile(dataDir, '2026-03-02'), 'utf8');

      const disk = faultyIo((_path, text) => /"status":\s*"PAID"/.test(text));
      const store = new JournalOrderBook(dataDir, disk.io);
      await expect(
        store.update(order.orderId, (o) => {
          o.status = 'PAID';
        }),
      ).rejects.toThrow(/ENOSPC/);
      expect(disk.failures()).toBe(1);

      expect((await store.get(order.orderId))?.status).toBe('PENDING');
      expect(await readFile(dayFile(dataDir, '2026-03-02'), 'utf8')).toBe(before);
      expect((await new JournalOrderBook(dataDir, diskIo).get(order.orderId))?.status).toBe('PENDING');

      // The store is still usable: the next write that the disk accepts goes through.
      await store.update(order.orderId, (o) => {
        o.status = 'CONFIRMING';
      });
      expect((await new JournalOrderBook(dataDir, diskIo).get(order.orderId))?.status).toBe('CONFIRMING');
    });

    it('does not keep a new order it could not write', async () => {
      const dataDir = await tempDir('orders');
      const kept = anOrder({}, '2026-03-02');
      const lost = anOrder({}, '2026-03-02');
      const disk = faultyIo((_path, text) => text.includes(lost.orderId));
      const store = new JournalOrderBook(dataDir, disk.io);
      await store.insert(kept);

      await expect(store.insert(lost)).rejects.toThrow(/ENOSPC/);
      expect(await store.get(lost.orderId)).toBeNull();
      expect(await store.get(kept.orderId)).toEqual(kept);
      expect((await ordersOnDisk(dataDir, '2026-03-02')).map((o) => o.orderId)).toEqual([kept.orderId]);
    });
  });

  describe('a damaged day file', () => {
    it.each([
      ['a line that is not JSON', '{"orderId": "2026\n'],
      ['JSON of the wrong shape', '{"orderId": "20260302-AAAAAAAAAAAA", "amount": -5}\n'],
      ['an empty line', '\n'],
    ])('(%s) is reported, never read as empty and never overwritten', async (_label, damaged) => {
      const dataDir = await tempDir('orders');
      await mkdir(join(dataDir, 'orders'), { recursive: true });
      await writeFile(dayFile(dataDir, '2026-03-02'), damaged);
      const store = new JournalOrderBook(dataDir, diskIo);

      await expect(store.get(newOrderId('2026-03-02'))).rejects.toBeInstanceOf(StoreFileCorruptError);
      await expect(store.insert(anOrder({}, '2026-03-02'))).rejects.toBeInstanceOf(StoreFileCorruptError);
      // Start-up's scan goes round the day and lists it as unreadable, so the app can start and say so.
      expect(await store.findByStatus('PENDING', 7)).toEqual([]);
      expect([...store.unreadable.keys()]).toEqual(['2026-03-02']);
      expect(await readFile(dayFile(dataDir, '2026-03-02'), 'utf8')).toBe(damaged);

      // Other days are unaffected.
      const other = anOrder({}, '2026-03-03');
      await store.insert(other);
      expect(await store.get(other.orderId)).toEqual(other);
    });
  });

  describe('a crash in the middle of an append', () => {
    it('drops the unfinished line, keeps every finished change, and appends cleanly after it', async () => {
      const dataDir = await tempDir('orders');
      const order = anOrder({}, '2026-03-02');
      await new JournalOrderBook(dataDir, diskIo).insert(order);
      const finished = await readFile(dayFile(dataDir, '2026-03-02'), 'utf8');
      // What a power cut mid-write leaves: part of the next line, no newline.
      await appendFile(dayFile(dataDir, '2026-03-02'), '{"orderId":"20260302-');

      const store = new JournalOrderBook(dataDir, diskIo);
      expect(await store.get(order.orderId)).toEqual(order);
      const updated = await store.update(order.orderId, (o) => {
        o.status = 'CONFIRMING';
      });
      // The torn line went before the next change was appended.
      expect(await readFile(dayFile(dataDir, '2026-03-02'), 'utf8')).toBe(`${finished}${JSON.stringify(updated)}\n`);
      expect((await new JournalOrderBook(dataDir, diskIo).get(order.orderId))?.status).toBe('CONFIRMING');
    });
  });

  it('appends one line per change instead of rewriting the day', async () => {
    const dataDir = await tempDir('orders');
    const store = new JournalOrderBook(dataDir, diskIo);
    const orders = [anOrder({}, '2026-03-02'), anOrder({}, '2026-03-02')];
    for (const order of orders) await store.insert(order);
    const before = await readFile(dayFile(dataDir, '2026-03-02'), 'utf8');
    await store.update(orders[0]!.orderId, (o) => {
      o.status = 'CONFIRMING';
    });
    const after = await readFile(dayFile(dataDir, '2026-03-02'), 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(
      after
        .slice(before.length)
        .split('\n')
        .filter((l) => l !== ''),
    ).toHaveLength(1);
  });

  it('finds orders in a state over the most recent business days only', async () => {
    const dataDir = await tempDir('orders');
    const store = new JournalOrderBook(dataDir, diskIo);
    const old = anOrder({ status: 'CONFIRMING' }, '2026-02-27');
    const yesterday = [anOrder({ status: 'CONFIRMING' }, '2026-03-01'), anOrder({ status: 'PAID' }, '2026-03-01')];
    const today = [anOrder({ status: 'PENDING' }, '2026-03-02'), anOrder({ status: 'CONFIRMING' }, '2026-03-02')];
    for (const order of [old, ...yesterday, ...today]) await store.insert(order);

    const ids = (orders: Order[]) => orders.map((o) => o.orderId).sort();
    expect(ids(await store.findByStatus('CONFIRMING', 2))).toEqual(ids([yesterday[0]!, today[1]!]));
    expect(ids(await new JournalOrderBook(dataDir, diskIo).findByStatus('CONFIRMING', 10))).toEqual(
      ids([old, yesterday[0]!, today[1]!]),
    );
    expect(ids(await store.findByStatus('PAID', 10))).toEqual([yesterday[1]!.orderId]);
    expect(await new JournalOrderBook(await tempDir('orders'), diskIo).findByStatus('CONFIRMING', 2)).toEqual([]);
  });
});

describe('reading history', () => {
  function at(day: string, time: string): Order {
    return anOrder({ createdAt: `${day}T${time}+09:00`, updatedAt: `${day}T${time}+09:00` }, day);
  }

  it('gives a day’s orders newest first, and a range of days newest first across days', async () => {
    const dataDir = await tempDir('history');
    const store = new JournalOrderBook(dataDir, diskIo);
    const early = at('2026-11-29', '09:00:00');
    const late = at('2026-11-29', '18:30:00');
    const next = at('2026-11-30', '08:00:00');
    const outside = at('2026-12-01', '08:00:00');
    for (const order of [late, early, next, outside]) await store.insert(order);
    expect((await store.ordersOfDay('2026-11-29')).map((o) => o.orderId)).toEqual([late.orderId, early.orderId]);
    const range: string[] = [];
    for (const day of await store.daysBetween('2026-11-28', '2026-11-30'))
      range.push(...(await store.digestsOfDay(day)).map((d) => d.orderId));
    expect(range).toEqual([next.orderId, late.orderId, early.orderId]);
    expect(await store.ordersOfDay('2026-11-01')).toEqual([]);
    await expect(store.ordersOfDay('../../etc')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('holds at most a few days in memory however many it reads, and reads an evicted day back whole', async () => {
    const dataDir = await tempDir('history-cap');
    const store = new JournalOrderBook(dataDir, diskIo, 3);
    const days = Array.from({ length: 10 }, (_, i) => `2026-11-${String(i + 10).padStart(2, '0')}`);
    const orders = days.map((day) => anOrder({}, day));
    for (const order of orders) await store.insert(order);
    let count = 0;
    for (const day of await store.daysBetween(days[0] ?? '', days[9] ?? ''))
      count += (await store.ordersOfDay(day)).length;
    expect(count).toBe(10);
    expect((store as unknown as { days: Map<string, unknown> }).days.size).toBeLessThanOrEqual(3);
    // The first day was evicted long ago: it is read from disk again, unchanged.
    expect(await store.get(orders[0]?.orderId ?? '')).toEqual(orders[0]);
    const updated = await store.update(orders[1]?.orderId ?? '', (o) => {
      o.status = 'CONFIRMING';
    });
    expect(updated.status).toBe('CONFIRMING');
    expect(await new JournalOrderBook(dataDir, diskIo).get(updated.orderId)).toEqual(updated);
  });

  it('never reads a day from disk while an append to it is under way', async () => {
    const dataDir = await tempDir('history-race');
    const store = new JournalOrderBook(dataDir, diskIo, 1);
    const day = '2026-11-20';
    const many = Array.from({ length: 40 }, () => anOrder({}, day));
    // Writes to one day and reads of others (evicting it) interleave: every order must survive.
    await Promise.all(
      many.map((order, i) =>
        Promise.all([store.insert(order), store.ordersOfDay(`2026-10-${String((i % 9) + 1).padStart(2, '0')}`)]),
      ),
    );
    await store.close();
    expect((await new JournalOrderBook(dataDir, diskIo).ordersOfDay(day)).length).toBe(40);
  });
});

describe('a busy day', () => {
  /** The orders a day's journal holds in memory (the write path keeps only the latest few). */
  async function heldOf(store: JournalOrderBook, day: string): Promise<Order[]> {
    const journal = await (store as unknown as { days: Map<string, Promise<{ all(): Iterable<Order> }>> }).days.get(
      day,
    );
    return [...(journal?.all() ?? [])];
  }

  async function sell(store: JournalOrderBook, order: Order): Promise<Order> {
    await store.insert(order);
    return store.update(order.orderId, (o, today) => {
      o.status = 'PAID';
      o.callNumber = today.nextCallNumber();
    });
  }

  function refunded(order: Order): RefundEntry {
    return {
      refundId: 'r1',
      kind: 'full',
      amount: order.amount,
      lines: [{ lineKey: 'americano', quantity: 2, amount: order.amount }],
      reason: '고객 변심',
      approvedBy: '김토스',
      requestedAt: order.createdAt,
      status: 'DONE',
      transactionKey: 'tx1',
      canceledAt: order.createdAt,
      tossBalance: 0,
      failure: null,
      coupon: 'none',
    };
  }

  it('keeps only its latest orders in memory; one sold early reads, changes, lists and numbers as before, and a crash loses none', async () => {
    const dataDir = await tempDir('busy-day');
    const day = '2026-12-05';
    const store = new JournalOrderBook(dataDir, diskIo);
    const sold: Order[] = [];
    for (let i = 0; i < 150; i += 1) sold.push(await sell(store, anOrder({}, day)));
    expect((await heldOf(store, day)).length).toBeLessThanOrEqual(64);

    const first = sold[0] as Order;
    expect(first.callNumber).toBe(1);
    expect(await store.get(first.orderId)).toEqual(first);
    const refund = refunded(first);
    const changed = await store.update(first.orderId, (o) => void o.refunds.push(refund));
    expect(changed).toEqual({ ...first, refunds: [refund] });
    expect(await store.get(first.orderId)).toEqual(changed);
    await expect(store.insert(sold[1] as Order)).rejects.toThrow(/duplicate/);
    const next = await sell(store, anOrder({}, day));
    expect(next.callNumber).toBe(151);
    const digests = await store.digestsOfDay(day);
    expect(digests).toHaveLength(151);
    expect(digests.find((d) => d.orderId === first.orderId)).toMatchObject({
      status: 'refunded',
      refunded: first.amount,
      callNumber: 1,
    });
    expect((await store.summaries([day]))[0]?.counts).toMatchObject({ paid: 150, refunded: 1 });

    // The app dies here: no close (the index's queued appends did reach its files).
    await store.byApproval('00000000');
    const restarted = new JournalOrderBook(dataDir, diskIo);
    expect(await restarted.get(first.orderId)).toEqual(changed);
    const onDisk = await restarted.ordersOfDay(day);
    expect(onDisk).toHaveLength(151);
    expect(
      onDisk
        .filter((o) => o.status === 'PAID')
        .map((o) => o.callNumber)
        .sort((a, b) => (a ?? 0) - (b ?? 0)),
    ).toEqual(Array.from({ length: 151 }, (_, i) => i + 1));
    expect(await ordersOnDisk(dataDir, day)).toEqual(expect.arrayContaining([changed, next, sold[149]]));
  });

  it('an order whose line the index could not take in stays in memory: nothing sold while the index is unreadable is answered as missing, and the next start catches the index up', async () => {
    const dataDir = await tempDir('busy-day');
    const day = '2026-12-06';
    // Other days to read, enough to push the day's digests out of the index's memory.
    const others = Array.from({ length: 32 }, (_, i) => new Date(Date.UTC(2026, 8, 1 + i)).toISOString().slice(0, 10));
    const seed = new JournalOrderBook(dataDir, diskIo);
    for (const other of others) await seed.insert(anOrder({}, other));
    await seed.close();

    const store = new JournalOrderBook(dataDir, diskIo);
    const early = await sell(store, anOrder({}, day));
    await store.byApproval('00000000');
    // The day's rows file becomes unreadable (here: a folder in its place) while its digests are out of memory.
    const rows = join(dataDir, 'orders', 'index', `${day}.rows`);
    await rm(rows);
    await mkdir(rows);
    for (const other of others) await store.digestsOfDay(other);

    const sold: Order[] = [];
    for (let i = 0; i < 100; i += 1) sold.push(await sell(store, anOrder({}, day)));
    expect(sold.map((o) => o.callNumber)).toEqual(Array.from({ length: 100 }, (_, i) => i + 2));
    for (const order of [early, ...sold]) expect(await store.get(order.orderId)).toEqual(order);
    const refund = refunded(sold[0] as Order);
    const changed = await store.update(sold[0]?.orderId ?? '', (o) => void o.refunds.push(refund));
    expect(await store.get(changed.orderId)).toEqual(changed);
    await store.close();

    await rm(rows, { recursive: true });
    const restarted = new JournalOrderBook(dataDir, diskIo);
    expect(await restarted.get(changed.orderId)).toEqual(changed);
    expect((await restarted.digestsOfDay(day)).map((d) => d.orderId).sort()).toEqual(
      [early, ...sold].map((o) => o.orderId).sort(),
    );
    expect((await restarted.summaries([day]))[0]?.counts).toMatchObject({ paid: 100, refunded: 1 });
  });

  it('an index pointing at another order’s line (the journal changed behind it) is built again from the journal, also when a change to that day asks', async () => {
    const dataDir = await tempDir('busy-day');
    const [readDay, writeDay] = ['2026-12-07', '2026-12-08'];
    const orders = new Map([readDay, writeDay].map((day) => [day, [anOrder({}, day), anOrder({}, day)]]));
    const seed = new JournalOrderBook(dataDir, diskIo);
    for (const order of [...orders.values()].flat()) await seed.insert(order);
    await seed.close();
    // Each day's two lines (of the same length) change places behind the index.
    for (const day of orders.keys()) {
      const [a, b] = (await readFile(dayFile(dataDir, day), 'utf8')).split('\n');
      expect(a?.length).toBe(b?.length);
      await writeFile(dayFile(dataDir, day), `${b}\n${a}\n`);
    }

    const store = new JournalOrderBook(dataDir, diskIo);
    const [readFirst, readSecond] = orders.get(readDay) ?? [];
    expect(await store.get(readFirst?.orderId ?? '')).toEqual(readFirst);
    expect(await store.get(readSecond?.orderId ?? '')).toEqual(readSecond);
    const [writeFirst, writeSecond] = orders.get(writeDay) ?? [];
    const changed = await store.update(writeFirst?.orderId ?? '', (o) => {
      o.status = 'CONFIRMING';
    });
    expect(changed).toEqual({ ...writeFirst, status: 'CONFIRMING' });
    expect(await store.get(writeSecond?.orderId ?? '')).toEqual(writeSecond);
    await store.close();
    expect(await new JournalOrderBook(dataDir, diskIo).ordersOfDay(writeDay)).toEqual(
      expect.arrayContaining([changed, writeSecond]),
    );
  });
});

describe('CatalogFile', () => {
  it('puts the demo catalog on disk on first start, for the owner to edit', async () => {
    const dataDir = await tempDir('catalog');
    const catalog = await CatalogFile.open(dataDir, diskIo);
    expect(catalog.list()).toEqual(demoCatalog);
    const onDisk = catalogSchema.parse(JSON.parse(await readFile(join(dataDir, 'catalog.json'), 'utf8')));
    expect(onDisk).toEqual(demoCatalog);
  });

  it('prices from the owner’s edited file after a restart', async () => {
    const dataDir = await tempDir('catalog');
    await CatalogFile.open(dataDir, diskIo);
    const path = join(dataDir, 'catalog.json');
    const edited = catalogSchema.parse(JSON.parse(await readFile(path, 'utf8')));
    edited.products = edited.products.map((p) => (p.id === 'americano' ? { ...p, price: 4_800 } : p));
    await writeFile(path, JSON.stringify(edited));

    const reopened = await CatalogFile.open(dataDir, diskIo);
    expect(reopened.product('americano')?.price).toBe(4_800);
    expect(await readFile(path, 'utf8')).toBe(JSON.stringify(edited));
  });

  it('refuses to start on a damaged catalog and leaves the file alone', async () => {
    const dataDir = await tempDir('catalog');
    const path = join(dataDir, 'catalog.json');
    await writeFile(path, '{"categories": [], "products": [{"id": "americano", "price": "free"}]}');
    await expect(CatalogFile.open(dataDir, diskIo)).rejects.toBeInstanceOf(StoreFileCorruptError);
    expect(await readFile(path, 'utf8')).toContain('"free"');
  });
});

describe('what the order store refuses, and what it lists', () => {
  it('a folder it cannot list yet is asked again, not remembered as failed: once the orders folder reads, the store works', async () => {
    const dataDir = await tempDir('orders');
    // Something that is not a folder where the orders folder goes (a sync tool's placeholder, say).
    await writeFile(join(dataDir, 'orders'), '');
    const store = new JournalOrderBook(dataDir, diskIo);
    await expect(store.businessDays()).rejects.toMatchObject({ code: 'ENOTDIR' });
    await expect(store.ready()).rejects.toMatchObject({ code: 'ENOTDIR' });
    await rm(join(dataDir, 'orders'));
    const order = anOrder({}, '2026-03-02');
    await store.insert(order);
    expect(await store.businessDays()).toEqual(['2026-03-02']);
    expect((await store.digestsOfDay('2026-03-02')).map((d) => d.orderId)).toEqual([order.orderId]);
    expect(await store.refundedOn([])).toEqual([]);
  });

  it('a day read whole is read from disk once: reports and lookups after it, and sales written through it, read it from memory', async () => {
    const dataDir = await tempDir('orders');
    const reads: string[] = [];
    const counting = { ...diskIo, read: (path: string) => (reads.push(path), diskIo.read(path)) };
    const first = new JournalOrderBook(dataDir, diskIo);
    const sold = [anOrder({}, '2026-03-02'), anOrder({}, '2026-03-02')];
    for (const order of sold) await first.insert(order);
    await first.close();
    const store = new JournalOrderBook(dataDir, counting);
    await store.ordersOfDay('2026-03-02');
    const later = anOrder({}, '2026-03-02');
    await store.insert(later);
    await store.update(later.orderId, (o) => void (o.status = 'PAID'));
    expect((await store.ordersOfDay('2026-03-02')).map((o) => o.orderId).sort()).toEqual(
      [...sold, later].map((o) => o.orderId).sort(),
    );
    expect(await store.get(newOrderId('2026-03-02'))).toBeNull();
    expect(reads.filter((path) => path === dayFile(dataDir, '2026-03-02'))).toHaveLength(1);
    // A rush through the day read whole: none of its orders is let go of, so the day still reads whole from memory.
    const rush = Array.from({ length: 70 }, () => anOrder({}, '2026-03-02'));
    for (const order of rush) await store.insert(order);
    expect(await store.ordersOfDay('2026-03-02')).toHaveLength(73);
    expect(reads.filter((path) => path === dayFile(dataDir, '2026-03-02'))).toHaveLength(1);
  });

  it('a day whose journal could not be read is read again once mended: the failure is not kept', async () => {
    const dataDir = await tempDir('orders');
    const order = anOrder({}, '2026-03-02');
    const first = new JournalOrderBook(dataDir, diskIo);
    await first.insert(order);
    await first.close();
    const sound = await readFile(dayFile(dataDir, '2026-03-02'), 'utf8');
    await writeFile(dayFile(dataDir, '2026-03-02'), `{"damaged"\n${sound}`);
    const store = new JournalOrderBook(dataDir, diskIo);
    await expect(store.ordersOfDay('2026-03-02')).rejects.toBeInstanceOf(StoreFileCorruptError);
    await writeFile(dayFile(dataDir, '2026-03-02'), sound);
    expect((await store.ordersOfDay('2026-03-02')).map((o) => o.orderId)).toEqual([order.orderId]);
  });

  it('two reports at once of a day being sold (taken up at its end) open it whole once, and both see every order', async () => {
    const dataDir = await tempDir('orders');
    const first = new JournalOrderBook(dataDir, diskIo);
    for (const order of [anOrder({}, '2026-03-02'), anOrder({}, '2026-03-02')]) await first.insert(order);
    await first.close();
    const reads: string[] = [];
    const store = new JournalOrderBook(dataDir, {
      ...diskIo,
      read: (path: string) => (reads.push(path), diskIo.read(path)),
    });
    await store.insert(anOrder({}, '2026-03-02'));
    const journalReads = () => reads.filter((path) => path === dayFile(dataDir, '2026-03-02')).length;
    expect(journalReads()).toBe(0);
    const [a, b] = await Promise.all([store.ordersOfDay('2026-03-02'), store.ordersOfDay('2026-03-02')]);
    expect([a.length, b.length]).toEqual([3, 3]);
    expect(journalReads()).toBe(1);
  });

  it('refuses a second order under an id it has, and a change to an order it does not have, writing nothing', async () => {
    const dataDir = await tempDir('orders');
    const store = new JournalOrderBook(dataDir, diskIo);
    const order = anOrder({}, '2026-03-02');
    await store.insert(order);
    const before = await readFile(dayFile(dataDir, '2026-03-02'), 'utf8');
    await expect(store.insert({ ...order, amount: 1 })).rejects.toThrow(`duplicate order id ${order.orderId}`);
    await expect(new JournalOrderBook(dataDir, diskIo).insert({ ...order, amount: 1 })).rejects.toThrow(
      'duplicate order id',
    );
    const missing = newOrderId('2026-03-02');
    await expect(store.update(missing, (o) => void (o.status = 'PAID'))).rejects.toThrow(`no order ${missing}`);
    await expect(store.update('not-an-order-id', (o) => void (o.status = 'PAID'))).rejects.toThrow(
      'not an order id: not-an-order-id',
    );
    await expect(store.update(`x${order.orderId}`, (o) => void (o.status = 'PAID'))).rejects.toThrow(
      `not an order id: x${order.orderId}`,
    );
    // The same once the day has been read whole (a report), when no index is asked.
    await store.ordersOfDay('2026-03-02');
    await expect(store.update(missing, (o) => void (o.status = 'PAID'))).rejects.toThrow(`no order ${missing}`);
    expect(await readFile(dayFile(dataDir, '2026-03-02'), 'utf8')).toBe(before);
    expect(await store.get(order.orderId)).toEqual(order);
  });

  it('lists the days that have a journal, oldest first, and a day as soon as its first sale is written', async () => {
    const dataDir = await tempDir('orders');
    await mkdir(join(dataDir, 'orders'), { recursive: true });
    await writeFile(join(dataDir, 'orders', 'notes.txt'), 'the owner’s notes');
    await writeFile(join(dataDir, 'orders', '2026-03-0.jsonl'), '');
    expect(await new JournalOrderBook(await tempDir('orders'), diskIo).businessDays()).toEqual([]);
    const store = new JournalOrderBook(dataDir, diskIo);
    for (const day of ['2026-03-05', '2026-03-01', '2026-03-03']) await store.insert(anOrder({}, day));
    expect(await store.businessDays()).toEqual(['2026-03-01', '2026-03-03', '2026-03-05']);
    await store.insert(anOrder({}, '2026-03-02'));
    await store.insert(anOrder({}, '2026-03-02'));
    expect(await store.businessDays()).toEqual(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-05']);
    expect(await new JournalOrderBook(dataDir, diskIo).businessDays()).toEqual([
      '2026-03-01',
      '2026-03-02',
      '2026-03-03',
      '2026-03-05',
    ]);
    expect(await store.daysBetween('2026-03-02', '2026-03-05')).toEqual(['2026-03-05', '2026-03-03', '2026-03-02']);
    expect(await store.daysBetween('2026-03-04', '2026-03-04')).toEqual([]);
    await expect(store.daysBetween('2026-03-01', 'today')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(store.daysBetween('2026-3-1', '2026-03-05')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('finds a paid order by its card approval number, and not by a number it no longer carries', async () => {
    const dataDir = await tempDir('orders');
    const store = new JournalOrderBook(dataDir, diskIo);
    const order = anOrder({ status: 'PAID', training: false }, '2026-03-02');
    order.payment = {
      paymentKey: 'pk_1',
      method: '카드',
      totalAmount: 9_000,
      approvedAt: '2026-03-02T10:00:05+09:00',
      cardNumber: '43300000****000*',
      approveNo: '30000001',
      cardType: '신용',
      installmentPlanMonths: 0,
      receiptUrl: null,
      issuerCode: null,
    };
    await store.insert(order);
    expect((await store.byApproval('30000001')).map((o) => o.orderId)).toEqual([order.orderId]);
    await store.update(order.orderId, (o) => {
      if (o.payment) o.payment.approveNo = '30000002';
    });
    expect(await store.byApproval('30000001')).toEqual([]);
    expect((await store.byApproval('30000002')).map((o) => o.orderId)).toEqual([order.orderId]);
    expect(await store.byApproval('99999999')).toEqual([]);
  });

  it('once closed, refuses new changes as the app closing', async () => {
    const store = new JournalOrderBook(await tempDir('orders'), diskIo);
    await store.insert(anOrder({}, '2026-03-02'));
    await store.close();
    await expect(store.insert(anOrder({}, '2026-03-02'))).rejects.toMatchObject({ code: 'APP_CLOSING' });
  });
});

describe('the day journals it keeps open', () => {
  const [a, b, c] = ['2026-03-01', '2026-03-02', '2026-03-03'];

  async function storeOfDays(dataDir: string): Promise<void> {
    const first = new JournalOrderBook(dataDir, diskIo);
    for (const day of [a, b, c]) await first.insert(anOrder({}, day));
    await first.close();
  }

  /** A store over the real disk that counts the reads of each day's journal. */
  function countingStore(dataDir: string, limit: number) {
    const reads: string[] = [];
    const store = new JournalOrderBook(
      dataDir,
      { ...diskIo, read: (path: string) => (reads.push(path), diskIo.read(path)) },
      limit,
    );
    return { store, readsOf: (day: string) => reads.filter((path) => path === dayFile(dataDir, day)).length };
  }

  const journalsOpen = async (dataDir: string) => {
    // A journal lets go of its file on the file system, after the call that pushed it out.
    for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));
    return (await openFilesIn(join(dataDir, 'orders')))
      .map((file) => file.path)
      .filter((path) => path.endsWith('.jsonl'));
  };

  it('keeps the days read most lately, up to its limit: a day pushed out is read from disk again', async () => {
    const dataDir = await tempDir('orders');
    await storeOfDays(dataDir);
    const { store, readsOf } = countingStore(dataDir, 2);
    await store.ordersOfDay(a);
    await store.ordersOfDay(b);
    await store.ordersOfDay(a);
    expect(readsOf(a)).toBe(1);
    // A third day pushes out the one read least lately.
    await store.ordersOfDay(c);
    await store.ordersOfDay(a);
    expect([readsOf(a), readsOf(b)]).toEqual([1, 1]);
    await store.ordersOfDay(b);
    expect(readsOf(b)).toBe(2);
  });

  it('never pushes out a day with work under way: two days read at once over a limit of one both stay', async () => {
    const dataDir = await tempDir('orders');
    await storeOfDays(dataDir);
    const { store, readsOf } = countingStore(dataDir, 1);
    await Promise.all([store.ordersOfDay(a), store.ordersOfDay(b)]);
    await store.ordersOfDay(a);
    expect(readsOf(a)).toBe(1);
  });

  it('lets go of the file of a day it pushes out, and of every file when closed; closing a store never used closes cleanly', async () => {
    const dataDir = await tempDir('orders');
    const store = new JournalOrderBook(dataDir, diskIo, 1);
    await store.insert(anOrder({}, a));
    expect(await journalsOpen(dataDir)).toEqual([dayFile(dataDir, a)]);
    await store.insert(anOrder({}, b));
    expect(await journalsOpen(dataDir)).toEqual([dayFile(dataDir, b)]);
    await store.close();
    expect(await journalsOpen(dataDir)).toEqual([]);
    await expect(new JournalOrderBook(await tempDir('orders'), diskIo).close()).resolves.toBeUndefined();
  });

  it('a sale the index cannot follow (its rows file unreadable) is kept, and the log says so with the day', async () => {
    const dataDir = await tempDir('orders');
    await storeOfDays(dataDir);
    const rows = join(dataDir, 'orders', 'index', `${b}.rows`);
    await rm(rows);
    await mkdir(rows);
    const { log, warn: warned } = capturingLog();
    const store = new JournalOrderBook(dataDir, diskIo, undefined, log);
    const sale = anOrder({}, b);
    await store.insert(sale);
    expect((await store.get(sale.orderId))?.orderId).toBe(sale.orderId);
    expect(warned).toContainEqual([
      'order index fell behind; it catches up on the next read',
      { businessDay: b, error: expect.objectContaining({ code: 'EISDIR' }) },
    ]);
  });
});

describe('what it finds across days', () => {
  const real = (businessDay: string): Order => anOrder({ training: false }, businessDay);
  let approval = 12_345_600;
  const paidOn = (businessDay: string, training = false): Order =>
    anOrder(
      {
        status: 'PAID',
        training,
        payment: {
          ...aCardPayment(`pk_${(approval += 1)}`),
          approvedAt: `${businessDay}T10:00:05+09:00`,
          cardNumber: '43300000****000*',
          approveNo: String(approval),
          issuerCode: null,
        },
      },
      businessDay,
    );
  const refundOn = (order: Order, date: string): RefundEntry => ({
    refundId: `r${date.slice(-2)}`,
    kind: 'full',
    amount: order.amount,
    lines: [{ lineKey: 'americano', quantity: 2, amount: order.amount }],
    reason: '고객 변심',
    approvedBy: '김토스',
    requestedAt: `${date}T12:00:00+09:00`,
    status: 'DONE',
    transactionKey: `tx-${date}`,
    canceledAt: `${date}T12:00:01+09:00`,
    tossBalance: 0,
    failure: null,
    coupon: 'none',
  });

  it('the days with a journal, in date order however they were made', async () => {
    const dataDir = await tempDir('orders');
    const store = new JournalOrderBook(dataDir, diskIo);
    // Ten days, made newest first.
    const days = Array.from({ length: 10 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`);
    for (const day of [...days].reverse()) await store.insert(anOrder({}, day));
    // An owner's copies beside them are no days.
    for (const copy of ['2026-03-11.jsonl.bak', 'old-2026-03-12.jsonl'])
      await writeFile(join(dataDir, 'orders', copy), '');
    expect(await new JournalOrderBook(dataDir, diskIo).businessDays()).toEqual(days);
  });

  it('a day asked for is a date and nothing more: a path or a longer text is refused, no file opened', async () => {
    const dataDir = await tempDir('orders');
    const store = new JournalOrderBook(dataDir, diskIo);
    await store.insert(anOrder({}, '2026-03-01'));
    for (const day of ['../orders/2026-03-01', '2026-03-01/../../x', '2026-03-01x', 'x2026-03-01']) {
      await expect(store.ordersOfDay(day), day).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      await expect(store.daysBetween(day, '2026-03-01'), day).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      await expect(store.daysBetween('2026-03-01', day), day).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    }
  });

  it('the real orders refunded on the dates asked, whichever order the dates come in: not the others of those days, nor training ones', async () => {
    const dataDir = await tempDir('orders');
    const store = new JournalOrderBook(dataDir, diskIo);
    const [a, b, training, c] = [
      paidOn('2026-03-02'),
      paidOn('2026-03-02'),
      paidOn('2026-03-02', true),
      paidOn('2026-03-04'),
    ];
    for (const order of [a, b, training, c]) await store.insert(order);
    for (const order of [a, training, c])
      await store.update(order.orderId, (o) => void o.refunds.push(refundOn(order, '2026-03-05')));
    await store.update(b.orderId, (o) => void o.refunds.push(refundOn(b, '2026-03-03')));
    await store.close();
    const reopened = new JournalOrderBook(dataDir, diskIo);
    expect((await reopened.refundedOn(['2026-03-05', '2026-03-01'])).map((o) => o.orderId).sort()).toEqual(
      [a.orderId, c.orderId].sort(),
    );
    expect((await reopened.refundedOn(['2026-03-03'])).map((o) => o.orderId)).toEqual([b.orderId]);
  });

  it('an approval number the index lists for an order that lacks it, or for no order, finds only the order that has it', async () => {
    const dataDir = await tempDir('orders');
    const store = new JournalOrderBook(dataDir, diskIo);
    approval = 12_345_677;
    const paid = paidOn('2026-03-02');
    const pending = real('2026-03-02');
    await store.insert(paid);
    await store.insert(pending);
    await store.close();
    // Lines a stale index could hold: a pending order (no payment at all), and an order that is not there.
    await appendFile(
      join(dataDir, 'orders', 'index', 'approvals', '78.txt'),
      `12345678\t${pending.orderId}\n12345678\t${newOrderId('2026-03-02')}\n`,
    );
    expect((await new JournalOrderBook(dataDir, diskIo).byApproval('12345678')).map((o) => o.orderId)).toEqual([
      paid.orderId,
    ]);
  });

  it('an order whose line the index points at was replaced behind it (a restored journal of the same length) is not found, and the others still are', async () => {
    const dataDir = await tempDir('orders');
    const store = new JournalOrderBook(dataDir, diskIo);
    const [gone, kept] = [anOrder({}, '2026-03-02'), anOrder({}, '2026-03-02')];
    await store.insert(gone);
    await store.insert(kept);
    await store.close();
    const other = `${gone.orderId.slice(0, -1)}${gone.orderId.endsWith('2') ? '3' : '2'}`;
    await writeFile(
      dayFile(dataDir, '2026-03-02'),
      (await readFile(dayFile(dataDir, '2026-03-02'), 'utf8')).replace(gone.orderId, other),
    );
    const reopened = new JournalOrderBook(dataDir, diskIo);
    expect(await reopened.get(gone.orderId)).toBeNull();
    expect((await reopened.get(other))?.orderId).toBe(other);
    expect((await reopened.get(kept.orderId))?.orderId).toBe(kept.orderId);
  });

  it('at start, a recent day that is damaged is listed unreadable and logged with its line; one the disk will not read is listed with the reason, and the start goes on', async () => {
    const dataDir = await tempDir('orders');
    const first = new JournalOrderBook(dataDir, diskIo);
    for (const day of ['2026-03-01', '2026-03-02']) await first.insert(anOrder({}, day));
    await first.close();
    await writeFile(join(dataDir, 'orders', 'index', 'dirty.json'), JSON.stringify(['2026-03-01', '2026-03-02']));
    await writeFile(dayFile(dataDir, '2026-03-02'), '{"damaged"\n');
    const { log, error: logged } = capturingLog();
    const store = new JournalOrderBook(dataDir, diskIo, undefined, log);
    expect((await store.recentDigests(2)).map((d) => d.businessDay)).toEqual(['2026-03-01']);
    expect([...store.unreadable.keys()]).toEqual(['2026-03-02']);
    expect(logged).toContainEqual([
      'a day journal cannot be read',
      { businessDay: '2026-03-02', path: dayFile(dataDir, '2026-03-02'), line: 1, problem: expect.any(String) },
    ]);

    await rm(dayFile(dataDir, '2026-03-02'));
    await mkdir(dayFile(dataDir, '2026-03-02'));
    const restarted = new JournalOrderBook(dataDir, diskIo);
    expect((await restarted.recentDigests(2)).map((d) => d.businessDay)).toEqual(['2026-03-01']);
    expect(restarted.unreadable.get('2026-03-02')?.message).toBe(
      `data file is unreadable: ${dayFile(dataDir, '2026-03-02')}: EISDIR: illegal operation on a directory, read. The file is left as it is. Fix the file or restore it from a backup, then start Toss POS again.`,
    );
  });
});
