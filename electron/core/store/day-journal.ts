import { orderSchema, type Order } from '../../../shared/domain/order';
import type { FileIo } from './file-io';
import { KeyedJournal, type AppendedLine } from './keyed-journal';

/** What the history index knows of a day's journal, so a sale can append to it without reading it. */
export interface JournalEnd {
  /** The journal's length in bytes: every line before it is indexed. */
  bytes: number;
  highestCallNumber: number;
  /** Whether the journal already has this order. */
  has(orderId: string): boolean;
  /** The order's latest state, read from its own line. */
  read(orderId: string): Promise<Order | null>;
}

/**
 * One business day's orders, one journal line per change (the last line for an order id is its
 * state): a sale costs one small append however many orders the day holds. Opened whole (every
 * order in memory, for reading the day) or resumed at its end (for writing: only the orders
 * changed through it are in memory; the index answers for the others).
 */
export class DayJournal {
  private highestCallNumber = 0;

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
    return new DayJournal(KeyedJournal.resume(path, io, orderSchema, (order) => order.orderId, end.bytes), end);
  }

  /** Every order of the day is in memory (opened whole), not only those written through it. */
  get whole(): boolean {
    return this.before === null;
  }

  /** The order's state if this journal holds it in memory: opened whole, or written through it. */
  get(orderId: string): Order | undefined {
    return this.journal.get(orderId);
  }

  has(orderId: string): boolean {
    return this.journal.has(orderId) || (this.before?.has(orderId) ?? false);
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
    if (!line) throw new Error('nothing was written');
    this.highestCallNumber = Math.max(this.highestCallNumber, line.record.callNumber ?? 0);
    return line;
  }
}
