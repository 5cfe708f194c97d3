import { join } from 'node:path';
import type { Order } from '../../../../shared/domain/order';
import type { Logger } from '../../log/logger';
import { digestOf } from '../../history/order-digest';
import { StoreFileCorruptError } from '../corrupt-file-error';
import type { FileIo } from '../file-io';
import type { AppendedLine } from '../keyed-journal';
import { DayDigests, digestLines, type IndexedDigest } from './day-digests';
import { summarize, type DaySummary } from './day-summary';
import { indexFiles } from './index-files';

/** How many days' digests stay in memory (a history page reads the newest few, a search up to 30). */
const DIGEST_CACHE_DAYS = 32;
const VERSION = 1;

/** The approval-number bucket a number lives in: its last two digits (Toss's numbers are digits). */
function bucketOf(approveNo: string): string {
  const tail = approveNo.replace(/\D/g, '').slice(-2);
  return tail.padStart(2, '0');
}

function rowLine(row: IndexedDigest): string {
  return `${JSON.stringify(row)}\n`;
}

/**
 * What history reads instead of the journals, derived from them and rebuilt from them whenever in
 * doubt: per day, each order's digest and where its line is (`index/YYYY-MM-DD.rows`); per day, a
 * summary of real sales (`index/summary.jsonl`, last line per day wins); approval number → order
 * (`index/approvals/NN.txt`). Derived files are appended without fsync; a day written since the
 * last clean close is listed in `index/dirty.json` (durably, before its journal is written), and
 * the next open brings such days' indexes up to their journals.
 */
export class OrderIndex {
  private readonly dir: string;
  private readonly digests = new Map<string, Promise<DayDigests>>();
  private summaries: Map<string, DaySummary> | null = null;
  /** Days whose summary on file is behind their digests. */
  private readonly staleSummaries = new Set<string>();
  private dirty = new Set<string>();
  private lastWritten: string | null = null;

  private constructor(
    private readonly ordersDir: string,
    private readonly io: FileIo,
    private readonly log: Logger,
  ) {
    this.dir = join(ordersDir, 'index');
  }

  /** Opens the index, building it once from the journals if it is missing, and catching up days a crash left behind. */
  static async open(ordersDir: string, io: FileIo, days: () => Promise<string[]>, log: Logger): Promise<OrderIndex> {
    const index = new OrderIndex(ordersDir, io, log);
    const version = await indexFiles.read(join(index.dir, 'version.json'));
    const dirty = await indexFiles.read(join(index.dir, 'dirty.json'));
    const behind = version === null ? await days() : dirty === null ? [] : (JSON.parse(dirty) as string[]);
    if (behind.length > 0) {
      index.dirty = new Set(behind);
      await index.persistDirty();
      const unreadable = await index.catchUp(behind, version === null);
      await index.flush();
      if (unreadable.length > 0) {
        index.dirty = new Set(unreadable);
        await index.persistDirty();
      }
    }
    if (version === null) await io.writeAtomic(join(index.dir, 'version.json'), JSON.stringify({ version: VERSION }));
    return index;
  }

  private journalPath(day: string): string {
    return join(this.ordersDir, `${day}.jsonl`);
  }

  private rowsPath(day: string): string {
    return join(this.dir, `${day}.rows`);
  }

  /**
   * Rebuilds what days' journals say: their rows (from where they stop), approvals and summaries.
   * A day whose journal cannot be read stays dirty (it is tried again at the next open) and does
   * not hold up the others; reading it is refused with the reason until it is mended.
   */
  private async catchUp(days: readonly string[], fresh: boolean): Promise<string[]> {
    const unreadable: string[] = [];
    for (const day of days) {
      try {
        const digests = await this.day(day, fresh);
        await this.appendApprovals([...digests.rows.values()]);
        this.staleSummaries.add(day);
      } catch (error) {
        if (!(error instanceof StoreFileCorruptError)) throw error;
        this.log.error('a day journal could not be indexed', { day, error });
        unreadable.push(day);
      }
    }
    this.log.info('order index caught up', { days: days.length, rebuilt: fresh, unreadable: unreadable.length });
    return unreadable;
  }

  /** A day's digests, caught up with its journal. */
  day(day: string, rebuild = false): Promise<DayDigests> {
    const cached = this.digests.get(day);
    if (cached && !rebuild) {
      this.digests.delete(day);
      this.digests.set(day, cached);
      return cached;
    }
    const loading = this.load(day, rebuild);
    loading.catch(() => this.digests.delete(day));
    this.digests.set(day, loading);
    for (const key of this.digests.keys()) {
      if (this.digests.size <= DIGEST_CACHE_DAYS) break;
      this.digests.delete(key);
    }
    return loading;
  }

  private async load(day: string, rebuild: boolean): Promise<DayDigests> {
    let digests = DayDigests.parse(rebuild ? null : await indexFiles.read(this.rowsPath(day)));
    const size = await indexFiles.size(this.journalPath(day));
    if (size < digests.covered) {
      // The journal is shorter than the rows say (replaced or cut by hand): the rows are rebuilt from it.
      this.log.warn('a day journal is shorter than its index; rebuilding the index for it', { day, size, covered: digests.covered });
      digests = new DayDigests();
      await indexFiles.write(this.rowsPath(day), '');
    }
    if (size > digests.covered) {
      const missing = digestLines(this.journalPath(day), await indexFiles.readRange(this.journalPath(day), digests.covered), digests.covered);
      for (const row of missing) digests.apply(row);
      await indexFiles.append(this.rowsPath(day), missing.map(rowLine).join(''));
      await this.appendApprovals(missing);
      this.staleSummaries.add(day);
    }
    return digests;
  }

  /** Drops a day's digests from memory: the next read catches up from its rows file and journal. */
  forget(day: string): void {
    this.digests.delete(day);
  }

  /** Before a day's journal is first written in this run: the day is listed as dirty, durably. */
  async beforeWrite(day: string): Promise<void> {
    if (this.dirty.has(day)) return;
    this.dirty.add(day);
    await this.persistDirty();
  }

  /** After an append to a day's journal: its digest joins the day's rows, approvals and summary. */
  async afterWrite(day: string, line: AppendedLine<Order>): Promise<void> {
    const row: IndexedDigest = { ...digestOf(line.record), offset: line.offset, length: line.length };
    const digests = await this.day(day);
    const before = digests.rows.get(row.orderId);
    digests.apply(row);
    await indexFiles.append(this.rowsPath(day), rowLine(row));
    if (row.approveNo !== null && before?.approveNo !== row.approveNo) await this.appendApprovals([row]);
    // Moving on to another day (midnight, a refund of an old order): the days left behind get their summary on file.
    if (this.lastWritten !== day) await this.persistSummaries(day);
    this.lastWritten = day;
    this.staleSummaries.add(day);
  }

  /** Where an order's latest line is in its day's journal, or null if the day does not have it. */
  async locate(day: string, orderId: string): Promise<IndexedDigest | null> {
    return (await this.day(day)).rows.get(orderId) ?? null;
  }

  /** Order ids whose payment has this approval number (the caller checks each against its order). */
  async byApproval(approveNo: string): Promise<string[]> {
    const text = (await indexFiles.read(join(this.dir, 'approvals', `${bucketOf(approveNo)}.txt`))) ?? '';
    const ids = new Set<string>();
    for (const line of text.split('\n')) {
      const [number, orderId] = line.split('\t');
      if (number === approveNo && orderId) ids.add(orderId);
    }
    return [...ids];
  }

  private async appendApprovals(rows: readonly IndexedDigest[]): Promise<void> {
    const byBucket = new Map<string, string>();
    for (const row of rows) {
      if (row.approveNo === null) continue;
      const bucket = bucketOf(row.approveNo);
      byBucket.set(bucket, `${byBucket.get(bucket) ?? ''}${row.approveNo}\t${row.orderId}\n`);
    }
    for (const [bucket, text] of byBucket) await indexFiles.append(join(this.dir, 'approvals', `${bucket}.txt`), text);
  }

  /**
   * The days' summaries, from the summary file, or from their digests where those changed since
   * (worked out in memory: a day being sold on is written to the file once it is done with).
   */
  async summariesOf(days: readonly string[]): Promise<DaySummary[]> {
    const known = await this.summaryMap();
    const found: DaySummary[] = [];
    for (const day of days) {
      const summary = known.get(day);
      found.push(summary === undefined || this.staleSummaries.has(day) ? summarize(day, (await this.day(day)).rows.values()) : summary);
    }
    return found;
  }

  /** Writes the summaries of days changed since, except `busy` (the day being written now). */
  private async persistSummaries(busy: string | null): Promise<void> {
    for (const day of [...this.staleSummaries]) if (day !== busy) await this.refreshSummary(day);
  }

  private async summaryMap(): Promise<Map<string, DaySummary>> {
    if (this.summaries === null) {
      const map = new Map<string, DaySummary>();
      for (const line of ((await indexFiles.read(join(this.dir, 'summary.jsonl'))) ?? '').split('\n')) {
        if (line === '') continue;
        try {
          const summary = JSON.parse(line) as DaySummary;
          map.set(summary.day, summary);
        } catch {
          continue;
        }
      }
      this.summaries = map;
    }
    return this.summaries;
  }

  private async refreshSummary(day: string): Promise<DaySummary> {
    const summary = summarize(day, (await this.day(day)).rows.values());
    (await this.summaryMap()).set(day, summary);
    await indexFiles.append(join(this.dir, 'summary.jsonl'), `${JSON.stringify(summary)}\n`);
    this.staleSummaries.delete(day);
    return summary;
  }

  /** Writes what is stale and makes the indexes durable, then the dirty list is cleared: the next open reads none of the journals. */
  async flush(): Promise<void> {
    await this.persistSummaries(null);
    for (const day of this.dirty) await indexFiles.sync(this.rowsPath(day));
    await indexFiles.sync(join(this.dir, 'summary.jsonl'));
    for (let bucket = 0; bucket < 100; bucket += 1) await indexFiles.sync(join(this.dir, 'approvals', `${String(bucket).padStart(2, '0')}.txt`));
    this.dirty.clear();
    await this.persistDirty();
  }

  private persistDirty(): Promise<void> {
    return this.io.writeAtomic(join(this.dir, 'dirty.json'), JSON.stringify([...this.dirty]));
  }
}
