import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskIo, type FileIo } from '../../../../electron/core/platform/disk/file-io';
import { COUNT_CAP, JournalReplicator } from '../../../../electron/core/orders/shared-store/journal-replicator';
import { capturingLog } from '../../helpers/capturing-log';
import { onCleanup } from '../../helpers/cleanup';
import { faultyIo } from '../../helpers/faulty-io';
import { startOwnSimulator } from '../../helpers/pos';
import { QUICK_REPLICATION, shopOnPostgres } from '../../helpers/shop-on-postgres';
import { tempDir } from '../../helpers/temp-dir';
import { cashSale } from '../../helpers/sales';

const QUICK = { ...QUICK_REPLICATION, batch: 4 };
const shop = shopOnPostgres('outbox_reads', QUICK);
/** A port nothing listens on: the store refuses at once, as a server that is down does. */
const NOWHERE = 'postgres://pos_test:pos_test@127.0.0.1:1/pos_test';

async function until(condition: () => boolean | Promise<boolean>, what: string, limitMs = 10_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function storedLines(url: string): Promise<Array<{ line_no: number; line: unknown }>> {
  return shop.query(url, 'SELECT line_no, line FROM journal_lines ORDER BY line_no');
}

/** The real disk, counting what is read of the journals through it: how many bytes, from which files. */
function countingReads(): { io: FileIo; bytes: () => number; files: Set<string> } {
  let bytes = 0;
  const files = new Set<string>();
  return {
    io: {
      ...diskIo,
      async readRange(path, position, length) {
        const read = await diskIo.readRange(path, position, length);
        bytes += read?.length ?? 0;
        if ((read?.length ?? 0) > 0) files.add(path);
        return read;
      },
    },
    bytes: () => bytes,
    files,
  };
}

const LINE = (day: string, i: number) =>
  `${JSON.stringify({ orderId: `${day.replaceAll('-', '')}-${String(i).padStart(12, '0')}`, pad: 'x'.repeat(180) })}\n`;

/** A register that sold offline for `days` days, `perDay` lines a day, never sent: its journals as they lie on disk. */
async function backlog(days: number, perDay: number): Promise<{ dataDir: string; lineBytes: number; last: string }> {
  const dataDir = await tempDir('backlog');
  await mkdir(join(dataDir, 'orders'), { recursive: true });
  let last = '';
  for (let d = 0; d < days; d += 1) {
    last = new Date(Date.UTC(2026, 5, 1 + d)).toISOString().slice(0, 10);
    const day = last;
    await writeFile(
      join(dataDir, 'orders', `${day}.jsonl`),
      Array.from({ length: perDay }, (_, i) => LINE(day, i)).join(''),
    );
  }
  return { dataDir, lineBytes: Buffer.byteLength(LINE(last, 0)), last };
}

function replicatorOn(dataDir: string, io: FileIo): JournalReplicator {
  const replicator = new JournalReplicator({
    dataDir,
    url: NOWHERE,
    register: () => ({ id: 'reg-a', name: 'A' }),
    io,
    log: capturingLog().log,
    now: () => new Date(),
    timing: QUICK,
  });
  onCleanup(() => replicator.stop());
  return replicator;
}

describe('the outbox reads the journals through the store’s disk', () => {
  it('a read the disk fails reaches the outbox, which tries again with backoff and sends every line once, in order', async () => {
    const db = await shop.freshDatabase();
    let sick = true;
    const disk = faultyIo(
      () => false,
      (path) => sick && path.endsWith('.jsonl') && path.includes('orders'),
    );
    const own = await startOwnSimulator();
    const h = await shop.live(own, db.url, { io: disk.io });
    const sales = [await cashSale(h), await cashSale(h), await cashSale(h)];
    expect(sales.every((order) => order.status === 'PAID')).toBe(true);
    await until(() => disk.readFailures() >= 3, 'the outbox to try its read again');
    expect(await storedLines(db.url)).toEqual([]);
    // The database answered all along: the disk failed, and the badge does not call the store offline.
    expect(h.core.sharedStore.status().state).toBe('online');

    sick = false;
    const journal = (await readFile(join(h.dataDir, 'orders', `${sales[0]!.businessDay}.jsonl`), 'utf8'))
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as unknown);
    await until(async () => (await storedLines(db.url)).length >= journal.length, 'the lines sent once the disk reads');
    await h.core.sharedStore.flush();
    const stored = await storedLines(db.url);
    expect(stored.map((row) => row.line)).toEqual(journal);
    expect(stored.map((row) => row.line_no)).toEqual(journal.map((_, i) => i + 1));
    expect(h.core.sharedStore.status()).toEqual({ state: 'online', waiting: 0 });
  });

  it('a backlog of months is counted up to the cap and shown as "N+": what is read is bounded, not the whole backlog', async () => {
    const perDay = 500;
    const { dataDir, lineBytes, last } = await backlog(60, perDay);
    const reads = countingReads();
    const replicator = replicatorOn(dataDir, reads.io);
    await replicator.start();
    await until(() => replicator.status().state === 'offline', 'the store found down');
    expect(replicator.status()).toMatchObject({ state: 'offline', waiting: COUNT_CAP, more: true });
    // The whole backlog is 30,000 lines in 60 files; counting reads the cap's worth (and a piece to know more wait).
    const counted = reads.bytes();
    expect(counted).toBeLessThanOrEqual((COUNT_CAP + 1) * lineBytes + 256 * 1024);
    expect(reads.files.size).toBeLessThanOrEqual(Math.ceil(COUNT_CAP / perDay) + 1);

    // More sales while the count is at its cap read nothing more: the badge already says "more".
    await appendFile(join(dataDir, 'orders', `${last}.jsonl`), LINE(last, perDay));
    replicator.nudge(last);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reads.bytes()).toBe(counted);
    expect(replicator.status()).toMatchObject({ waiting: COUNT_CAP, more: true });
  });

  it('a backlog under the cap is counted exactly, and a sale offline adds its line to the count', async () => {
    const { dataDir, last } = await backlog(3, 40);
    const replicator = replicatorOn(dataDir, diskIo);
    await replicator.start();
    await until(() => replicator.status().state === 'offline', 'the store found down');
    expect(replicator.status()).toEqual({ state: 'offline', since: expect.any(String), waiting: 120 });
    await appendFile(join(dataDir, 'orders', `${last}.jsonl`), LINE(last, 40));
    replicator.nudge(last);
    await until(() => {
      const status = replicator.status();
      return status.state === 'offline' && status.waiting === 121;
    }, 'the sale counted');
    expect(replicator.status()).not.toHaveProperty('more');
  });
});
