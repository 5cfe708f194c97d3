import { orderSchema, type Order } from '../../../shared/domain/order';
import type { FileIo } from '../platform/disk/file-io';
import { KeyedJournal, type AppendedLine } from '../platform/disk/keyed-journal';

/**
 * How many orders written through a resumed journal stay in memory once the index knows their
 * line: the latest, which a sale's next steps, its receipt and the customer display read back at
 * once. Any other is read from its own line, so a busy day's memory does not grow with its sales.
 */
const KEPT_WRITTEN = 64;

/** What the history index knows of a day's journal, so a sale can append to it without reading it. */
export interface JournalEnd {
  /** The journal's length in bytes: every line before it is indexed. */
  bytes: number;
  highestCallNumber: number;
  /** Whether the journal already has this order (asked of the index as it is now, so orders written since count). */
  has(orderId: string): Promise<boolean>;
  /** The order's latest state, read from its own line. */
  read(orderId: string): Promise<Order | null>;
}

/**
 * One business day's orders, one journal line per change (the last line for an order id is its
 * state): a sale costs one small append however many orders the day holds. Opened whole (every
 * order in memory, for reading the day) or resumed at its end (for writing: only orders lately
 * changed through it are in memory; the index answers for the others).
 */
export class DayJournal {
  private highestCallNumber = 0;
  /**
   * Resumed: the orders in memory whose latest line the index knows, least recently written first.
   * Only these are let go of; an order whose line the index has not taken in stays in memory.
   */
  private readonly indexed = new Set<string>();

  private constructor(
    private readonly journal: KeyedJournal<Order>,
    private readonly before: JournalEnd | null,
  ) {
    this.highestCallNumber = before?.highestCallNumber ?? 0;
    for (const order of journal.all()) this.highestCallNumber = Math.max(this.highestCallNumber, order.callNumber ?? 0);
  }

  static async open(path: string, io: FileIo): Promise<DayJournal> {
    return new DayJournal(await KeyedJournal.open(path, io, orderSchema, (order) => order.orderId), null);
  }

  static resume(path: string, io: FileIo, end: JournalEnd): DayJournal {
    return new DayJournal(
      KeyedJournal.resume(path, io, orderSchema, (order) => order.orderId, end.bytes),
      end,
    );
  }

  /** Every order of the day is in memory (opened whole), not only those written through it. */
  get whole(): boolean {
    return this.before === null;
  }

  /** The order's state if this journal holds it in memory: opened whole, or lately written through it. */
  get(orderId: string): Order | undefined {
    return this.journal.get(orderId);
  }

  async has(orderId: string): Promise<boolean> {
    return this.journal.has(orderId) || ((await this.before?.has(orderId)) ?? false);
  }

  /** The order's latest state, from memory or (resumed) from its line in the journal. */
  async current(orderId: string): Promise<Order | undefined> {
    return this.journal.get(orderId) ?? (await this.before?.read(orderId)) ?? undefined;
  }

  /** The orders in memory: all of the day's when opened whole. */
  all(): IterableIterator<Order> {
    return this.journal.all();
  }

  /** Lets go of the journal's file (appends under way finish first). */
  close(): Promise<void> {
    return this.journal.close();
  }

  /** The day's next 대기번호: one more than any this day has given. */
  nextCallNumber(): number {
    return this.highestCallNumber + 1;
  }

  /** Records the order's new state; memory changes only once the line is on disk. Answers where its line is. */
  async append(order: Order): Promise<AppendedLine<Order>> {
    const [line] = await this.journal.append(order);
    // Stryker disable next-line all: one record appended always answers one line; the guard is for the type checker
    if (!line) throw new Error('nothing was written');
    this.highestCallNumber = Math.max(this.highestCallNumber, line.record.callNumber ?? 0);
    // Memory is the only place that knows this state until the index has taken in the line.
    this.indexed.delete(line.record.orderId);
    return line;
  }

  /** The index knows where the order's latest line is: a resumed journal may let go of it, and lets go of the least recent beyond the few it keeps. */
  lineIndexed(orderId: string): void {
    if (this.whole || !this.journal.has(orderId)) return;
    this.indexed.add(orderId);
    for (const oldest of this.indexed) {
      // Stryker disable next-line EqualityOperator: keeping 63 or 64 is the same to every reader, as one let go of is read from its line
      if (this.indexed.size <= KEPT_WRITTEN) return;
      this.indexed.delete(oldest);
      this.journal.forget(oldest);
    }
  }
}
