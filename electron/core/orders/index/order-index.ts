import { join } from 'node:path';
import type { Order } from '../../../../shared/domain/order';
import type { Logger } from '../../platform/log/logger';
import { approvalsOf, digestOf } from './order-digest';
import { canonicalHashOf, orderSchemaFingerprint } from './canonical-lines';
import { OpenFiles } from './open-files';
import { readRangeSync } from './positioned-read';
import { StoreFileCorruptError } from '../../platform/disk/corrupt-file-error';
import type { FileIo } from '../../platform/disk/file-io';
import type { AppendedLine } from '../../platform/disk/keyed-journal';
import { DayDigests, digestLines, digestLinesInSlices, type IndexedDigest } from './day-digests';
import { summarize, type DaySummary } from './day-summary';
import { jsonOrNull } from '../../platform/disk/json-or-null';
import { indexFiles } from './index-files';
import { IndexWriter } from './index-writer';
import { ApprovalFiles } from './approval-files';
import { dayIdsText, placesFromIds, type LinePlace } from './day-ids';
import { idsOfLinesContaining, latestLines, linesStartingBackwards, rowsCover, rowStart } from './row-scan';

/** Between two days of a background rebuild: the next day waits for it, so the till's calls go first. */
export type RebuildPace = () => Promise<void>;

/** One turn of the event loop: whatever the till asked meanwhile is answered before the next day is built. */
export const nextTurn: RebuildPace = () => new Promise((resolve) => setImmediate(resolve));

/** How long after the books open the background rebuild begins: start-up and the first sale go first. */
const REBUILD_AFTER_MS = 1_000;

/** How far a background rebuild of the index has come, in days. */
export interface RebuildProgress {
  built: number;
  total: number;
}

/** How many days' digests stay in memory (a history page reads the newest few, a search up to 30). */
const DIGEST_CACHE_DAYS = 32;
/**
 * 2: digests and summaries say on which days refunds were made. 3: sorted ids per day and sorted
 * approval buckets, found by bisection. 4: each id says whether its line is in the order schema's
 * form (read back without the schema), and the index names the schema it was built under. An
 * index of another version, or built under another order schema, is rebuilt from the journals.
 */
const VERSION = 4;

/** Whether a term appears in a rows file as typed: nothing in it that JSON writes escaped (quotes, backslashes, control characters, lone surrogates). */
function plainTerm(term: string): boolean {
  for (const char of term) {
    const code = char.codePointAt(0) ?? 0;
    // Stryker disable next-line EqualityOperator: a space taken as escaped only sends the search the slow way, to the same answer
    if (code < 0x20 || char === '"' || char === '\\' || (code >= 0xd800 && code <= 0xdfff)) return false;
  }
  // Stryker disable next-line all: an empty term matches every row either way, and the caller's exact match keeps them all
  return term !== '';
}

/** A rows line as a row, or null for a torn one. */
function safeRow(line: string): IndexedDigest | null {
  return jsonOrNull(line) as IndexedDigest | null;
}

function rowLine(row: IndexedDigest): string {
  return `${JSON.stringify(row)}\n`;
}

/**
 * What history reads instead of the journals, derived from them and rebuilt from them whenever in
 * doubt: per day, each order's digest and where its line is (`index/YYYY-MM-DD.rows`), and its
 * ids sorted (`.ids`, see day-ids); per day, a summary of real sales (`index/summary.jsonl`, last
 * line per day wins); approval number → order (`index/approvals/NN.*`, see approval-files).
 * Derived files are appended without fsync; a day written since the
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
  /** Days whose rows file is compacted and has had nothing appended since. */
  private readonly compacted = new Set<string>();
  /** The index's appends, written behind the sales (see IndexWriter). */
  private readonly writer: IndexWriter;
  private readonly approvals: ApprovalFiles;
  /** The journals, ids and approval files lookups read, kept open until `close`. */
  private readonly files = new OpenFiles();
  /**
   * Days a rebuild has not reached yet: whatever reads one builds it from its journal first (so
   * its old rows are never trusted), and a sale's day is built before the sale is written.
   */
  private readonly unbuilt = new Set<string>();
  /** Builds of unbuilt days under way, so a day asked for twice is read once. */
  private readonly building = new Map<string, Promise<DayDigests>>();
  /** Unbuilt days whose journal could not be read in this rebuild: passed over, read (and refused) when asked for. */
  private readonly failedBuilds = new Set<string>();
  private rebuildTotal = 0;
  /** The background rebuild, while one runs. */
  private rebuilding: Promise<void> | null = null;
  private stopping = false;
  /** Resolved when a quit stops the rebuild: it does not wait out the pace to stop. */
  private stop: () => void = () => undefined;
  private readonly stopped = new Promise<void>((resolve) => (this.stop = resolve));

  private constructor(
    private readonly ordersDir: string,
    private readonly io: FileIo,
    private readonly log: Logger,
  ) {
    this.dir = join(ordersDir, 'index');
    this.writer = new IndexWriter(log);
    this.approvals = new ApprovalFiles(join(this.dir, 'approvals'), io, this.writer, log, this.files);
  }

  /**
   * Opens the index, catching up days a crash left behind. One that is missing or of another
   * version is rebuilt from the journals in the background: the newest day (the one a sale goes
   * to) before this answers, the others newest first after, each read from its journal if asked
   * for before it is reached. A rebuild cut short (a crash, a quit) starts again at the next open:
   * the version is written only once every day is built.
   */
  static async open(
    ordersDir: string,
    io: FileIo,
    days: () => Promise<string[]>,
    log: Logger,
    pace: RebuildPace = nextTurn,
  ): Promise<OrderIndex> {
    const index = new OrderIndex(ordersDir, io, log);
    const version = await indexFiles.read(join(index.dir, 'version.json'));
    // Stryker disable next-line ConditionalExpression: without the file, its version reads as undefined, which is outdated too
    const stamp = version === null ? null : (jsonOrNull(version) as { version?: unknown; schema?: unknown } | null);
    const outdated = stamp?.version !== VERSION || stamp.schema !== orderSchemaFingerprint();
    if (outdated) {
      await index.startRebuild(await days(), pace);
      return index;
    }
    const dirty = await indexFiles.read(join(index.dir, 'dirty.json'));
    const behind = dirty === null ? [] : (JSON.parse(dirty) as string[]);
    if (behind.length > 0) {
      index.dirty = new Set(behind);
      await index.persistDirty();
      await index.catchUp(behind);
      await index.flush();
    }
    return index;
  }

  /** Lists every day as unbuilt (and dirty, durably), builds the newest, and leaves the rest to the background. */
  private async startRebuild(days: readonly string[], pace: RebuildPace): Promise<void> {
    for (const day of days) this.unbuilt.add(day);
    this.rebuildTotal = days.length;
    this.dirty = new Set(days);
    await this.persistDirty();
    const newest = days[days.length - 1];
    // A newest day that cannot be read is refused when asked for, as any unreadable day.
    if (newest !== undefined) await this.day(newest).catch(() => undefined);
    this.rebuilding = this.rebuildInBackground(days, pace);
  }

  /** Builds the unbuilt days newest first, one at a time between the till's calls, then writes the version. */
  private async rebuildInBackground(days: readonly string[], pace: RebuildPace): Promise<void> {
    const started = Date.now();
    if (this.unbuilt.size > 0)
      await Promise.race([new Promise((resolve) => setTimeout(resolve, REBUILD_AFTER_MS)), this.stopped]);
    for (const day of [...days].reverse()) {
      // Days already built (the newest, those asked for) take no turn.
      if (!this.unbuilt.has(day)) continue;
      await Promise.race([pace(), this.stopped]);
      if (this.stopping) return;
      if (!this.unbuilt.has(day)) continue;
      try {
        // Built aside, not into the days in memory: the days the till and history use stay there.
        const digests = await this.build(day);
        // Its summary on file now, while its digests are at hand, not all at the end.
        if (this.staleSummaries.has(day)) await this.refreshSummary(day, digests);
      } catch (error) {
        this.log.error('a day journal could not be indexed', { day, error });
        this.failedBuilds.add(day);
      }
    }
    try {
      await this.flush();
      await this.io.writeAtomic(
        join(this.dir, 'version.json'),
        JSON.stringify({ version: VERSION, schema: orderSchemaFingerprint() }),
      );
      this.log.info('order index rebuilt', {
        days: days.length,
        unreadable: this.failedBuilds.size,
        ms: Date.now() - started,
      });
    } catch (error) {
      this.log.warn('the rebuilt order index could not be written; it is rebuilt at the next open', { error });
    }
    this.rebuilding = null;
  }

  /** How far the background rebuild has come, or null when none is under way. */
  progress(): RebuildProgress | null {
    if (this.rebuilding === null) return null;
    return { built: this.rebuildTotal - this.unbuilt.size + this.failedBuilds.size, total: this.rebuildTotal };
  }

  /** Resolves once no background rebuild is under way (at once when none is). */
  async rebuilt(): Promise<void> {
    await this.rebuilding;
  }

  /** Stops a background rebuild at the next day (the app is quitting): the next open starts it again. */
  async stopRebuild(): Promise<void> {
    this.stopping = true;
    this.stop();
    await this.rebuilding;
  }

  private journalPath(day: string): string {
    return join(this.ordersDir, `${day}.jsonl`);
  }

  private rowsPath(day: string): string {
    return join(this.dir, `${day}.rows`);
  }

  private idsPath(day: string): string {
    return join(this.dir, `${day}.ids`);
  }

  /**
   * Rebuilds what days' journals say: their rows (from where they stop), approvals and summaries.
   * A day whose journal cannot be read, damaged or not, stays dirty (it is tried again at the next
   * open) and holds up neither the other days nor a sale; reading it is refused with the reason until it is mended.
   */
  private async catchUp(days: readonly string[]): Promise<void> {
    let unreadable = 0;
    for (const day of days) {
      try {
        const digests = await this.day(day);
        // After a crash the day's approvals may have been lost while its rows were kept.
        this.appendApprovals([...digests.rows.values()]);
        this.staleSummaries.add(day);
      } catch (error) {
        this.log.error('a day journal could not be indexed', { day, error });
        unreadable += 1;
      }
    }
    this.log.info('order index caught up', { days: days.length, unreadable });
  }

  /** A day's digests, caught up with its journal. */
  day(day: string, rebuild = false): Promise<DayDigests> {
    const cached = this.digests.get(day);
    if (cached && !rebuild) {
      this.digests.delete(day);
      this.digests.set(day, cached);
      return cached;
    }
    const loading = this.unbuilt.has(day) ? this.build(day) : this.load(day, rebuild);
    loading.catch(() => this.digests.delete(day));
    this.digests.set(day, loading);
    for (const key of this.digests.keys()) {
      // Stryker disable next-line EqualityOperator: 31 days in memory or 32 read the same, one more day from its rows
      if (this.digests.size <= DIGEST_CACHE_DAYS) break;
      this.digests.delete(key);
    }
    return loading;
  }

  /** An unbuilt day, built from its journal once however many ask for it meanwhile. */
  private build(day: string): Promise<DayDigests> {
    const under = this.building.get(day);
    if (under !== undefined) return under;
    const building = this.load(day, true).then((digests) => {
      this.unbuilt.delete(day);
      this.failedBuilds.delete(day);
      return digests;
    });
    this.building.set(day, building);
    const done = () => void this.building.delete(day);
    building.then(done, done);
    return building;
  }

  private async load(day: string, rebuild: boolean): Promise<DayDigests> {
    await this.writer.written();
    let digests = rebuild
      ? new DayDigests()
      : await indexFiles.withBytes(this.rowsPath(day), (bytes) => DayDigests.parse(bytes));
    const size = await indexFiles.size(this.journalPath(day));
    if (size < digests.covered) {
      // The journal is shorter than the rows say (replaced or cut by hand): the rows are rebuilt from it.
      this.log.warn('a day journal is shorter than its index; rebuilding the index for it', {
        day,
        size,
        covered: digests.covered,
      });
      digests = new DayDigests();
      // Stryker disable next-line StringLiteral: whatever the rows file starts with is no row of this journal, so it is caught up from the journal again
      await indexFiles.write(this.rowsPath(day), '');
    }
    if (size > digests.covered) {
      const missing = await this.linesFrom(day, digests.covered, rebuild);
      for (const row of missing) digests.apply(row);
      // Built from nothing: written compacted at once, not row by row.
      // Stryker disable next-line all: compacted or appended, and rows a catch-up would write again, change the file's form, never what it answers
      await (rebuild ? this.compact(day, digests) : this.appendRows(day, missing));
      this.appendApprovals(missing);
      this.staleSummaries.add(day);
    }
    return digests;
  }

  /** The digests of a day's journal lines from byte `start`; a bad line is reported with its line number in the whole file. */
  private async linesFrom(day: string, start: number, whole = false): Promise<IndexedDigest[]> {
    const path = this.journalPath(day);
    try {
      const text = await indexFiles.readRange(path, start);
      // A day built whole is read in slices, between the till's calls.
      return whole ? await digestLinesInSlices(path, text, start, nextTurn) : digestLines(path, text, start);
    } catch (error) {
      // Stryker disable next-line ConditionalExpression,LogicalOperator: from the start the line is already the file's; a read failing otherwise fails again at the read just after
      if (!(error instanceof StoreFileCorruptError) || start === 0) throw error;
      const before = (await indexFiles.readRange(path, 0, start)).split('\n').length - 1;
      throw new StoreFileCorruptError(path, error.cause, before + (error.line ?? 1));
    }
  }

  /** Appends rows to a day's rows file (written behind the sales): the file is no longer compacted. */
  private appendRows(day: string, rows: readonly IndexedDigest[]): void {
    // Stryker disable next-line StringLiteral: one row is joined to nothing; a catch-up's rows joined with text between are damaged lines, passed over, and the day is caught up from its journal again
    this.writer.append(this.rowsPath(day), rows.map(rowLine).join(''));
    this.compacted.delete(day);
  }

  /**
   * Replaces a day's rows file with each order's latest row (in the order first seen) under a
   * header saying how much of the journal they cover: a day's rows shrink from one per journal
   * line to one per order. Durable and atomic: a crash leaves the old file or the new one.
   */
  private async compact(day: string, digests: DayDigests): Promise<void> {
    await this.writer.written();
    const header = `${JSON.stringify({ covered: digests.covered })}\n`;
    await this.io.writeAtomic(this.rowsPath(day), header + [...digests.rows.values()].map(rowLine).join(''));
    this.compacted.add(day);
    this.writer.replaced(this.rowsPath(day));
    // Not made durable: it answers only while the journal is the length it was built from.
    await indexFiles.write(this.idsPath(day), dayIdsText(digests.rows.values(), digests.covered));
  }

  /**
   * What a write needs to know of a day's journal without reading it (its length and its highest
   * 대기번호), or null when the index cannot vouch for the whole journal: a torn last line, or a
   * day it cannot read. Its orders are looked up as they come (`locate`).
   */
  async journalEnd(day: string): Promise<{ bytes: number; highestCallNumber: number } | null> {
    let digests: DayDigests;
    try {
      digests = await this.day(day);
    } catch {
      return null;
    }
    const bytes = await indexFiles.size(this.journalPath(day));
    if (bytes !== digests.covered) return null;
    let highestCallNumber = 0;
    for (const row of digests.rows.values()) highestCallNumber = Math.max(highestCallNumber, row.callNumber ?? 0);
    return { bytes, highestCallNumber };
  }

  /**
   * Before a day's journal is written: its digests are read up to the journal's end (so the new
   * line is the only one to add after), and the first time in this run the day is listed as dirty, durably.
   */
  async beforeWrite(day: string): Promise<void> {
    // An index that cannot be read does not stop the sale: the journal is the truth. A day whose
    // digests failed to load has dropped them (see `day`): the next read catches it up from its journal.
    await this.day(day).catch(() => undefined);
    // Stryker disable next-line ConditionalExpression: listing a day again writes the same list
    if (this.dirty.has(day)) return;
    this.dirty.add(day);
    await this.persistDirty();
  }

  /** After an append to a day's journal: its digest joins the day's rows, approvals and summary (in memory now, on file soon after). */
  async afterWrite(day: string, line: AppendedLine<Order>): Promise<void> {
    // The line as the journal wrote it: the record the schema gave back, as JSON.
    const lineHash = canonicalHashOf(JSON.stringify(line.record));
    const row: IndexedDigest = {
      ...digestOf(line.record),
      offset: line.offset,
      length: line.length,
      ...(lineHash === undefined ? {} : { lineHash }),
    };
    const digests = await this.day(day);
    const before = digests.rows.get(row.orderId);
    digests.apply(row);
    this.appendRows(day, [row]);
    // Stryker disable next-line ConditionalExpression,LogicalOperator: an approval listed again is found once all the same (looking it up answers each order once)
    const known = before === undefined ? [] : approvalsOf(before);
    if (approvalsOf(row).some((approveNo) => !known.includes(approveNo))) this.appendApprovals([row]);
    // Moving on to another day (midnight, a refund of an old order): the days left behind get their summary on file.
    // Stryker disable next-line all: the summary file is a cache of the digests; writing it more or less often changes no figure read (summariesOf works out a stale day again)
    if (this.lastWritten !== day) await this.persistSummaries(day);
    this.lastWritten = day;
    this.staleSummaries.add(day);
  }

  /**
   * Where an order's latest line is in its day's journal, or null if the day does not have it. A
   * day not in memory and not written since the index was caught up is looked up in its rows
   * file's text: one line is parsed and the day is not kept, so looking up old orders one by one
   * neither parses whole days nor fills memory.
   */
  async locate(day: string, orderId: string): Promise<IndexedDigest | null> {
    // Stryker disable next-line ConditionalExpression,LogicalOperator: only saves reading the rows file: rows that do not cover the journal are not used (inRows)
    if (!this.digests.has(day) && !this.dirty.has(day)) {
      const row = await this.inRows(day, (bytes) => {
        for (const line of linesStartingBackwards(bytes, rowStart(orderId))) return safeRow(line);
        return null;
      });
      // Not found there, or a torn line: the day is read whole below.
      if (row !== null) return row;
    }
    return (await this.day(day)).rows.get(orderId) ?? null;
  }

  /**
   * Where an order's latest line may be in its day's journal, found by bisection in the day's
   * sorted ids (the caller reads each place and keeps the order's), or null when they cannot say:
   * for a day in memory or written in this run, or whose ids do not match its journal (see `locate`).
   */
  places(day: string, orderId: string): LinePlace[] | null {
    if (this.digests.has(day) || this.dirty.has(day)) return null;
    return placesFromIds({ ids: this.idsPath(day), journal: this.journalPath(day) }, orderId, this.files);
  }

  /** The text of a day's journal at a place (fewer bytes past its end), read through the files kept open. */
  journalLine(day: string, at: LinePlace): string {
    return readRangeSync(this.journalPath(day), at.offset, at.length, this.files);
  }

  /**
   * The day's orders a search term may name (their latest rows, newest first), found by searching
   * the rows file's bytes and parsing only the lines that hold the term: for a day neither in
   * memory nor written since it was caught up. The caller applies the exact match. Null when the
   * day is to be read whole instead (in memory, written in this run, or a term JSON would escape).
   */
  async candidates(day: string, term: string): Promise<IndexedDigest[] | null> {
    // Stryker disable next-line ConditionalExpression,LogicalOperator: as in locate: rows that do not cover the journal are not used
    if (this.digests.has(day) || this.dirty.has(day) || !plainTerm(term)) return null;
    const rows = await this.inRows(day, (bytes) => {
      // Names are kept in lower case, order ids in upper case: between them the spellings find every match.
      const ids = idsOfLinesContaining(bytes, [...new Set([term, term.toLowerCase(), term.toUpperCase()])]);
      const found: Array<{ row: IndexedDigest; firstSeen: number }> = [];
      // Stryker disable next-line ConditionalExpression,ArrayDeclaration: no ids find no lines either way; a list of no rows reads the day whole, to the same answer
      for (const { line, firstSeen } of ids.size === 0 ? [] : latestLines(bytes, ids).values()) {
        const row = safeRow(line);
        if (row === null) return null;
        found.push({ row, firstSeen });
      }
      return found;
    });
    return (
      rows
        ?.sort((a, b) =>
          a.row.createdAt === b.row.createdAt
            ? b.firstSeen - a.firstSeen
            : b.row.createdAt.localeCompare(a.row.createdAt),
        )
        .map(({ row }) => row) ?? null
    );
  }

  /**
   * Runs `look` on a day's rows file as bytes if its last row ends where the day's journal does
   * (so the rows cover every line: the byte searches trust nothing less), else answers null.
   */
  private async inRows<T>(day: string, look: (bytes: Buffer) => T | null): Promise<T | null> {
    const journalBytes = await indexFiles.size(this.journalPath(day));
    return indexFiles.withBytes(this.rowsPath(day), (bytes) =>
      bytes !== null && rowsCover(bytes) === journalBytes ? look(bytes) : null,
    );
  }

  /** Order ids whose payment has this approval number (the caller checks each against its order). */
  async byApproval(approveNo: string): Promise<string[]> {
    await this.writer.written();
    return this.approvals.lookup(approveNo);
  }

  private appendApprovals(rows: readonly IndexedDigest[]): void {
    this.approvals.append(rows);
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
      found.push(
        summary === undefined || this.staleSummaries.has(day) || this.unbuilt.has(day)
          ? summarize(day, (await this.day(day)).rows.values())
          : summary,
      );
    }
    return found;
  }

  /** Writes the summaries of days changed since, except `busy` (the day being written now). */
  private async persistSummaries(busy: string | null): Promise<void> {
    for (const day of [...this.staleSummaries]) {
      // Stryker disable next-line all: as above: a summary not written now is worked out again when read
      if (day !== busy) await this.refreshSummary(day).catch(() => undefined);
    }
  }

  private async summaryMap(): Promise<Map<string, DaySummary>> {
    // Stryker disable next-line ConditionalExpression: reading the summary file again gives the map it kept
    if (this.summaries === null) {
      const map = new Map<string, DaySummary>();
      // Stryker disable next-line StringLiteral: a summary line not read is worked out again from the day's digests
      for (const line of ((await indexFiles.read(join(this.dir, 'summary.jsonl'))) ?? '').split('\n')) {
        const summary = jsonOrNull(line) as DaySummary | null;
        if (summary !== null) map.set(summary.day, summary);
      }
      this.summaries = map;
    }
    return this.summaries;
  }

  private async refreshSummary(day: string, digests?: DayDigests): Promise<DaySummary> {
    const summary = summarize(day, (digests ?? (await this.day(day))).rows.values());
    (await this.summaryMap()).set(day, summary);
    const text = `${JSON.stringify(summary)}\n`;
    this.writer.append(join(this.dir, 'summary.jsonl'), text);
    this.staleSummaries.delete(day);
    return summary;
  }

  /** Writes what is stale and makes the indexes durable, then the dirty list keeps only days that cannot be read: the next open reads no other journal. */
  async flush(): Promise<void> {
    await this.persistSummaries(null);
    await this.writer.written();
    await this.approvals.compact();
    // Compacting a day makes its rows durable too; a day that cannot be read stays as it is, and
    // listed: the next open catches it up from its journal, whatever its rows file holds.
    const unreadable = new Set<string>();
    for (const day of this.dirty) {
      // A day a rebuild has not reached stays listed: the next open rebuilds it, whatever its rows file holds.
      if (this.unbuilt.has(day)) {
        unreadable.add(day);
        continue;
      }
      // Stryker disable next-line ConditionalExpression: compacting a compacted day again writes the same bytes
      if (this.compacted.has(day)) continue;
      const digests = await this.day(day).catch(() => null);
      if (digests === null) unreadable.add(day);
      else await this.compact(day, digests);
    }
    await this.writer.sync();
    // Appends or syncs lost (approvals, summaries): the dirty days stay listed, so the next open catches them up.
    if (this.writer.failed) return;
    // Stryker disable next-line ConditionalExpression: the list left is the same list: writing it again writes the same bytes
    if (this.dirty.size === unreadable.size) return;
    this.dirty = unreadable;
    await this.persistDirty();
  }

  /** Lets go of the files lookups kept open (the books are closing). */
  close(): void {
    this.files.close();
  }

  private persistDirty(): Promise<void> {
    return this.io.writeAtomic(join(this.dir, 'dirty.json'), JSON.stringify([...this.dirty]));
  }
}
