import { appendFile, readFile, readdir, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../../shared/domain/order';
import { ApprovalFiles } from '../../../../electron/core/orders/index/approval-files';
import type { IndexedDigest } from '../../../../electron/core/orders/index/day-digests';
import { dayIdsText, IDS_WIDTH, placesFromIds } from '../../../../electron/core/orders/index/day-ids';
import { IndexWriter } from '../../../../electron/core/orders/index/index-writer';
import { findSorted, keyOf, sortedText } from '../../../../electron/core/orders/index/sorted-records';
import { readRangeSync } from '../../../../electron/core/orders/index/positioned-read';
import { JournalOrderBook } from '../../../../electron/core/orders/journal-order-book';
import { diskIo } from '../../../../electron/core/platform/disk/file-io';
import { capturingLog } from '../../helpers/capturing-log';
import { tempDir } from '../../helpers/temp-dir';
import { aCardPayment, anOrder } from '../../../support/an-order';
import { orderSchemaFingerprint } from '../../../../electron/core/orders/index/canonical-lines';

const WIDTH = 16 + 1 + 8 + 1;

/** `count` records keyed by their number, each naming itself. */
function numbered(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${keyOf(`key ${i}`)} ${String(i).padStart(8, '0')}`);
}

let approval = 30_000_000;

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

async function storeWith(dataDir: string, orders: Order[]): Promise<JournalOrderBook> {
  const store = new JournalOrderBook(dataDir, diskIo);
  for (const order of orders) await store.insert(order);
  return store;
}

const ordersDir = (dataDir: string) => join(dataDir, 'orders');
const indexDir = (dataDir: string) => join(dataDir, 'orders', 'index');

describe('sorted fixed-width files searched by bisection', () => {
  it('find every key among many (read by positioned reads) and few (read whole), and nothing for a key not there', async () => {
    const dir = await tempDir('sorted');
    for (const count of [5_000, 40]) {
      const path = join(dir, `${count}.sorted`);
      await writeFile(path, sortedText(numbered(count), WIDTH, [7]));
      for (const i of [0, 1, count >> 1, count - 2, count - 1])
        expect(findSorted(path, keyOf(`key ${i}`), WIDTH)).toEqual([String(i).padStart(8, '0')]);
      expect(findSorted(path, keyOf('not there'), WIDTH)).toEqual([]);
    }
  });

  it('find a key far from where its digits place it (keys not spread evenly), and nothing for one not there', async () => {
    const dir = await tempDir('sorted');
    for (const prefix of ['0000', 'ffff']) {
      const path = join(dir, `${prefix}.sorted`);
      const keyAt = (i: number) => `${prefix}${i.toString(16).padStart(12, '0')}`;
      await writeFile(
        path,
        sortedText(
          Array.from({ length: 3_000 }, (_, i) => `${keyAt(i)} ${String(i).padStart(8, '0')}`),
          WIDTH,
          [],
        ),
      );
      for (const i of [0, 5, 1_500, 2_748, 2_999])
        expect(findSorted(path, keyAt(i), WIDTH)).toEqual([String(i).padStart(8, '0')]);
      expect(findSorted(path, keyAt(3_000), WIDTH)).toEqual([]);
      expect(findSorted(path, `8${keyAt(1).slice(1)}`, WIDTH)).toEqual([]);
    }
  });

  it('give every record sharing a key, however many, even across the reads of a window', async () => {
    const dir = await tempDir('sorted');
    const path = join(dir, 'shared.sorted');
    const shared = Array.from({ length: 150 }, (_, i) => `${keyOf('shared')} ${String(i).padStart(8, '0')}`);
    await writeFile(path, sortedText([...numbered(3_000), ...shared], WIDTH, []));
    expect(findSorted(path, keyOf('shared'), WIDTH)).toHaveLength(150);
  });

  it('are not trusted when missing, torn, of another width, or built from something else (their stamp)', async () => {
    const dir = await tempDir('sorted');
    const path = join(dir, 'a.sorted');
    expect(findSorted(path, keyOf('key 1'), WIDTH)).toBeNull();
    await writeFile(path, sortedText(numbered(100), WIDTH, [42]));
    expect(findSorted(path, keyOf('key 1'), WIDTH, (stamp) => stamp[0] === 42)).toEqual(['00000001']);
    expect(findSorted(path, keyOf('key 1'), WIDTH, (stamp) => stamp[0] === 43)).toBeNull();
    expect(findSorted(path, keyOf('key 1'), WIDTH + 1)).toBeNull();
    await truncate(path, (await stat(path)).size - 5);
    expect(findSorted(path, keyOf('key 1'), WIDTH)).toBeNull();
  });
});

describe('a line read by its place', () => {
  it('comes back whole after a longer one, however long, and cut short only at the end of its file', async () => {
    const dir = await tempDir('lines');
    const path = join(dir, 'day.jsonl');
    const long = `${'가'.repeat(20_000)}\n`;
    const short = '{"short":true}\n';
    await writeFile(path, long + short);
    const longBytes = Buffer.byteLength(long);
    expect(readRangeSync(path, 0, longBytes)).toBe(long);
    expect(readRangeSync(path, longBytes, short.length)).toBe(short);
    expect(readRangeSync(path, longBytes, short.length + 100)).toBe(short);
  });
});

describe("a day's sorted ids", () => {
  it('say where each order’s line is while the journal is the length they were built from', async () => {
    const dir = await tempDir('ids');
    const paths = { ids: join(dir, 'day.ids'), journal: join(dir, 'day.jsonl') };
    await writeFile(paths.journal, 'x'.repeat(300));
    const rows = [
      { orderId: '20261101-AAAA', offset: 0, length: 100 },
      { orderId: '20261101-BBBB', offset: 100, length: 200 },
    ];
    await writeFile(paths.ids, dayIdsText(rows, 300));
    expect(placesFromIds(paths, '20261101-BBBB')).toEqual([{ offset: 100, length: 200 }]);
    expect(placesFromIds(paths, '20261101-CCCC')).toEqual([]);
    await appendFile(paths.journal, 'more');
    expect(placesFromIds(paths, '20261101-BBBB')).toBeNull();
  });

  it('are written with each compacted day, and an old order is read through them', async () => {
    const dataDir = await tempDir('ids');
    const orders = [paid('2026-11-01'), paid('2026-11-01'), paid('2026-11-02')];
    await (await storeWith(dataDir, orders)).close();
    const ids = await readFile(join(indexDir(dataDir), '2026-11-01.ids'), 'utf8');
    expect(ids).toContain(keyOf(orders[1]?.orderId ?? ''));
    const store = new JournalOrderBook(dataDir, diskIo);
    expect(await store.get(orders[1]?.orderId ?? '')).toEqual(orders[1]);
  });

  it('ids sharing a key are told apart by reading their lines', async () => {
    const dataDir = await tempDir('ids');
    const [first, second] = [paid('2026-11-01'), paid('2026-11-01')];
    await (await storeWith(dataDir, [first as Order, second as Order])).close();
    const journal = join(ordersDir(dataDir), '2026-11-01.jsonl');
    const lines = (await readFile(journal, 'utf8')).split('\n');
    const firstLength = Buffer.byteLength(lines[0] ?? '') + 1;
    const size = (await stat(journal)).size;
    // The second order's key also names the first's line (as a hash shared by two ids would), listed first.
    const collided = [
      { orderId: second?.orderId ?? '', offset: 0, length: firstLength },
      { orderId: second?.orderId ?? '', offset: firstLength, length: size - firstLength },
    ];
    await writeFile(join(indexDir(dataDir), '2026-11-01.ids'), dayIdsText(collided, size));
    const store = new JournalOrderBook(dataDir, diskIo);
    expect(await store.get(second?.orderId ?? '')).toEqual(second);
    expect(await store.get(first?.orderId ?? '')).toEqual(first);
  });

  it('torn after a crash, or lost, are passed over: the order is still found through its rows', async () => {
    const dataDir = await tempDir('ids');
    const order = paid('2026-11-01');
    await (await storeWith(dataDir, [order, paid('2026-11-01')])).close();
    const ids = join(indexDir(dataDir), '2026-11-01.ids');
    await truncate(ids, (await stat(ids)).size - Math.floor(IDS_WIDTH / 2));
    expect(await new JournalOrderBook(dataDir, diskIo).get(order.orderId)).toEqual(order);
    await rm(ids);
    expect(await new JournalOrderBook(dataDir, diskIo).get(order.orderId)).toEqual(order);
  });
});

/** A row as the approval files read it: its id and approval number. */
function approved(orderId: string, approveNo: string): IndexedDigest {
  return { orderId, approveNo } as IndexedDigest;
}

describe('approval buckets: a sorted file and an unsorted tail', () => {
  async function files() {
    const dir = join(await tempDir('approvals'), 'approvals');
    const { log } = capturingLog();
    const writer = new IndexWriter(log);
    return { dir, writer, approvals: new ApprovalFiles(dir, diskIo, writer, log) };
  }

  it('a new approval is found in the tail at once; a large tail is sorted in at a clean close and still found', async () => {
    const { dir, writer, approvals } = await files();
    // 400 approvals all in bucket 07: more than a tail keeps unsorted.
    const rows = Array.from({ length: 400 }, (_, i) =>
      approved(`20261101-${String(i).padStart(12, '0')}`, String(40_000_007 + i * 100)),
    );
    approvals.append(rows);
    await writer.written();
    expect(approvals.lookup('40000107')).toEqual(['20261101-000000000001']);
    await approvals.compact();
    expect(await readFile(join(dir, '07.txt'), 'utf8')).toBe('');
    expect((await readFile(join(dir, '07.sorted'), 'utf8')).length).toBeGreaterThan(400 * 40);
    for (const i of [0, 1, 200, 399])
      expect(approvals.lookup(String(40_000_007 + i * 100))).toEqual([`20261101-${String(i).padStart(12, '0')}`]);
    // After the sort, a new one goes to the tail again, and both are searched.
    approvals.append([approved('20261102-NEW', '40000107')]);
    await writer.written();
    expect(approvals.lookup('40000107').sort()).toEqual(['20261101-000000000001', '20261102-NEW']);
  });

  it('an approval number asked for again after its bucket was appended to is answered from memory', async () => {
    const { dir, writer, approvals } = await files();
    approvals.append([approved('20261101-KEPT', '44444444')]);
    await writer.written();
    expect(approvals.lookup('44444444')).toEqual(['20261101-KEPT']);
    // Only this process writes the buckets (it holds the data folder's lock): what it read stays its answer.
    await rm(dir, { recursive: true });
    expect(approvals.lookup('44444444')).toEqual(['20261101-KEPT']);
  });

  it('an approval number asked for while an append to its bucket waits is looked up again once it is written', async () => {
    const { writer, approvals } = await files();
    approvals.append([approved('20261101-EARLY', '33333333')]);
    await writer.written();
    approvals.append([approved('20261101-LATE', '33333333')]);
    // Asked before the waiting append is on file: the files say only the first.
    expect(approvals.lookup('33333333')).toEqual(['20261101-EARLY']);
    await writer.written();
    expect(approvals.lookup('33333333').sort()).toEqual(['20261101-EARLY', '20261101-LATE']);
  });

  it('a small tail stays unsorted at a close; an order listed in both (a crash between sort and emptying) counts once', async () => {
    const { dir, writer, approvals } = await files();
    approvals.append([approved('20261101-AAAA', '12345678')]);
    await approvals.compact();
    expect(await readdir(dir)).toEqual(['78.txt']);
    const many = Array.from({ length: 400 }, (_, i) => approved(`20261101-${i}`, String(50_000_078 + i * 100)));
    approvals.append(many);
    await approvals.compact();
    await appendFile(join(dir, '78.txt'), '12345678\t20261101-AAAA\n');
    expect(approvals.lookup('12345678')).toEqual(['20261101-AAAA']);
    await writer.written();
  });

  it('a torn tail line (cut by a crash, then run into by the next append) is passed over by lookups and the sort', async () => {
    const { dir, writer, approvals } = await files();
    approvals.append([approved('20261101-AAAA', '11111111')]);
    await writer.written();
    await appendFile(join(dir, '11.txt'), '22222211\t20261101-BB');
    const many = Array.from({ length: 400 }, (_, i) => approved(`20261101-C${i}`, String(60_000_011 + i * 100)));
    approvals.append(many);
    await writer.written();
    expect(approvals.lookup('22222211')).toEqual([]);
    expect(approvals.lookup('60000011')).toEqual([]);
    expect(approvals.lookup('60000111')).toEqual(['20261101-C1']);
    await approvals.compact();
    expect(approvals.lookup('11111111')).toEqual(['20261101-AAAA']);
    expect(approvals.lookup('22222211')).toEqual([]);
    expect(approvals.lookup('60000111')).toEqual(['20261101-C1']);
  });

  it('an order id too long for a record stays in the tail, and is found there', async () => {
    const { dir, writer, approvals } = await files();
    const long = `20261101-${'L'.repeat(40)}`;
    const many = Array.from({ length: 400 }, (_, i) => approved(`20261101-${i}`, String(70_000_033 + i * 100)));
    approvals.append([...many, approved(long, '99999933')]);
    await approvals.compact();
    expect(await readFile(join(dir, '33.txt'), 'utf8')).toBe(`99999933\t${long}\n`);
    expect(approvals.lookup('99999933')).toEqual([long]);
    await writer.written();
  });
});

describe('an index without sorted files, or of an older version', () => {
  it('is rebuilt once from the journals at the next open: the sorted ids come back, and lookups answer', async () => {
    const dataDir = await tempDir('sorted-rebuild');
    const orders = [paid('2026-11-01'), paid('2026-11-02')];
    await (await storeWith(dataDir, orders)).close();
    await rm(join(indexDir(dataDir), '2026-11-01.ids'));
    await writeFile(join(indexDir(dataDir), 'version.json'), JSON.stringify({ version: 2 }));

    const store = new JournalOrderBook(dataDir, diskIo);
    expect(await store.get(orders[0]?.orderId ?? '')).toEqual(orders[0]);
    expect((await store.byApproval(orders[1]?.payment?.approveNo ?? '')).map((o) => o.orderId)).toEqual([
      orders[1]?.orderId,
    ]);
    await store.rebuilt();
    expect((await readdir(indexDir(dataDir))).filter((name) => name.endsWith('.ids')).sort()).toEqual([
      '2026-11-01.ids',
      '2026-11-02.ids',
    ]);
    expect(JSON.parse(await readFile(join(indexDir(dataDir), 'version.json'), 'utf8'))).toEqual({
      version: 4,
      schema: orderSchemaFingerprint(),
    });
    await store.close();
  });
});
