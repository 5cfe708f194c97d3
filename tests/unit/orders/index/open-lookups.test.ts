import { readdirSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { orderSchema, type Order } from '../../../../shared/domain/order';
import { lineHashOf, orderSchemaFingerprint } from '../../../../electron/core/orders/index/canonical-lines';
import { HELD } from '../../../../electron/core/orders/index/open-files';
import { IDS_WIDTH } from '../../../../electron/core/orders/index/day-ids';
import { keyOf } from '../../../../electron/core/orders/index/sorted-records';
import { JournalOrderBook } from '../../../../electron/core/orders/journal-order-book';
import { diskIo } from '../../../../electron/core/platform/disk/file-io';
import { tempDir } from '../../helpers/temp-dir';
import { aCardPayment, anOrder } from '../../../support/an-order';

let approval = 40_000_000;

function paid(businessDay: string): Order {
  approval += 1;
  return anOrder(
    {
      training: false,
      status: 'PAID',
      payment: { ...aCardPayment(`pk_${approval}`, 9_000), approveNo: String(approval), issuerCode: null },
    },
    businessDay,
  );
}

const journalOf = (dataDir: string, day: string) => join(dataDir, 'orders', `${day}.jsonl`);
const idsOf = (dataDir: string, day: string) => join(dataDir, 'orders', 'index', `${day}.ids`);
const openFiles = () => readdirSync('/proc/self/fd').length;

/** The hash after an order's id in its day's ids file: dashes unless its line is in the schema's form. */
async function lineHashField(dataDir: string, day: string, orderId: string): Promise<string | undefined> {
  const text = await readFile(idsOf(dataDir, day), 'latin1');
  for (let at = 64; at < text.length; at += IDS_WIDTH) {
    const record = text.slice(at, at + IDS_WIDTH - 1);
    if (record.startsWith(keyOf(orderId))) return record.slice(-8);
  }
  return undefined;
}

describe('history lookups through files kept open', () => {
  it('find an order again after its journal is replaced under them (a repair), and after a compaction', async () => {
    const dataDir = await tempDir('open-lookups');
    const day = '2026-11-01';
    const [first, second, third] = [paid(day), paid(day), paid(day)] as [Order, Order, Order];
    const seed = new JournalOrderBook(dataDir, diskIo);
    for (const order of [first, second, third]) await seed.insert(order);
    await seed.close();

    const store = new JournalOrderBook(dataDir, diskIo);
    expect(await store.get(first.orderId)).toEqual(first);
    // Replaced by a rename, as a repair does (the doctor runs with the app closed; here under open
    // books, so the journal held open is not the one there now): the second mended, the third moved aside.
    const mended = { ...second, memo: 'mended' };
    const aside = `${journalOf(dataDir, day)}.new`;
    await writeFile(aside, [first, mended].map((order) => `${JSON.stringify(orderSchema.parse(order))}\n`).join(''));
    await rename(aside, journalOf(dataDir, day));
    expect(await store.get(second.orderId)).toEqual(mended);
    expect(await store.get(third.orderId)).toBeNull();

    // Changed through the books and compacted: the lookup reads the new line.
    await store.update(first.orderId, (order) => {
      order.memo = 'changed';
    });
    await store.flush();
    expect((await store.get(first.orderId))?.memo).toBe('changed');
    await store.close();
  });

  it('hold a bounded few files while looking up many days, and let go of every one at close', async () => {
    const dataDir = await tempDir('open-lookups-fds');
    // More days than files kept open: each day's journal and ids, and an approval bucket per order.
    const orders = Array.from({ length: 200 }, (_, i) =>
      paid(new Date(Date.UTC(2026, 6, 1 + i)).toISOString().slice(0, 10)),
    );
    const seed = new JournalOrderBook(dataDir, diskIo);
    for (const order of orders) await seed.insert(order);
    await seed.close();

    const before = openFiles();
    const store = new JournalOrderBook(dataDir, diskIo);
    let most = 0;
    for (const order of orders) {
      expect(await store.get(order.orderId)).toEqual(order);
      expect((await store.byApproval(order.payment?.approveNo ?? '')).map((o) => o.orderId)).toEqual([order.orderId]);
      most = Math.max(most, openFiles() - before);
    }
    expect(most).toBeLessThanOrEqual(HELD);
    await store.close();
    expect(openFiles()).toBe(before);
  });
});

describe('lines read back without the schema', () => {
  it('only when the line is already in its form: a line of an older version still gets its defaults', async () => {
    const dataDir = await tempDir('canonical-lines');
    const day = '2026-11-02';
    const [older, current] = [paid(day), paid(day)] as [Order, Order];
    // Written before memos, discounts, parts and refunds were kept: those fields are missing.
    const { memo, discounts, parts, refunds, ...olderFields } = orderSchema.parse(older);
    void [memo, discounts, parts, refunds];
    const olderLine = JSON.stringify(olderFields);
    const currentLine = JSON.stringify(orderSchema.parse(current));
    await mkdir(join(dataDir, 'orders'), { recursive: true });
    await writeFile(journalOf(dataDir, day), `${olderLine}\n${currentLine}\n`);
    const building = new JournalOrderBook(dataDir, diskIo);
    await building.rebuilt();
    await building.close();
    expect(await lineHashField(dataDir, day, older.orderId)).toBe('--------');
    expect(await lineHashField(dataDir, day, current.orderId)).toBe(
      lineHashOf(currentLine).toString(16).padStart(8, '0'),
    );

    const store = new JournalOrderBook(dataDir, diskIo);
    const readOlder = await store.get(older.orderId);
    expect(readOlder).toEqual(orderSchema.parse(JSON.parse(olderLine)));
    expect(readOlder).toMatchObject({ memo: null, discounts: [], parts: [], refunds: [] });
    expect(await store.get(current.orderId)).toEqual(orderSchema.parse(JSON.parse(currentLine)));
    await store.close();
  });

  it('a line in its form is taken as JSON alone, the schema not run over it', async () => {
    const dataDir = await tempDir('canonical-fast');
    const day = '2026-11-05';
    const order = paid(day);
    const seed = new JournalOrderBook(dataDir, diskIo);
    await seed.insert(order);
    await seed.close();

    const store = new JournalOrderBook(dataDir, diskIo);
    await store.ready();
    const schemaRuns = vi.spyOn(orderSchema, 'safeParse');
    try {
      expect(await store.get(order.orderId)).toEqual(orderSchema.parse(order));
      expect(schemaRuns).not.toHaveBeenCalled();
    } finally {
      schemaRuns.mockRestore();
      await store.close();
    }
  });

  it('not when the journal was rewritten in place to the same length: the line the index checked is gone', async () => {
    const dataDir = await tempDir('canonical-rewritten');
    const day = '2026-11-04';
    const order = paid(day);
    const seed = new JournalOrderBook(dataDir, diskIo);
    await seed.insert(order);
    await seed.rebuilt();
    await seed.close();
    const line = JSON.stringify(orderSchema.parse(order));
    // The same id, the same length, one field out of the schema (an amount as text): JSON.parse alone would take it.
    const amount = `"amount":${order.amount}`;
    const forged = line.replace(amount, `"amount":"${String(order.amount).slice(0, -2)}"`);
    expect(forged.length).toBe(line.length);
    await writeFile(journalOf(dataDir, day), `${forged}\n`);

    const store = new JournalOrderBook(dataDir, diskIo);
    await expect(store.get(order.orderId)).rejects.toThrow();
    await store.close();
  });

  it('an index built under another order schema is built again', async () => {
    const dataDir = await tempDir('canonical-schema');
    const order = paid('2026-11-03');
    const seed = new JournalOrderBook(dataDir, diskIo);
    await seed.insert(order);
    await seed.rebuilt();
    await seed.close();
    const versionFile = join(dataDir, 'orders', 'index', 'version.json');
    await writeFile(versionFile, JSON.stringify({ version: 4, schema: 'another' }));

    const store = new JournalOrderBook(dataDir, diskIo);
    expect(await store.get(order.orderId)).toEqual(order);
    await store.rebuilt();
    expect(JSON.parse(await readFile(versionFile, 'utf8'))).toEqual({ version: 4, schema: orderSchemaFingerprint() });
    await store.close();
  });
});
