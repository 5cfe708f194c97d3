import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoCatalog } from '../../../../electron/core/shop/catalog/demo-catalog';
import { StoreFileCorruptError } from '../../../../electron/core/platform/disk/corrupt-file-error';
import { DataDirInUseError, lockDataDir } from '../../../../electron/core/platform/disk/data-dir-lock';
import { mendDataDir } from '../../../../electron/core/app/doctor/doctor';
import { diskIo } from '../../../../electron/core/platform/disk/file-io';
import { JournalOrderBook } from '../../../../electron/core/orders/journal-order-book';
import { asManager, couponRow, issueCoupons } from '../../helpers/coupons';
import { changedPaths, snapshot } from '../../helpers/folder-snapshot';
import { startOwnSimulator, withCore, withLiveCore, type CoreOptions } from '../../helpers/pos';
import { tempDir } from '../../helpers/temp-dir';

const DAY = '2026-11-20';

/** Replaces lines of a journal by hand (index from 0 → the bad text), as a failing disk or an editor might. */
async function damageLines(journal: string, bad: Record<number, string>): Promise<void> {
  const lines = (await readFile(journal, 'utf8')).split('\n');
  for (const [at, text] of Object.entries(bad)) lines[Number(at)] = text;
  await writeFile(journal, lines.join('\n'));
}

/** A live shop's core (its owner set up): its books are the data folder's own journals. */
async function liveShop(options: CoreOptions = {}) {
  return withLiveCore(await startOwnSimulator(), options);
}

/** Three orders of a day, each rung up through the real core; the journal's second line then damaged by hand. */
async function dayWithDamagedLine(): Promise<{ dataDir: string; ids: string[]; journal: string; badLine: string }> {
  const h = await liveShop({ now: () => new Date(`${DAY}T10:00:00+09:00`) });
  const ids: string[] = [];
  for (const productId of ['americano', 'scone', 'cheesecake'])
    ids.push((await h.ok('sale:create', { lines: [{ productId, quantity: 1 }] })).orderId);
  await h.close();
  const journal = join(h.dataDir, 'orders', `${DAY}.jsonl`);
  const badLine = '{"orderId": "20261120-BROKEN", "amount": "free"';
  await damageLines(journal, { 1: badLine });
  return { dataDir: h.dataDir, ids, journal, badLine };
}

describe('a damaged store file', () => {
  it('is reported with its file, its line and what is wrong, in words; the file is left as it is', async () => {
    const { dataDir, journal } = await dayWithDamagedLine();
    const before = await readFile(journal, 'utf8');
    const store = new JournalOrderBook(dataDir, diskIo);
    const error = await store.ordersOfDay(DAY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreFileCorruptError);
    expect((error as StoreFileCorruptError).line).toBe(2);
    expect((error as Error).message).toContain(`${DAY}.jsonl, line 2: it is not JSON`);
    expect((error as Error).message).toContain('npm run doctor');
    // The parser's own words go to the log with it.
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
    expect(await readFile(journal, 'utf8')).toBe(before);
  });

  it('lets the app start with a notice naming the file and line, and refuses that day in the same words (STORE_FILE_CORRUPT), never as an internal error', async () => {
    const { dataDir, ids } = await dayWithDamagedLine();
    const h = await liveShop({ dataDir, now: () => new Date(`${DAY}T11:00:00+09:00`) });
    // The app starts, and the owner is told which file and line, and what to do.
    const { notices } = await h.ok('app:info', {});
    expect(notices).toEqual([{ code: 'STORE_FILE_DAMAGED', detail: expect.stringContaining(`${DAY}.jsonl, line 2`) }]);
    await asManager(h);
    const error = await h.fail('history:order', { orderId: ids[1] ?? '' });
    expect(error).toMatchObject({ code: 'STORE_FILE_CORRUPT', details: { file: `${DAY}.jsonl`, line: 2 } });
    // That day's sales are held back, in the same words.
    expect(await h.fail('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] })).toMatchObject({
      code: 'STORE_FILE_CORRUPT',
      details: { line: 2 },
    });
  });

  it('npm run doctor moves the bad line into quarantine (kept as it was), and the day reads again, its index rebuilt', async () => {
    const { dataDir, ids, journal, badLine } = await dayWithDamagedLine();
    const findings = await mendDataDir(dataDir, diskIo, () => new Date('2026-11-21T09:00:00Z'));
    expect(findings).toEqual([
      {
        file: join('orders', `${DAY}.jsonl`),
        line: 2,
        problem: expect.stringContaining('not JSON'),
        quarantinedTo: join('quarantine', 'orders', `${DAY}.jsonl.2026-11-21T09-00-00-000Z.bad`),
      },
    ]);
    expect(await readFile(join(dataDir, findings[0]?.quarantinedTo ?? ''), 'utf8')).toBe(`${badLine}\n`);
    expect((await readFile(journal, 'utf8')).split('\n').filter(Boolean)).toHaveLength(2);

    const store = new JournalOrderBook(dataDir, diskIo);
    expect((await store.ordersOfDay(DAY)).map((o) => o.orderId).sort()).toEqual([ids[0], ids[2]].sort());
    expect((await store.digestsOfDay(DAY)).map((d) => d.orderId).sort()).toEqual([ids[0], ids[2]].sort());
    expect((await store.get(ids[2] ?? ''))?.orderId).toBe(ids[2]);
    expect(await mendDataDir(dataDir, diskIo)).toEqual([]);
  });

  it('rebuilds a mended day whose index had fallen behind its journal (a crash lost its unsynced rows), so history reads the day as it now is', async () => {
    const at = () => new Date(`${DAY}T10:00:00+09:00`);
    const h = await liveShop({ now: at });
    const ids: string[] = [];
    const sell = async (core: typeof h, productId: string) =>
      ids.push((await core.ok('sale:create', { lines: [{ productId, quantity: 1 }] })).orderId);
    for (const productId of ['americano', 'scone', 'cheesecake']) await sell(h, productId);
    await h.close();
    const indexDir = join(h.dataDir, 'orders', 'index');
    const rowsOfThree = await readFile(join(indexDir, `${DAY}.rows`));
    const later = await liveShop({ dataDir: h.dataDir, now: at });
    for (const productId of ['croissant', 'sandwich']) await sell(later, productId);
    await later.close();
    // The crash: the rows of the last two sales never reached the disk; the day was listed dirty before they were written.
    await writeFile(join(indexDir, `${DAY}.rows`), rowsOfThree);
    await writeFile(join(indexDir, 'dirty.json'), JSON.stringify([DAY]));
    const journal = join(h.dataDir, 'orders', `${DAY}.jsonl`);
    await damageLines(journal, { 1: '{"orderId": "20261120-BROKEN", "amount": "free"' });

    await mendDataDir(h.dataDir, diskIo);
    const store = new JournalOrderBook(h.dataDir, diskIo);
    const kept = ids.filter((_, at) => at !== 1).sort();
    expect((await store.digestsOfDay(DAY)).map((d) => d.orderId).sort()).toEqual(kept);
    expect((await store.ordersOfDay(DAY)).map((o) => o.orderId).sort()).toEqual(kept);
  });

  it('leaves a sound folder byte for byte as it was', async () => {
    const h = await withCore({ now: () => new Date(`${DAY}T10:00:00+09:00`) });
    await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
    await issueCoupons(h, {}, { count: 2 });
    await h.close();
    const before = snapshot(h.dataDir);
    expect(await mendDataDir(h.dataDir, diskIo)).toEqual([]);
    expect(changedPaths(before, snapshot(h.dataDir))).toEqual([]);
  });

  it('mends every damaged day, in date order, each bad line kept in its day’s quarantine file, even with no history index on disk yet', async () => {
    const days = ['2026-11-18', '2026-11-19', '2026-11-20'];
    let dataDir: string | undefined;
    const ids = new Map<string, string[]>();
    for (const day of days) {
      const h = await liveShop({
        ...(dataDir === undefined ? {} : { dataDir }),
        now: () => new Date(`${day}T10:00:00+09:00`),
      });
      dataDir = h.dataDir;
      const made: string[] = [];
      for (const productId of ['americano', 'scone', 'cheesecake'])
        made.push((await h.ok('sale:create', { lines: [{ productId, quantity: 1 }] })).orderId);
      ids.set(day, made);
      await h.close();
    }
    if (dataDir === undefined) throw new Error('no core');
    await damageLines(join(dataDir, 'orders', '2026-11-20.jsonl'), { 0: '{"damaged": 0' });
    await damageLines(join(dataDir, 'orders', '2026-11-18.jsonl'), { 0: '{"damaged": 0', 2: '{"damaged": 2' });
    // An index an older version never wrote, or one removed by hand: nothing to take out.
    await rm(join(dataDir, 'orders', 'index'), { recursive: true });

    const findings = await mendDataDir(dataDir, diskIo, () => new Date('2026-11-21T09:00:00Z'));
    expect(findings.map((f) => `${f.file}:${f.line}`)).toEqual([
      join('orders', '2026-11-18.jsonl:1'),
      join('orders', '2026-11-18.jsonl:3'),
      join('orders', '2026-11-20.jsonl:1'),
    ]);
    expect(await readFile(join(dataDir, findings[0]?.quarantinedTo ?? ''), 'utf8')).toBe(
      '{"damaged": 0\n{"damaged": 2\n',
    );
    const store = new JournalOrderBook(dataDir, diskIo);
    expect((await store.ordersOfDay('2026-11-18')).map((o) => o.orderId)).toEqual([ids.get('2026-11-18')?.[1]]);
    expect((await store.ordersOfDay('2026-11-19')).map((o) => o.orderId).sort()).toEqual(
      [...(ids.get('2026-11-19') ?? [])].sort(),
    );
  });

  it('keeps the days a crash had already left for the next start to catch up, beside the ones it mended', async () => {
    const { dataDir } = await dayWithDamagedLine();
    const dirty = join(dataDir, 'orders', 'index', 'dirty.json');
    await writeFile(dirty, JSON.stringify(['2026-11-19', 42]));
    await mendDataDir(dataDir, diskIo);
    expect((JSON.parse(await readFile(dirty, 'utf8')) as string[]).sort()).toEqual(['2026-11-19', DAY]);
  });

  it('the doctor waits for the app to be closed, and reports a catalog it cannot mend without touching it', async () => {
    const dataDir = await tempDir('doctor');
    const unlock = await lockDataDir(dataDir);
    await expect(mendDataDir(dataDir, diskIo)).rejects.toBeInstanceOf(DataDirInUseError);
    await unlock();

    // A typo an owner might make editing the file: a negative price.
    const edited = structuredClone(demoCatalog);
    (edited.products[0] as { price: number }).price = -5;
    const catalog = JSON.stringify(edited, null, 2);
    await writeFile(join(dataDir, 'catalog.json'), catalog);
    const findings = await mendDataDir(dataDir, diskIo);
    expect(findings).toEqual([{ file: 'catalog.json', problem: expect.stringMatching(/^products\.0\.price: /) }]);
    expect(await readFile(join(dataDir, 'catalog.json'), 'utf8')).toBe(catalog);
  });

  it('mends the coupon journal too, leaves a torn last line for the app to drop and files that are no journal alone, and reports nothing on a sound folder', async () => {
    const h = await liveShop();
    await issueCoupons(h, {}, { count: 3 });
    await h.close();
    const issued = join(h.dataDir, 'coupons', 'issued.jsonl');
    const [first = '', , third = ''] = (await readFile(issued, 'utf8')).split('\n');
    const torn = '{"code":"TORN';
    await writeFile(issued, `${first}\n{"code": 42}\n${third}\n${torn}`);
    const notes = join(h.dataDir, 'orders', 'notes.txt');
    await writeFile(notes, 'not a journal\n');
    const healthy = await tempDir('doctor');
    const orders = snapshot(join(h.dataDir, 'orders'));

    const findings = await mendDataDir(h.dataDir, diskIo, () => new Date('2026-11-21T09:00:00Z'));
    const quarantinedTo = join('quarantine', 'coupons', 'issued.jsonl.2026-11-21T09-00-00-000Z.bad');
    expect(findings).toEqual([
      { file: join('coupons', 'issued.jsonl'), line: 2, problem: expect.stringMatching(/^code: /), quarantinedTo },
    ]);
    expect(await readFile(join(h.dataDir, quarantinedTo), 'utf8')).toBe('{"code": 42}\n');
    expect(await readFile(issued, 'utf8')).toBe(`${first}\n${third}\n${torn}`);
    expect(await readFile(notes, 'utf8')).toBe('not a journal\n');
    // No order journal was touched, so no day is left for the history index to rebuild.
    expect(changedPaths(orders, snapshot(join(h.dataDir, 'orders')))).toEqual([]);
    expect(await mendDataDir(healthy, diskIo)).toEqual([]);

    // The coupons it kept are there for the register again.
    const again = await liveShop({ dataDir: h.dataDir });
    const kept = (JSON.parse(third) as { code: string }).code;
    expect((await couponRow(again, kept)).code).toBe(kept);
  });
});

describe('the doctor reads every document the app opens', () => {
  /** A shop closed after its first day: an owner and a cashier, and a sale. */
  async function shopFolder(): Promise<string> {
    const h = await withCore({ now: () => new Date(`${DAY}T10:00:00+09:00`) });
    await h.ok('staff:setup-owner', { name: '김토스', pin: '482913' });
    await h.ok('staff:add', { name: '박알바', role: 'cashier', pin: null });
    await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
    await h.close();
    return h.dataDir;
  }

  it('reports a damaged staff.json, settings.json, coupons.json, register.json and open-work.json, each untouched', async () => {
    const dataDir = await shopFolder();
    await writeFile(join(dataDir, 'staff.json'), '{"staff": [');
    await writeFile(join(dataDir, 'settings.json'), JSON.stringify({ preferences: 'ko' }));
    await writeFile(join(dataDir, 'coupons.json'), JSON.stringify({ definitions: {}, batches: [] }));
    await writeFile(join(dataDir, 'register.json'), '{"lines": [}');
    await writeFile(join(dataDir, 'open-work.json'), JSON.stringify({ refunds: [42] }));
    const before = snapshot(dataDir);

    const findings = await mendDataDir(dataDir, diskIo);
    expect(findings).toEqual([
      { file: 'settings.json', problem: expect.stringMatching(/^preferences: /) },
      { file: 'staff.json', problem: expect.stringMatching(/^it is not JSON/) },
      { file: 'coupons.json', problem: expect.stringMatching(/^definitions: /) },
      { file: 'open-work.json', problem: expect.stringMatching(/^refunds\.0: /) },
      { file: 'register.json', problem: expect.stringMatching(/^it is not JSON/) },
    ]);
    expect(changedPaths(before, snapshot(dataDir))).toEqual([]);
  });

  it('reports a staff record changed by hand, naming it, as start-up would refuse it', async () => {
    const dataDir = await shopFolder();
    const file = JSON.parse(await readFile(join(dataDir, 'staff.json'), 'utf8')) as {
      staff: Array<{ id: string; name: string; role: string }>;
    };
    const cashier = file.staff.find((s) => s.name === '박알바');
    await writeFile(
      join(dataDir, 'staff.json'),
      JSON.stringify({ ...file, staff: file.staff.map((s) => (s === cashier ? { ...s, role: 'manager' } : s)) }),
    );
    const before = snapshot(dataDir);
    expect(await mendDataDir(dataDir, diskIo)).toEqual([
      {
        file: 'staff.json',
        problem: `staff record ${cashier?.id} (박알바) does not match its signature: it was added or changed outside Toss POS`,
      },
    ]);
    expect(changedPaths(before, snapshot(dataDir))).toEqual([]);
  });

  it('says plainly when staff signatures cannot be checked outside the desktop app (its keychain sealed the key), without calling them bad', async () => {
    const dataDir = await shopFolder();
    await writeFile(
      join(dataDir, 'staff-key.json'),
      JSON.stringify({
        version: 1,
        protection: 'os-keychain',
        data: Buffer.from('sealed by the keychain').toString('base64'),
      }),
    );
    expect(await mendDataDir(dataDir, diskIo)).toEqual([
      {
        file: 'staff.json',
        problem: expect.stringMatching(/^its signatures were not checked: .*desktop app's keychain/),
        unchecked: true,
      },
    ]);
  });

  it('mends training’s journals as it mends the live ones, and training’s index rebuilds the day', async () => {
    const h = await withCore({ now: () => new Date(`${DAY}T10:00:00+09:00`) });
    const orders = [];
    for (const productId of ['americano', 'scone', 'cheesecake']) {
      const { orderId } = await h.ok('sale:create', { lines: [{ productId, quantity: 1 }] });
      orders.push(await h.ok('sale:get', { orderId }));
    }
    await h.close();
    // Another folder's training books, written by the order store as the app writes them.
    const dataDir = await tempDir('doctor-training');
    const training = join(dataDir, 'training');
    const books = new JournalOrderBook(training, diskIo);
    for (const order of orders) await books.insert(order);
    await books.close();
    const ids = orders.map((order) => order.orderId);
    await damageLines(join(training, 'orders', `${DAY}.jsonl`), { 1: '{"orderId": "20261120-BROKEN"' });

    const findings = await mendDataDir(dataDir, diskIo, () => new Date('2026-11-21T09:00:00Z'));
    expect(findings).toEqual([
      {
        file: join('training', 'orders', `${DAY}.jsonl`),
        line: 2,
        problem: expect.stringContaining('not JSON'),
        quarantinedTo: join('quarantine', 'training', 'orders', `${DAY}.jsonl.2026-11-21T09-00-00-000Z.bad`),
      },
    ]);
    expect(JSON.parse(await readFile(join(training, 'orders', 'index', 'dirty.json'), 'utf8'))).toEqual([DAY]);
    const store = new JournalOrderBook(training, diskIo);
    expect((await store.digestsOfDay(DAY)).map((d) => d.orderId).sort()).toEqual([ids[0], ids[2]].sort());
  });

  it('reads training’s own files too: its staff file, its books’ documents, the simulator’s ledger, and a day close', async () => {
    const dataDir = await shopFolder();
    await mkdir(join(dataDir, 'training'), { recursive: true });
    await mkdir(join(dataDir, 'day-closes'), { recursive: true });
    await writeFile(
      join(dataDir, 'training', 'staff.json'),
      JSON.stringify({ manager: { id: 'staff-training', pin: '0000' } }),
    );
    await writeFile(join(dataDir, 'training', 'register.json'), 'not json');
    await writeFile(
      join(dataDir, 'training', 'payments.json'),
      JSON.stringify({ entries: [{ payment: { orderId: 'x' } }] }),
    );
    await writeFile(join(dataDir, 'day-closes', `${DAY}.json`), JSON.stringify({ day: DAY }));
    const findings = await mendDataDir(dataDir, diskIo);
    expect(findings.map((f) => f.file)).toEqual([
      join('day-closes', `${DAY}.json`),
      join('training', 'register.json'),
      join('training', 'staff.json'),
      join('training', 'payments.json'),
    ]);
  });
});
