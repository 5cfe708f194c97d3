import { join } from 'node:path';
import { PosError } from '../../../shared/domain/errors';
import { orderSchema, type Order, type OrderStatus } from '../../../shared/domain/order';
import type { Logger } from '../platform/log/logger';
import { StoreFileCorruptError } from '../platform/disk/corrupt-file-error';
import { DayJournal } from './day-journal';
import type { FileIo } from '../platform/disk/file-io';
import type { IndexedDigest } from './index/day-digests';
import type { DaySummary } from './index/day-summary';
import type { LinePlace } from './index/day-ids';
import { lineHashOf } from './index/canonical-lines';
import { nextTurn, OrderIndex, type RebuildPace, type RebuildProgress } from './index/order-index';
import type { AppendedLine } from '../platform/disk/keyed-journal';
import { jsonOrNull } from '../platform/disk/json-or-null';
import { KeyedMutex } from '../platform/disk/keyed-mutex';
import { journalDays, journalPath } from './journal-days';
import { RecentLookups } from './index/recent-lookups';
import type { OrderBook, OrderDay } from './order-book';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** How many days' journals stay in memory: today, yesterday, and what a report is reading. */
export const DAY_CACHE_LIMIT = 8;
/** How many orders read from their own lines are kept, and how much of their text at most. */
const RECENT_ORDERS = 256;
const RECENT_ORDER_CHARS = 1024 * 1024;

/** Order ids start with their business day (YYYYMMDD-…), so a lookup opens one day's file. */
export function businessDayOfOrderId(orderId: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})-/.exec(orderId);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

/** Newest first: by creation time; orders of the same second in reverse order of creation (the journal's). */
function newestFirst(orders: Iterable<Order>): Order[] {
  return [...orders]
    .map((order, created) => ({ order, created }))
    .sort((a, b) =>
      a.order.createdAt === b.order.createdAt
        ? b.created - a.created
        : b.order.createdAt.localeCompare(a.order.createdAt),
    )
    .map(({ order }) => structuredClone(order));
}

/**
 * Orders split by business day (`orders/YYYY-MM-DD.jsonl`), each day an append-only journal:
 * a sale appends to one day's file and never rewrites the history. At most `DAY_CACHE_LIMIT`
 * days are held in memory whole. History reads the derived index (`orders/index/`) instead:
 * digests per day, summaries, approval numbers, and where each order's line is.
 */
export class JournalOrderBook implements OrderBook {
  /** Insertion order is recency order: a day read again moves to the end. */
  private readonly days = new Map<string, Promise<DayJournal>>();
  /** One opener or writer per day: a day is never read from disk while an append to it is under way. */
  private readonly perDay = new KeyedMutex();
  private readonly dir: string;
  private closed = false;
  private index: Promise<OrderIndex> | null = null;
  private dayList: Promise<string[]> | null = null;
  /** Days found unreadable by `recentDigests`, with why. */
  readonly unreadable = new Map<string, StoreFileCorruptError>();
  /** The first 대기번호 of a day here (a setting of the register's, asked at each number given). */
  private firstCallNumber: () => number = () => 1;
  /**
   * Orders lately read from their own lines, as JSON, so reading one again (its detail, its
   * refund, its receipt) reads no file. Only this process writes the journals (the data folder
   * is locked to it): a change forgets its order, and a line read while any write was under way
   * is not kept (an insert is of an order not found, so never kept).
   */
  private readonly recentlyRead = new RecentLookups<string>(RECENT_ORDERS, RECENT_ORDER_CHARS, (text) => text.length);
  /** Writes begun, and under way: see `recentlyRead`. */
  private writesBegun = 0;
  private writing = 0;

  constructor(
    dataDir: string,
    private readonly io: FileIo,
    private readonly cacheLimit = DAY_CACHE_LIMIT,
    private readonly log: Logger = quiet,
    /** Between two days of a background rebuild of the index (a test slows it to watch one under way). */
    private readonly rebuildPace: RebuildPace = nextTurn,
  ) {
    this.dir = join(dataDir, 'orders');
  }

  /**
   * Opens the history index, catching up after a crash. A missing or outdated one is rebuilt from
   * the journals in the background: this answers once the newest day is built (see OrderIndex.open).
   */
  ready(): Promise<OrderIndex> {
    if (this.index === null) {
      const opening = OrderIndex.open(this.dir, this.io, () => this.businessDays(), this.log, this.rebuildPace);
      opening.catch(() => {
        this.index = null;
      });
      this.index = opening;
    }
    return this.index;
  }

  /**
   * A day's journal: for reading, opened whole; for writing, resumed at its end from the index
   * when it can vouch for it, so a sale never reads the day (else opened whole). A day resumed for
   * writing and then read is opened whole in its place, after the writes already queued.
   */
  private day(businessDay: string, purpose: 'read' | 'write'): Promise<DayJournal> {
    const cached = this.days.get(businessDay);
    if (!cached) return this.openDay(businessDay, purpose, null);
    this.days.delete(businessDay);
    this.days.set(businessDay, cached);
    if (purpose === 'write') return cached;
    // Stryker disable next-line StringLiteral: openDay treats every purpose but 'write' as a read
    return cached.then((journal) => (journal.whole ? journal : this.openDay(businessDay, 'read', cached)));
  }

  private journalPath(businessDay: string): string {
    return journalPath(this.dir, businessDay);
  }

  private openDay(
    businessDay: string,
    purpose: 'read' | 'write',
    replacing: Promise<DayJournal> | null,
  ): Promise<DayJournal> {
    // Another read got here first and put the whole day in its place.
    if (replacing !== null && this.days.get(businessDay) !== replacing) return this.day(businessDay, purpose);
    const path = this.journalPath(businessDay);
    const journal = this.perDay.run(businessDay, async () => {
      // Stryker disable next-line ArrowFunction: a replaced journal that failed to open is null or undefined here, and neither is closed
      await (await replacing?.catch(() => null))?.close();
      const end = purpose === 'write' ? await (await this.ready()).journalEnd(businessDay) : null;
      if (end === null) return DayJournal.open(path, this.io);
      return DayJournal.resume(path, this.io, {
        ...end,
        has: (orderId) => this.indexHas(businessDay, orderId),
        read: (orderId) => this.readLine(businessDay, orderId),
      });
    });
    // A failed open (unreadable file) must not be cached: the next call tries again.
    journal.catch(() => {
      if (this.days.get(businessDay) === journal) this.days.delete(businessDay);
    });
    this.days.set(businessDay, journal);
    this.evict();
    return journal;
  }

  /** Drops the least recently used days beyond the limit (never one with work under way), letting go of their files. */
  private evict(): void {
    for (const [businessDay, journal] of this.days) {
      if (this.days.size <= this.cacheLimit) return;
      if (this.perDay.has(businessDay)) continue;
      this.days.delete(businessDay);
      journal.then((open) => open.close()).catch(() => undefined);
    }
  }

  /**
   * Serialises changes to one day and, when a write fails, re-reads that day from disk next time.
   * The day is listed as dirty before its journal is written; the index follows after, and an
   * index that could not follow is caught up from the journal when next read.
   */
  private change<T>(
    businessDay: string,
    task: (journal: DayJournal) => Promise<{ result: T; line: AppendedLine<Order> }>,
  ): Promise<T> {
    // Stryker disable next-line StringLiteral: the cashier reads the code's text (shared/i18n/error-messages.ts); this one is for the log
    if (this.closed) return Promise.reject(new PosError('APP_CLOSING', 'the order book is closed'));
    const journal = this.day(businessDay, 'write');
    this.writesBegun += 1;
    this.writing += 1;
    const written = this.perDay.run(businessDay, async () => {
      const index = await this.ready();
      await index.beforeWrite(businessDay);
      const open = await journal;
      let done: { result: T; line: AppendedLine<Order> };
      try {
        done = await task(open);
      } catch (error) {
        // Read again from disk next time; the file this one holds is let go of.
        this.days.delete(businessDay);
        await open.close().catch(() => undefined);
        throw error;
      }
      await this.dayWritten(businessDay);
      try {
        await index.afterWrite(businessDay, done.line);
        // Only now may the journal let go of the order: the index can say where its line is.
        open.lineIndexed(done.line.record.orderId);
      } catch (error) {
        // The day's digests were dropped: its next read catches up from the journal, the sale with it.
        this.log.warn('order index fell behind; it catches up on the next read', { businessDay, error });
      }
      return done.result;
    });
    return written.finally(() => {
      this.writing -= 1;
    });
  }

  /** Writes the history index, which follows the journals a little behind, up to now. */
  async flush(): Promise<void> {
    await (await this.ready()).flush();
  }

  /** Lets every change already under way reach the disk, then refuses new ones (the app is quitting). */
  async close(): Promise<void> {
    this.closed = true;
    await this.perDay.drain();
    for (const journal of this.days.values()) await journal.then((open) => open.close()).catch(() => undefined);
    if (this.index === null) return;
    const index = await this.index;
    await index.stopRebuild();
    await index.flush();
    index.close();
  }

  /** How far a background rebuild of the history index has come, or null when none is under way. */
  async rebuildProgress(): Promise<RebuildProgress | null> {
    return (await this.ready()).progress();
  }

  /** Resolves once no background rebuild of the history index is under way. */
  async rebuilt(): Promise<void> {
    await (await this.ready()).rebuilt();
  }

  /** One order: from its day in memory, else from its own line in the journal (the index says where). */
  async get(orderId: string): Promise<Order | null> {
    const businessDay = businessDayOfOrderId(orderId);
    // Stryker disable next-line ConditionalExpression: an id without its day names no order: looked up under a day "null", none is found either
    if (!businessDay) return null;
    // Stryker disable next-line ArrowFunction: a day that failed to open is null or undefined here, and either is passed over
    const journal = await this.days.get(businessDay)?.catch(() => null);
    if (journal) {
      const held = journal.get(orderId);
      if (held || journal.whole) return structuredClone(held ?? null);
    }
    return this.readLine(businessDay, orderId);
  }

  /**
   * Whether the index knows an order of the day. One that cannot be read does not stop a sale:
   * a new order's id is 60 random bits, and an order whose line the index has not taken in is
   * still in its journal's memory.
   */
  private async indexHas(businessDay: string, orderId: string): Promise<boolean> {
    const index = await this.ready();
    return (await index.locate(businessDay, orderId).catch(() => null)) !== null;
  }

  /** An order from its own line in its day's journal (or as lately read from it). */
  private async readLine(businessDay: string, orderId: string): Promise<Order | null> {
    const known = this.recentlyRead.get(orderId);
    if (known !== undefined) return JSON.parse(known) as Order;
    const begun = this.writing === 0 ? this.writesBegun : -1;
    const order = await this.lineOf(businessDay, orderId);
    if (order !== null && this.writing === 0 && this.writesBegun === begun)
      this.recentlyRead.set(orderId, JSON.stringify(order));
    return order;
  }

  /** An order from its own line in its day's journal, where the index says it is. */
  private async lineOf(businessDay: string, orderId: string): Promise<Order | null> {
    const index = await this.ready();
    for (const place of index.places(businessDay, orderId) ?? []) {
      const order = this.orderAt(index, businessDay, orderId, place);
      if (order !== null) return order;
    }
    const found = await index.locate(businessDay, orderId);
    if (found === null) return null;
    const order = this.orderAt(index, businessDay, orderId, found);
    if (order !== null) return order;
    // The index pointed at the wrong place (the journal changed behind it): the day's index is
    // built again from the journal. Not by opening the day whole: a write to the day, holding
    // the day's turn, may be the one asking.
    const rebuilt = (await index.day(businessDay, true)).rows.get(orderId);
    if (rebuilt === undefined) return null;
    const again = this.orderAt(index, businessDay, orderId, rebuilt);
    // Stryker disable next-line StringLiteral,ConditionalExpression: only a journal replaced again within one lookup, between two reads of one line, gets here
    if (again === null) throw new Error(`the journal of ${businessDay} changed while it was read`);
    return again;
  }

  /**
   * The order on the journal line the index points at, or null when that line is not the order's.
   * A line the index found in the schema's form when it read it is taken as JSON alone while its
   * text is still the one the index hashed: what the schema would give back is that line (the
   * index is rebuilt under another schema).
   */
  private orderAt(index: OrderIndex, businessDay: string, orderId: string, at: LinePlace): Order | null {
    const read = index.journalLine(businessDay, at);
    // The place's length counts the line's newline; the index hashed the line without it.
    const line = read.endsWith('\n') ? read.slice(0, -1) : read;
    if (at.lineHash !== undefined && lineHashOf(line) === at.lineHash) {
      const order = jsonOrNull(line) as Order | null;
      return order?.orderId === orderId ? order : null;
    }
    const order = orderSchema.safeParse(jsonOrNull(line));
    return order.success && order.data.orderId === orderId ? order.data : null;
  }

  insert(order: Order): Promise<void> {
    return this.change(order.businessDay, async (journal) => {
      if (await journal.has(order.orderId)) throw new Error(`duplicate order id ${order.orderId}`);
      // The journal keeps its own copy (what the schema check gives back), never the caller's object.
      return { result: undefined, line: await journal.append(order) };
    });
  }

  /** Where each day's 대기번호 start: a day goes on from its highest number, and never below `first`. */
  numberCallsFrom(first: () => number): void {
    this.firstCallNumber = first;
  }

  /**
   * Applies `change` to a copy of the order and stores it; on any failure nothing changes. The
   * change may ask for the day's next 대기번호: it runs under the day's lock, so no two get one.
   */
  update(orderId: string, change: (order: Order, day: OrderDay) => void): Promise<Order> {
    const businessDay = businessDayOfOrderId(orderId);
    if (!businessDay) return Promise.reject(new Error(`not an order id: ${orderId}`));
    // Forgotten before the write, written or not: no line is kept while a write is under way.
    this.recentlyRead.forget(orderId);
    return this.change(businessDay, async (journal) => {
      const current = await journal.current(orderId);
      if (!current) throw new Error(`no order ${orderId}`);
      const next = structuredClone(current);
      change(next, { nextCallNumber: () => Math.max(journal.nextCallNumber(), this.firstCallNumber()) });
      const line = await journal.append(next);
      return { result: structuredClone(next), line };
    });
  }

  /** The business days that have a journal, oldest first: the folder is listed once, and a day joins when its journal is first written. */
  async businessDays(): Promise<string[]> {
    this.dayList ??= journalDays(this.dir, this.io);
    this.dayList.catch(() => {
      this.dayList = null;
    });
    return [...(await this.dayList)];
  }

  /** After a write to a day's journal: the day is among the days with a journal. */
  private async dayWritten(businessDay: string): Promise<void> {
    // Stryker disable next-line ArrowFunction: a listing that failed is null or undefined here, and either is passed over
    const days = await this.dayList?.catch(() => null);
    if (!days || days.includes(businessDay)) return;
    days.push(businessDay);
    days.sort();
  }

  /** One business day's orders, newest first. */
  async ordersOfDay(businessDay: string): Promise<Order[]> {
    // Stryker disable next-line StringLiteral: the cashier reads the code's text; this one is for the log
    if (!DAY.test(businessDay)) throw new PosError('INVALID_INPUT', `not a business day: ${businessDay}`);
    // Stryker disable next-line StringLiteral: openDay treats every purpose but 'write' as a read
    const journal = await this.day(businessDay, 'read');
    return newestFirst(journal.all());
  }

  /** The business days from `fromDay` to `toDay` (inclusive) that have orders, newest first. */
  async daysBetween(fromDay: string, toDay: string): Promise<string[]> {
    if (!DAY.test(fromDay) || !DAY.test(toDay))
      throw new PosError('INVALID_INPUT', `not a business day range: ${fromDay}..${toDay}`);
    return (await this.businessDays()).filter((day) => day >= fromDay && day <= toDay).reverse();
  }

  /** One day's orders as history lists them (digests, newest first), from the index: no journal is parsed. */
  async digestsOfDay(businessDay: string): Promise<readonly IndexedDigest[]> {
    return (await (await this.ready()).day(businessDay)).newestFirst();
  }

  /** The day's orders a search term may name, newest first, or null when the day's digests are to be read whole (see OrderIndex.candidates). */
  async candidatesOfDay(businessDay: string, term: string): Promise<readonly IndexedDigest[] | null> {
    return (await this.ready()).candidates(businessDay, term);
  }

  /** The days' real-sales summaries, from the index. */
  async summaries(days: readonly string[]): Promise<DaySummary[]> {
    return (await this.ready()).summariesOf(days);
  }

  /**
   * The orders with a refund asked for on one of these Seoul dates, whatever day they were sold:
   * the day summaries say which days hold any, so only those days' digests are read, and only
   * the orders among them are read whole. Training orders are left out (no summary counts them).
   */
  async refundedOn(dates: readonly string[]): Promise<Order[]> {
    const wanted = new Set(dates);
    const latest = [...wanted].sort().pop();
    // Stryker disable next-line ConditionalExpression: with no dates no day is at or before "undefined": none is read either way
    if (latest === undefined) return [];
    // A day sold after the latest date cannot hold a refund made on it (an index older than refund days is rebuilt at open).
    // Stryker disable next-line MethodExpression,ConditionalExpression: without the filter only more days are read, to the same orders
    const days = (await this.businessDays()).filter((day) => day <= latest);
    const found: Order[] = [];
    const holds = (refundDays: readonly string[]) => refundDays.some((date) => wanted.has(date));
    for (const summary of await this.summaries(days)) {
      // Stryker disable next-line ConditionalExpression: without it every day's digests are read, and each is checked below
      if (!holds(summary.refundDays)) continue;
      for (const digest of await this.digestsOfDay(summary.day)) {
        if (digest.training || !holds(digest.refundDays)) continue;
        const order = await this.get(digest.orderId);
        // Stryker disable next-line ConditionalExpression: the index was just read from this journal: each digest's order is there
        if (order) found.push(order);
      }
    }
    return found;
  }

  /**
   * The paid orders with this card approval number, found through the index and checked against
   * each order. While the index is rebuilt, a number not among the days built yet is looked for
   * again once every day is.
   */
  async byApproval(approveNo: string): Promise<Order[]> {
    const index = await this.ready();
    const found = await this.approvedWith(approveNo);
    if (found.length > 0 || index.progress() === null) return found;
    await index.rebuilt();
    return this.approvedWith(approveNo);
  }

  private async approvedWith(approveNo: string): Promise<Order[]> {
    const found: Order[] = [];
    for (const orderId of await (await this.ready()).byApproval(approveNo)) {
      const order = await this.get(orderId);
      // An order paid in parts has an approval number per card part.
      const approvals = [order?.payment, ...(order?.parts ?? []).map((part) => part.payment)].map((p) => p?.approveNo);
      if (order && approvals.includes(approveNo)) found.push(order);
    }
    return found;
  }

  /**
   * The digests of the most recent `dayCount` business days that have a file (start-up looks
   * here, not in whole journals). A day whose journal cannot be read, damaged or refused by the
   * disk, is left out and listed in `unreadable`: the app starts, says so, and refuses only what needs that day.
   */
  async recentDigests(dayCount: number): Promise<IndexedDigest[]> {
    const found: IndexedDigest[] = [];
    for (const businessDay of (await this.businessDays()).slice(-dayCount)) {
      try {
        found.push(...(await this.digestsOfDay(businessDay)));
      } catch (error) {
        // Damaged, or refused by the disk (a failing sector, a folder in its place): either way the day is named and the start goes on.
        const unreadable =
          error instanceof StoreFileCorruptError
            ? error
            : new StoreFileCorruptError(this.journalPath(businessDay), error);
        this.log.error('a day journal cannot be read', {
          businessDay,
          path: unreadable.path,
          line: unreadable.line,
          problem: unreadable.problem,
        });
        this.unreadable.set(businessDay, unreadable);
      }
    }
    return found;
  }

  /** The orders whose digests pass `keep`, over the most recent `dayCount` days: each read whole only if kept. */
  async recent(dayCount: number, keep: (digest: IndexedDigest) => boolean): Promise<Order[]> {
    const found: Order[] = [];
    for (const digest of await this.recentDigests(dayCount)) {
      if (!keep(digest)) continue;
      const order = await this.get(digest.orderId);
      // Stryker disable next-line ConditionalExpression: as in refundedOn: the index was just read from this journal
      if (order) found.push(order);
    }
    return found;
  }

  /** Orders in a state, over the most recent `dayCount` business days that have a file. */
  findByStatus(status: OrderStatus, dayCount: number): Promise<Order[]> {
    return this.recent(dayCount, (digest) => digest.orderStatus === status);
  }
}
