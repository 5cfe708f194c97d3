import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURSOR_FILE } from '../../../../electron/core/orders/shared-store/replication-cursor';
import { onCleanup } from '../../helpers/cleanup';
import { faultyIo } from '../../helpers/faulty-io';
import { startOwnSimulator, withCore, withLiveCore, type PosHarness } from '../../helpers/pos';
import { QUICK_REPLICATION, shopOnPostgres } from '../../helpers/shop-on-postgres';
import { hostPortOf, startTcpProxy, type TcpProxy } from '../../../support/tcp-proxy';
import { cardSale, cashSale } from '../../helpers/sales';

const QUICK = { ...QUICK_REPLICATION, batch: 4 };
const { freshDatabase, query, live: liveOn } = shopOnPostgres('replicator', QUICK);

/** The live journals' lines, day by day, as the register wrote them. */
async function journalLines(h: PosHarness, day: string): Promise<unknown[]> {
  const text = await readFile(join(h.dataDir, 'orders', `${day}.jsonl`), 'utf8');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown);
}

async function storedLines(url: string) {
  return query<{ register_id: string; business_day: string; line_no: number; line: unknown; received_at: Date }>(
    url,
    "SELECT register_id, to_char(business_day, 'YYYY-MM-DD') AS business_day, line_no, line, received_at FROM journal_lines ORDER BY business_day, line_no",
  );
}

async function until(condition: () => Promise<boolean>, what: string, limitMs = 10_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('the outbox: the live journals replicated to the shared store', () => {
  it('sends a day of sales line for line, in order, and each order’s latest state', async () => {
    const db = await freshDatabase();
    const own = await startOwnSimulator();
    const h = await liveOn(own, db.url);
    const sales = [await cashSale(h), await cardSale(h), await cashSale(h, 'americano', 3), await cardSale(h)];
    await h.core.sharedStore.flush();
    const day = sales[0]!.businessDay;
    const journal = await journalLines(h, day);
    const stored = await storedLines(db.url);
    expect(stored.map((row) => row.line)).toEqual(journal);
    expect(stored.map((row) => row.line_no)).toEqual(journal.map((_, i) => i + 1));
    const { register } = await query<{ register: string }>(db.url, 'SELECT id AS register FROM registers').then(
      (rows) => rows[0]!,
    );
    expect(stored.every((row) => row.register_id === register && row.business_day === day)).toBe(true);
    const orders = await query<{ order_id: string; status: string; total: string }>(
      db.url,
      'SELECT order_id, status, total FROM orders ORDER BY order_id',
    );
    expect(orders).toEqual(
      sales
        .map((o) => ({ order_id: o.orderId, status: 'PAID', total: String(o.amount) }))
        .sort((a, b) => a.order_id.localeCompare(b.order_id)),
    );
    expect(h.core.sharedStore.status()).toEqual({ state: 'online', waiting: 0 });
  });

  it('the same lines sent again change nothing (a cursor lost: everything replayed)', async () => {
    const db = await freshDatabase();
    const own = await startOwnSimulator();
    const h = await liveOn(own, db.url);
    await cashSale(h);
    await cardSale(h);
    await h.core.sharedStore.flush();
    const before = await storedLines(db.url);
    const ordersBefore = await query(db.url, 'SELECT * FROM orders ORDER BY order_id');
    await h.close();
    await rm(join(h.dataDir, CURSOR_FILE));

    const again = await liveOn(own, db.url, { dataDir: h.dataDir });
    await again.core.sharedStore.flush();
    expect(await storedLines(db.url)).toEqual(before);
    expect(await query(db.url, 'SELECT * FROM orders ORDER BY order_id')).toEqual(ordersBefore);
  });

  it('sells on while the store is unreachable, counts what waits, then sends it all exactly once, in order', async () => {
    const db = await freshDatabase();
    const { host, port } = hostPortOf(db.url);
    const proxy: TcpProxy = await startTcpProxy(host, port);
    onCleanup(() => proxy.close());
    const own = await startOwnSimulator();
    const h = await liveOn(own, proxy.url(db.url));
    await cashSale(h);
    await h.core.sharedStore.flush();
    const sentBefore = (await storedLines(db.url)).length;

    proxy.cut();
    const during = [await cashSale(h), await cardSale(h), await cashSale(h, 'americano', 2)];
    expect(during.every((o) => o.status === 'PAID')).toBe(true);
    const day = during[0]!.businessDay;
    const written = (await journalLines(h, day)).length;
    await until(async () => {
      const status = await h.ok('store:status', {});
      return status.state === 'offline' && status.waiting === written - sentBefore;
    }, 'the badge’s count of waiting lines');
    expect((await storedLines(db.url)).length).toBe(sentBefore);

    proxy.restore();
    await until(
      async () => (await h.ok('store:status', {})).state === 'online' && h.core.sharedStore.status().state === 'online',
      'back online',
    );
    await h.core.sharedStore.flush();
    const stored = await storedLines(db.url);
    expect(stored.map((row) => row.line)).toEqual(await journalLines(h, day));
    expect(stored.map((row) => row.line_no)).toEqual(stored.map((_, i) => i + 1));
    expect(await h.ok('store:status', {})).toEqual({ state: 'online', waiting: 0 });
  });

  it('a crash between the database’s commit and the cursor’s write resends those lines, with no duplicates', async () => {
    const db = await freshDatabase();
    const own = await startOwnSimulator();
    // The cursor's file cannot be written: every batch commits and is then "forgotten", as a crash right after the commit.
    let cursorRefused = true;
    const disk = faultyIo((path) => cursorRefused && path.endsWith(CURSOR_FILE));
    const h = await liveOn(own, db.url, { io: disk.io });
    const day = (await cashSale(h)).businessDay;
    await cardSale(h);
    await until(async () => disk.failures() >= 2, 'the cursor’s write refused after a commit');
    // Each retry sends the same first batch again: the database keeps one copy of each line.
    const committed = (await storedLines(db.url)).map((row) => row.line);
    expect(committed.length).toBeGreaterThan(0);
    expect(committed).toEqual((await journalLines(h, day)).slice(0, committed.length));
    await h.close();

    cursorRefused = false;
    const again = await liveOn(own, db.url, { dataDir: h.dataDir });
    await cashSale(again);
    await again.core.sharedStore.flush();
    const stored = await storedLines(db.url);
    expect(stored.map((row) => row.line)).toEqual(await journalLines(again, day));
    expect(stored.map((row) => row.line_no)).toEqual(stored.map((_, i) => i + 1));
    expect(again.core.sharedStore.status()).toEqual({ state: 'online', waiting: 0 });
  });

  it('never sends a training sale: only the live books are replicated', async () => {
    const db = await freshDatabase();
    const h = await withCore({ env: { POS_STORE_URL: db.url }, replicationTiming: QUICK });
    const order = await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
    await h.ok('cash:sale', { orderId: order.orderId, received: order.amount });
    await h.core.sharedStore.flush();
    expect(await storedLines(db.url)).toEqual([]);
    expect(await query(db.url, 'SELECT * FROM orders')).toEqual([]);
    expect(h.core.sharedStore.status()).toEqual({ state: 'online', waiting: 0 });
  });

  it('never replicates without a store', async () => {
    const own = await startOwnSimulator();
    const h = await withLiveCore(own);
    await cashSale(h);
    expect(await h.ok('store:status', {})).toEqual({ state: 'off' });
    await expect(readFile(join(h.dataDir, CURSOR_FILE))).rejects.toThrow(/ENOENT/);
  });
});
