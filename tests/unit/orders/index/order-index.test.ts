import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../../shared/domain/order';
import { HistoryService } from '../../../../electron/core/records/history/history-service';
import { diskIo, type FileIo } from '../../../../electron/core/platform/disk/file-io';
import { JournalOrderBook } from '../../../../electron/core/orders/journal-order-book';
import { capturingLog } from '../../helpers/capturing-log';
import { changedPaths, snapshot } from '../../helpers/folder-snapshot';
import { tempDir } from '../../helpers/temp-dir';
import { aCardPayment, anOrder } from '../../../support/an-order';
import { orderSchemaFingerprint } from '../../../../electron/core/orders/index/canonical-lines';

let approval = 10_000_000;

/** A paid card order of a day, with its own approval number. */
function paid(businessDay: string, amount = 9_000, name = '아메리카노'): Order {
  approval += 1;
  return anOrder(
    {
      training: false,
      lines: [
        {
          productId: 'americano',
          name,
          unitPrice: amount,
          quantity: 1,
          lineTotal: amount,
          discount: 0,
          options: [],
          memo: null,
        },
      ],
      orderName: name,
      amount,
      supplyAmount: amount - Math.round(amount / 11),
      vatAmount: Math.round(amount / 11),
      status: 'PAID',
      payment: {
        ...aCardPayment(`pk_${approval}`, amount),
        approvedAt: `${businessDay}T10:00:05+09:00`,
        cardNumber: '43300000****000*',
        approveNo: String(approval),
        issuerCode: null,
      },
      callNumber: 1,
    },
    businessDay,
  );
}

const indexDir = (dataDir: string) => join(dataDir, 'orders', 'index');

async function storeWith(dataDir: string, orders: Order[]): Promise<JournalOrderBook> {
  const store = new JournalOrderBook(dataDir, diskIo);
  for (const order of orders) await store.insert(order);
  return store;
}

describe('the history index', () => {
  it('is built from the journals when it is missing (a first start after an update), and finds orders by day, id and approval number', async () => {
    const dataDir = await tempDir('index');
    const orders = ['2026-11-01', '2026-11-02', '2026-11-02', '2026-11-03'].map((day) => paid(day));
    await (await storeWith(dataDir, orders)).close();
    await rm(indexDir(dataDir), { recursive: true });

    const store = new JournalOrderBook(dataDir, diskIo);
    expect((await store.digestsOfDay('2026-11-02')).map((d) => d.orderId).sort()).toEqual(
      [orders[1]?.orderId, orders[2]?.orderId].sort(),
    );
    expect(await store.get(orders[3]?.orderId ?? '')).toEqual(orders[3]);
    expect((await store.byApproval(orders[0]?.payment?.approveNo ?? '')).map((o) => o.orderId)).toEqual([
      orders[0]?.orderId,
    ]);
    expect(await store.summaries(['2026-11-02'])).toEqual([
      {
        day: '2026-11-02',
        byMethod: { 카드: { orders: 2, paid: 18_000, refunded: 0 } },
        orders: 2,
        counts: { paid: 2, 'partially-refunded': 0, refunded: 0, unpaid: 0, training: 0, real: 2 },
        refundDays: [],
      },
    ]);
  });

  it('keeps approval numbers in files named by their last two digits, as earlier versions wrote them (an index carried over from one must still find its sales)', async () => {
    const dataDir = await tempDir('index');
    const withApproval = (approveNo: string) => {
      const order = paid('2026-11-01');
      if (order.payment) order.payment.approveNo = approveNo;
      return order;
    };
    const orders = [withApproval('30001234'), withApproval('A-77-12a'), withApproval('7')];
    await (await storeWith(dataDir, orders)).close();
    const bucket = (name: string) => readFile(join(indexDir(dataDir), 'approvals', `${name}.txt`), 'utf8');
    expect(await bucket('34')).toBe(`30001234\t${orders[0]?.orderId}\n`);
    expect(await bucket('12')).toBe(`A-77-12a\t${orders[1]?.orderId}\n`);
    expect(await bucket('07')).toBe(`7\t${orders[2]?.orderId}\n`);
  });

  it('a damaged line past what the index covers is named by its line in the whole journal', async () => {
    const dataDir = await tempDir('index');
    const day = '2026-11-01';
    const orders = [paid(day), paid(day)];
    await (await storeWith(dataDir, orders)).close();
    // Written after the index's last clean close (by a run that then crashed): a sound line, then a damaged one.
    const journal = join(dataDir, 'orders', `${day}.jsonl`);
    const sound = JSON.stringify({ ...paid(day), callNumber: 3 });
    await writeFile(journal, `${await readFile(journal, 'utf8')}${sound}\n{"orderId": 4\n`);
    const error = await new JournalOrderBook(dataDir, diskIo).digestsOfDay(day).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'StoreFileCorruptError', line: 4 });
  });

  it('a day that could not be read is tried again once it reads: at the next open, its approvals found, and within the run', async () => {
    const dataDir = await tempDir('index');
    const day = '2026-11-01';
    const order = paid(day);
    await (await storeWith(dataDir, [order])).close();
    const journal = join(dataDir, 'orders', `${day}.jsonl`);
    const sound = await readFile(journal, 'utf8');
    // A crash lost the index's rows and approvals of the day (listed dirty), and the journal was damaged.
    await rm(indexDir(dataDir), { recursive: true });
    await mkdir(indexDir(dataDir), { recursive: true });
    await writeFile(
      join(indexDir(dataDir), 'version.json'),
      JSON.stringify({ version: 4, schema: orderSchemaFingerprint() }),
    );
    await writeFile(join(indexDir(dataDir), 'dirty.json'), JSON.stringify([day]));
    await writeFile(journal, '{"damaged"\n');
    const { log, all: logged } = capturingLog();
    const store = new JournalOrderBook(dataDir, diskIo, undefined, log);
    await expect(store.digestsOfDay(day)).rejects.toMatchObject({ name: 'StoreFileCorruptError' });
    expect(logged).toContainEqual([
      'a day journal could not be indexed',
      { day, error: expect.objectContaining({ name: 'StoreFileCorruptError', line: 1 }) },
    ]);
    expect(logged).toContainEqual(['order index caught up', { days: 1, unreadable: 1 }]);
    await store.close();
    // Mended by hand with the app closed: the next open catches the day up, its approvals with it.
    await writeFile(journal, sound);
    const reopened = new JournalOrderBook(dataDir, diskIo);
    expect((await reopened.byApproval(order.payment?.approveNo ?? '')).map((o) => o.orderId)).toEqual([order.orderId]);
    await reopened.close();
    // Damaged and mended while the app runs: the next read reads it, not the failure kept from before.
    await writeFile(join(indexDir(dataDir), '2026-11-01.rows'), '');
    await writeFile(journal, '{"damaged"\n');
    const running = new JournalOrderBook(dataDir, diskIo);
    await expect(running.digestsOfDay(day)).rejects.toMatchObject({ name: 'StoreFileCorruptError' });
    await writeFile(journal, sound);
    expect((await running.digestsOfDay(day)).map((d) => d.orderId)).toEqual([order.orderId]);
  });

  it('a version file that is not JSON is an outdated index: built again from the journals', async () => {
    const dataDir = await tempDir('index');
    const order = paid('2026-11-01');
    await (await storeWith(dataDir, [order])).close();
    await writeFile(join(indexDir(dataDir), 'version.json'), '{"vers');
    await rm(join(indexDir(dataDir), '2026-11-01.rows'));
    await rm(join(indexDir(dataDir), 'dirty.json'));
    const reopened = new JournalOrderBook(dataDir, diskIo);
    expect((await reopened.byApproval(order.payment?.approveNo ?? '')).map((o) => o.orderId)).toEqual([order.orderId]);
    await reopened.rebuilt();
    expect(JSON.parse(await readFile(join(indexDir(dataDir), 'version.json'), 'utf8'))).toEqual({
      version: 4,
      schema: orderSchemaFingerprint(),
    });
  });

  it('a search of a day whose journal grew behind the index (another copy of the app, a restored backup) reads that day whole, and finds the new sale too', async () => {
    const dataDir = await tempDir('index');
    const day = '2026-11-01';
    const first = paid(day, 9_000, '유자차');
    await (await storeWith(dataDir, [first])).close();
    const added = paid(day, 5_000, '유자차');
    await writeFile(
      join(dataDir, 'orders', `${day}.jsonl`),
      `${await readFile(join(dataDir, 'orders', `${day}.jsonl`), 'utf8')}${JSON.stringify(added)}\n`,
    );
    const rows = (
      await new HistoryService(new JournalOrderBook(dataDir, diskIo)).list(
        { from: day, to: day, search: '유자' },
        undefined,
        10,
      )
    ).rows;
    expect(rows.map((r) => r.orderId).sort()).toEqual([first.orderId, added.orderId].sort());
  });

  it('a sale is found by a search the moment it is stored, before the index has written its rows out', async () => {
    const dataDir = await tempDir('index');
    const day = '2026-11-01';
    const store = await storeWith(dataDir, [paid(day, 9_000, '아메리카노')]);
    await store.close();
    const running = new JournalOrderBook(dataDir, diskIo);
    const sold = paid(day, 5_000, '유자차');
    await running.insert(sold);
    const rows = (await new HistoryService(running).list({ from: day, to: day, search: '유자' }, undefined, 10)).rows;
    expect(rows.map((r) => r.orderId)).toEqual([sold.orderId]);
  });

  it('a day’s figures follow a sale made after a restart, though the day already had its summary on file', async () => {
    const dataDir = await tempDir('index');
    const day = '2026-11-01';
    await (await storeWith(dataDir, [paid(day, 9_000)])).close();
    const running = new JournalOrderBook(dataDir, diskIo);
    expect(await running.summaries([day])).toEqual([
      expect.objectContaining({ byMethod: { 카드: { orders: 1, paid: 9_000, refunded: 0 } } }),
    ]);
    await running.insert(paid(day, 5_000));
    expect(await running.summaries([day])).toEqual([
      expect.objectContaining({ byMethod: { 카드: { orders: 2, paid: 14_000, refunded: 0 } } }),
    ]);
  });

  it('after a crash that lost a day’s approvals but kept its rows, the next open finds the sale by its approval number again', async () => {
    const dataDir = await tempDir('index');
    const order = paid('2026-11-01');
    await (await storeWith(dataDir, [order])).close();
    await rm(join(indexDir(dataDir), 'approvals'), { recursive: true });
    await writeFile(join(indexDir(dataDir), 'dirty.json'), JSON.stringify(['2026-11-01']));
    const reopened = new JournalOrderBook(dataDir, diskIo);
    expect((await reopened.byApproval(order.payment?.approveNo ?? '')).map((o) => o.orderId)).toEqual([order.orderId]);
  });

  it('says in the log why it rebuilds a day: a journal shorter than its rows', async () => {
    const dataDir = await tempDir('index');
    const day = '2026-11-01';
    const orders = [paid(day), paid(day)];
    await (await storeWith(dataDir, orders)).close();
    const journal = join(dataDir, 'orders', `${day}.jsonl`);
    const [first = ''] = (await readFile(journal, 'utf8')).split('\n');
    await writeFile(journal, `${first}\n`);
    const { log, warn: warned } = capturingLog();
    const store = new JournalOrderBook(dataDir, diskIo, undefined, log);
    expect((await store.digestsOfDay(day)).map((d) => d.orderId)).toEqual([orders[0]?.orderId]);
    expect(warned).toContainEqual([
      'a day journal is shorter than its index; rebuilding the index for it',
      { day, size: Buffer.byteLength(`${first}\n`), covered: expect.any(Number) },
    ]);
  });

  it('an index of the first version (no refund days) is rebuilt at the next open, and a refund of an old sale is found by the day it was made', async () => {
    const dataDir = await tempDir('index');
    const old = paid('2026-11-01');
    const store = await storeWith(dataDir, [old, paid('2026-11-02')]);
    await store.update(old.orderId, (o) => {
      o.refunds.push({
        refundId: 'r1',
        kind: 'full',
        amount: o.amount,
        lines: [],
        reason: '고객 변심',
        approvedBy: '김토스',
        requestedAt: '2026-11-05T10:00:00+09:00',
        status: 'DONE',
        transactionKey: 'tk_1',
        canceledAt: '2026-11-05T10:00:01+09:00',
        tossBalance: 0,
        failure: null,
        coupon: 'none',
      });
    });
    await store.close();
    // As version 1 left it: no refund days in the rows or the summaries.
    for (const name of ['2026-11-01.rows', '2026-11-02.rows', 'summary.jsonl']) {
      const path = join(indexDir(dataDir), name);
      const lines = (await readFile(path, 'utf8')).split('\n').filter((line) => line !== '');
      await writeFile(
        path,
        lines.map((line) => JSON.stringify({ ...JSON.parse(line), refundDays: undefined })).join('\n') + '\n',
      );
    }
    await writeFile(join(indexDir(dataDir), 'version.json'), JSON.stringify({ version: 1 }));

    const reopened = new JournalOrderBook(dataDir, diskIo);
    expect((await reopened.refundedOn(['2026-11-05'])).map((o) => o.orderId)).toEqual([old.orderId]);
    expect(await reopened.refundedOn(['2026-11-04', '2026-11-06'])).toEqual([]);
    expect((await reopened.digestsOfDay('2026-11-01'))[0]?.refundDays).toEqual(['2026-11-05']);
    await reopened.rebuilt();
    expect(JSON.parse(await readFile(join(indexDir(dataDir), 'version.json'), 'utf8'))).toEqual({
      version: 4,
      schema: orderSchemaFingerprint(),
    });
  });

  it('after a crash (no clean close, the index’s last appends lost) catches up from the journals before it answers', async () => {
    const dataDir = await tempDir('index');
    const first = paid('2026-11-10');
    const second = paid('2026-11-10', 5_000, '치즈케이크');
    const crashed = await storeWith(dataDir, [first, second]);
    // A query waits for the index's queued appends, so what follows cuts what did reach the file.
    await crashed.byApproval('00000000');
    // The app dies: no close. The index's appends were not synced, and the last one is lost.
    expect(JSON.parse(await readFile(join(indexDir(dataDir), 'dirty.json'), 'utf8'))).toEqual(['2026-11-10']);
    const rows = join(indexDir(dataDir), '2026-11-10.rows');
    const kept = (await readFile(rows, 'utf8')).split('\n').filter(Boolean).slice(0, 1);
    await writeFile(rows, `${kept.join('\n')}\n{"orderId":"2026111`);
    await rm(join(indexDir(dataDir), 'approvals'), { recursive: true });

    const store = new JournalOrderBook(dataDir, diskIo);
    await store.ready();
    expect((await store.digestsOfDay('2026-11-10')).map((d) => [d.orderId, d.amount])).toEqual([
      [second.orderId, 5_000],
      [first.orderId, 9_000],
    ]);
    expect((await store.byApproval(second.payment?.approveNo ?? '')).map((o) => o.orderId)).toEqual([second.orderId]);
    expect(await store.summaries(['2026-11-10'])).toEqual([
      expect.objectContaining({ day: '2026-11-10', byMethod: { 카드: { orders: 2, paid: 14_000, refunded: 0 } } }),
    ]);
    await store.close();
    expect(JSON.parse(await readFile(join(indexDir(dataDir), 'dirty.json'), 'utf8'))).toEqual([]);
  });

  it('after a clean close, opening reads no journal: history comes from the index alone', async () => {
    const dataDir = await tempDir('index');
    const order = paid('2026-11-20');
    await (await storeWith(dataDir, [order])).close();
    const journal = join(dataDir, 'orders', '2026-11-20.jsonl');
    const size = (await stat(journal)).size;
    // Same length, unreadable as orders: a store that parsed it would fail.
    await writeFile(journal, 'x'.repeat(size - 1) + '\n');

    // No dirty list at all reads as none dirty, as an empty one does.
    await rm(join(indexDir(dataDir), 'dirty.json'));
    const before = snapshot(indexDir(dataDir));
    const store = new JournalOrderBook(dataDir, diskIo);
    await store.ready();
    expect((await store.digestsOfDay('2026-11-20')).map((d) => d.orderId)).toEqual([order.orderId]);
    expect(await store.summaries(['2026-11-20'])).toEqual([
      expect.objectContaining({ day: '2026-11-20', byMethod: { 카드: { orders: 1, paid: 9_000, refunded: 0 } } }),
    ]);
    // Nor does it write: the index folder is as the close left it.
    expect(changedPaths(before, snapshot(indexDir(dataDir)))).toEqual([]);
  });

  it('a month’s totals after a clean close come from the summary file: no day’s rows are loaded for them', async () => {
    const dataDir = await tempDir('index');
    const days = ['2026-11-01', '2026-11-02', '2026-11-03'];
    await (
      await storeWith(
        dataDir,
        days.map((day) => paid(day)),
      )
    ).close();
    const store = new JournalOrderBook(dataDir, diskIo);
    expect((await store.summaries(days)).map((s) => s.byMethod['카드']?.paid)).toEqual([9_000, 9_000, 9_000]);
    expect(((await store.ready()) as unknown as { digests: Map<string, unknown> }).digests.size).toBe(0);
  });

  it('a summary file lost (or a day missing from it) is worked out from the day’s rows: the figures are the same', async () => {
    const dataDir = await tempDir('index');
    const day = '2026-11-01';
    await (await storeWith(dataDir, [paid(day), paid(day, 4_000)])).close();
    await rm(join(indexDir(dataDir), 'summary.jsonl'));
    const store = new JournalOrderBook(dataDir, diskIo);
    expect(await store.summaries([day])).toEqual([
      expect.objectContaining({ day, byMethod: { 카드: { orders: 2, paid: 13_000, refunded: 0 } } }),
    ]);
  });

  it('follows a change to a past day (a refund): the day’s summary and digest move with it', async () => {
    const dataDir = await tempDir('index');
    const order = paid('2026-10-05');
    const store = await storeWith(dataDir, [order, paid('2026-11-05')]);
    expect((await store.summaries(['2026-10-05']))[0]?.byMethod['카드']?.refunded).toBe(0);
    await store.update(order.orderId, (o) => {
      o.refunds.push({
        refundId: 'r1',
        kind: 'amount',
        amount: 2_000,
        lines: [],
        reason: 'x',
        approvedBy: 'm',
        requestedAt: o.createdAt,
        status: 'DONE',
        transactionKey: 't',
        canceledAt: o.createdAt,
        tossBalance: 7_000,
        failure: null,
        coupon: 'none',
      });
    });
    expect((await store.summaries(['2026-10-05']))[0]?.byMethod['카드']).toEqual({
      orders: 1,
      paid: 9_000,
      refunded: 2_000,
    });
    expect((await store.digestsOfDay('2026-10-05'))[0]).toMatchObject({
      status: 'partially-refunded',
      refunded: 2_000,
    });
    await store.close();
    const reopened = new JournalOrderBook(dataDir, diskIo);
    expect((await reopened.summaries(['2026-10-05']))[0]?.byMethod['카드']?.refunded).toBe(2_000);
  });

  it('never trusts rows past a gap (an append that did not reach the file): the journal is read again from the gap', async () => {
    const dataDir = await tempDir('index');
    const orders = [paid('2026-11-12', 1_000), paid('2026-11-12', 2_000), paid('2026-11-12', 3_000)];
    const crashed = await storeWith(dataDir, orders);
    await crashed.update(orders[0]?.orderId ?? '', (o) => {
      o.callNumber = 7;
    });
    await crashed.byApproval('00000000');
    // The second order's row is missing from the middle; the rows after it are on file.
    const rows = join(indexDir(dataDir), '2026-11-12.rows');
    const lines = (await readFile(rows, 'utf8')).split('\n').filter(Boolean);
    expect(lines).toHaveLength(4);
    await writeFile(rows, `${[lines[0], lines[2], lines[3]].join('\n')}\n`);

    const store = new JournalOrderBook(dataDir, diskIo);
    expect((await store.digestsOfDay('2026-11-12')).map((d) => [d.amount, d.callNumber])).toEqual([
      [3_000, 1],
      [2_000, 1],
      [1_000, 7],
    ]);
    for (const order of orders) expect((await store.get(order.orderId))?.amount).toBe(order.amount);
    expect((await store.get(orders[0]?.orderId ?? ''))?.callNumber).toBe(7);
  });

  it('a day whose journal cannot be read at all (a folder in its place) holds up neither a sale nor the other days; reading it says why', async () => {
    const dataDir = await tempDir('index');
    const [bad, good] = ['2026-11-01', '2026-11-02'];
    await (await storeWith(dataDir, [paid(bad), paid(good)])).close();
    const journal = join(dataDir, 'orders', `${bad}.jsonl`);
    await rm(journal);
    await mkdir(journal);
    // Both days were written since the last clean close (a crash), so the next open reads both journals.
    await writeFile(join(indexDir(dataDir), 'dirty.json'), JSON.stringify([bad, good]));
    const store = new JournalOrderBook(dataDir, diskIo);
    const sale = paid(good, 4_500);
    await store.insert(sale);
    expect((await store.digestsOfDay(good)).map((d) => d.amount)).toEqual([4_500, 9_000]);
    await expect(store.digestsOfDay(bad)).rejects.toMatchObject({ code: 'EISDIR' });
    await store.close();
    expect(JSON.parse(await readFile(join(indexDir(dataDir), 'dirty.json'), 'utf8'))).toEqual([bad]);
  });

  it('an approval the index could not write (its bucket file unwritable) is written at the next open: the sale is found by its number', async () => {
    const dataDir = await tempDir('index');
    await (await storeWith(dataDir, [paid('2026-11-14')])).close();
    const sale = paid('2026-11-15');
    const approveNo = sale.payment?.approveNo ?? '';
    const bucket = join(indexDir(dataDir), 'approvals', `${approveNo.slice(-2)}.txt`);
    await rm(bucket, { force: true });
    await mkdir(bucket, { recursive: true });
    await (await storeWith(dataDir, [sale])).close();
    await rm(bucket, { recursive: true });
    expect((await new JournalOrderBook(dataDir, diskIo).byApproval(approveNo)).map((o) => o.orderId)).toEqual([
      sale.orderId,
    ]);
  });

  it('an index append that fails loses nothing: the sale is kept, the day stays listed, and the next open catches it up', async () => {
    const dataDir = await tempDir('index');
    const earlier = paid('2026-11-14');
    await (await storeWith(dataDir, [earlier])).close();
    // The day's rows file cannot be appended to (here: a folder in its place).
    const rows = join(indexDir(dataDir), '2026-11-15.rows');
    await mkdir(rows, { recursive: true });
    const sale = paid('2026-11-15', 4_500);
    const store = await storeWith(dataDir, [sale]);
    expect((await store.get(sale.orderId))?.amount).toBe(4_500);
    await store.close();
    expect(JSON.parse(await readFile(join(indexDir(dataDir), 'dirty.json'), 'utf8'))).toEqual(['2026-11-15']);

    await rm(rows, { recursive: true });
    const reopened = new JournalOrderBook(dataDir, diskIo);
    expect((await reopened.digestsOfDay('2026-11-15')).map((d) => d.orderId)).toEqual([sale.orderId]);
    expect((await reopened.byApproval(sale.payment?.approveNo ?? '')).map((o) => o.orderId)).toEqual([sale.orderId]);
    expect((await reopened.summaries(['2026-11-15']))[0]?.byMethod['카드']?.paid).toBe(4_500);
    await reopened.close();
    expect(JSON.parse(await readFile(join(indexDir(dataDir), 'dirty.json'), 'utf8'))).toEqual([]);
  });

  it('searches old days in their rows’ bytes and answers exactly as reading the days whole would, page by page', async () => {
    const dataDir = await tempDir('index');
    // Among them names JSON writes escaped: a quote, a backslash, a tab, a lone surrogate.
    const names = [
      '아메리카노',
      'Cold Brew',
      '"특별" 세트',
      '치즈케이크',
      'orderly tea',
      '카페라떼',
      'C:\\백업 원두',
      'tab\t차',
      'x\ud800y',
    ];
    const orders: Order[] = [];
    for (const [d, day] of ['2026-11-01', '2026-11-02', '2026-11-03'].entries()) {
      for (let i = 0; i < 12; i += 1) {
        const order = paid(day, 1_000 * (i + 1), names[(i + d) % names.length]);
        // A few orders of each day at their own times, the rest in the same second (ties go newest-inserted first).
        if (i % 4 === 0) order.createdAt = `${day}T0${i % 10}:30:00+09:00`;
        orders.push(order);
      }
    }
    const writer = await storeWith(dataDir, orders);
    // Later lines for some orders: their latest state is what a search must see.
    for (const order of orders.filter((_, i) => i % 5 === 0))
      await writer.update(order.orderId, (o) => void (o.callNumber = 9));
    await writer.close();

    const whole = new JournalOrderBook(dataDir, diskIo);
    for (const day of ['2026-11-01', '2026-11-02', '2026-11-03']) await whole.digestsOfDay(day);
    const pagesOf = async (store: JournalOrderBook, search: string) => {
      const history = new HistoryService(store);
      const seen: string[][] = [];
      let cursor: string | undefined;
      do {
        const page = await history.list({ from: '2026-11-01', to: '2026-11-03', search }, cursor, 4);
        seen.push(page.rows.map((row) => `${row.orderId}:${row.callNumber}`));
        cursor = page.next ?? undefined;
      } while (cursor !== undefined);
      return seen;
    };
    // Part of an order id as a manager types it (lower case), and as printed.
    const lettered = orders.map((o) => o.orderId.slice(-6)).find((tail) => /[A-Z]/.test(tail)) ?? '';
    const terms = [
      '아메',
      'cold',
      'COLD',
      'brew',
      '특별',
      '"특별"',
      'C:\\백업',
      'b\t차',
      '\ud800',
      'order',
      lettered.toLowerCase(),
      lettered,
      '4330',
      '없는상품',
      '케이',
    ];
    // Each term on a store just opened, so no day is in memory before its cursor reaches it.
    const cold = () => new JournalOrderBook(dataDir, diskIo);
    for (const term of terms) expect(await pagesOf(cold(), term), term).toEqual(await pagesOf(whole, term));
    const named = (name: string) => orders.filter((o) => o.orderName === name).length;
    expect((await pagesOf(cold(), 'cold brew')).flat()).toHaveLength(named('Cold Brew'));
    expect((await pagesOf(cold(), 'C:\\백업')).flat()).toHaveLength(named('C:\\백업 원두'));
    // One page of a search looks into the days without loading any of them.
    const fresh = new JournalOrderBook(dataDir, diskIo);
    expect(
      (await new HistoryService(fresh).list({ from: '2026-11-01', to: '2026-11-03', search: '치즈' }, undefined, 50))
        .rows,
    ).toHaveLength(named('치즈케이크'));
    expect(((await fresh.ready()) as unknown as { digests: Map<string, unknown> }).digests.size).toBe(0);
  });

  it('a search whose term is in a damaged rows line (not the last) reads that day whole and finds every match', async () => {
    const dataDir = await tempDir('index');
    const day = '2026-11-01';
    const orders = [paid(day, 1_000, '아메리카노'), paid(day, 2_000, '라떼'), paid(day, 3_000, '아메리카노')];
    await (await storeWith(dataDir, orders)).close();
    const rows = join(indexDir(dataDir), `${day}.rows`);
    const lines = (await readFile(rows, 'utf8')).split('\n').filter(Boolean);
    // The first order's row, cut short and written again before the last row (the last still ends where the journal does).
    const damaged = (lines[1] ?? '').slice(0, (lines[1] ?? '').indexOf('아메리카노') + 5);
    await writeFile(rows, `${[...lines.slice(0, -1), damaged, ...lines.slice(-1)].join('\n')}\n`);
    const page = await new HistoryService(new JournalOrderBook(dataDir, diskIo)).list(
      { from: day, to: day, search: '아메리' },
      undefined,
      10,
    );
    expect(page.rows.map((row) => row.amount).sort()).toEqual([1_000, 3_000]);
  });

  it('a sale on a busy day reads none of its orders: the journal is taken up at its end from the index', async () => {
    const dataDir = await tempDir('index');
    const day = '2026-11-16';
    const earlier = Array.from({ length: 30 }, (_, i) => ({ ...paid(day, 1_000 + i), callNumber: i + 1 }));
    await (await storeWith(dataDir, earlier)).close();
    const journal = join(dataDir, 'orders', `${day}.jsonl`);
    let journalReads = 0;
    const counting: FileIo = {
      ...diskIo,
      read: (path) => ((journalReads += path === journal ? 1 : 0), diskIo.read(path)),
    };

    const store = new JournalOrderBook(dataDir, counting);
    const sale = { ...paid(day, 7_700), callNumber: null };
    await store.insert(sale);
    const numbered = await store.update(sale.orderId, (o, today) => void (o.callNumber = today.nextCallNumber()));
    expect(numbered.callNumber).toBe(31);
    // An order from before this run changes too (a refund): read from its own line.
    const changed = await store.update(earlier[4]?.orderId ?? '', (o) => void (o.callNumber = 99));
    expect(changed).toMatchObject({ amount: 1_004, callNumber: 99 });
    await expect(store.insert(earlier[0] as Order)).rejects.toThrow(/duplicate/);
    expect(journalReads).toBe(0);

    // Reading the day whole after that sees every line, the ones just written included.
    expect((await store.ordersOfDay(day)).map((o) => o.callNumber).slice(0, 2)).toEqual([31, 30]);
    expect(journalReads).toBe(1);
    await store.insert({ ...paid(day, 8_800), callNumber: 32 });
    await store.close();
    const reopened = await new JournalOrderBook(dataDir, diskIo).ordersOfDay(day);
    expect(reopened).toHaveLength(32);
    expect(reopened.find((o) => o.orderId === earlier[4]?.orderId)?.callNumber).toBe(99);
  });

  it('a clean close compacts a day’s rows to one per order; rows appended after that are read on from it, also after a crash', async () => {
    const dataDir = await tempDir('index');
    const day = '2026-11-18';
    const orders = [paid(day, 1_000), paid(day, 2_000), paid(day, 3_000)];
    const store = await storeWith(dataDir, orders);
    for (const order of orders) await store.update(order.orderId, (o) => void (o.callNumber = 5));
    await store.close();
    const rows = join(indexDir(dataDir), `${day}.rows`);
    const journalBytes = (await stat(join(dataDir, 'orders', `${day}.jsonl`))).size;
    const compacted = (await readFile(rows, 'utf8')).split('\n').filter(Boolean);
    expect(compacted).toHaveLength(4);
    expect(JSON.parse(compacted[0] ?? '')).toEqual({ covered: journalBytes });

    // One more change, then the app dies before its index is flushed.
    const again = new JournalOrderBook(dataDir, diskIo);
    await again.update(orders[1]?.orderId ?? '', (o) => void (o.callNumber = 8));
    await again.byApproval('00000000');
    expect((await readFile(rows, 'utf8')).split('\n').filter(Boolean)).toHaveLength(5);

    const reopened = new JournalOrderBook(dataDir, diskIo);
    expect((await reopened.get(orders[1]?.orderId ?? ''))?.callNumber).toBe(8);
    expect((await reopened.get(orders[2]?.orderId ?? ''))?.callNumber).toBe(5);
    expect((await reopened.digestsOfDay(day)).map((d) => [d.amount, d.callNumber])).toEqual([
      [3_000, 5],
      [2_000, 8],
      [1_000, 5],
    ]);
    // Looked up one by one from the compacted file, without loading the day.
    const cold = new JournalOrderBook(dataDir, diskIo);
    await cold.ready();
    await cold.close();
    const fresh = new JournalOrderBook(dataDir, diskIo);
    expect((await fresh.get(orders[0]?.orderId ?? ''))?.callNumber).toBe(5);
    expect(((await fresh.ready()) as unknown as { digests: Map<string, unknown> }).digests.size).toBe(0);
  });

  it('keeps a bounded number of days in memory however many are read', async () => {
    const dataDir = await tempDir('index');
    const days = Array.from(
      { length: 40 },
      (_, i) => `2026-0${1 + Math.floor(i / 28)}-${String((i % 28) + 1).padStart(2, '0')}`,
    );
    const store = await storeWith(
      dataDir,
      days.map((day) => paid(day)),
    );
    for (const day of days) await store.digestsOfDay(day);
    const index = await store.ready();
    expect((index as unknown as { digests: Map<string, unknown> }).digests.size).toBeLessThanOrEqual(32);
  });
});
