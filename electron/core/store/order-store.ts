import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PosError } from '../../../shared/domain/errors';
import type { Order, OrderStatus } from '../../../shared/domain/order';
import { DayJournal } from './day-journal';
import type { FileIo } from './file-io';
import { KeyedMutex } from './keyed-mutex';

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** How many days' journals stay in memory: today, yesterday, and what a report is reading. */
export const DAY_CACHE_LIMIT = 8;

/** Order ids start with their business day (YYYYMMDD-…), so a lookup opens one day's file. */
export function businessDayOfOrderId(orderId: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})-/.exec(orderId);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

/** Newest first: by creation time; orders of the same second in reverse order of creation (the journal's). */
function newestFirst(orders: Iterable<Order>): Order[] {
  return [...orders]
    .map((order, created) => ({ order, created }))
    .sort((a, b) => (a.order.createdAt === b.order.createdAt ? b.created - a.created : b.order.createdAt.localeCompare(a.order.createdAt)))
    .map(({ order }) => structuredClone(order));
}

/**
 * Orders split by business day (`orders/YYYY-MM-DD.jsonl`), each day an append-only journal:
 * a sale appends to one day's file and never rewrites the history. At most `DAY_CACHE_LIMIT`
 * days are held in memory; reading a long range opens one day at a time.
 */
export class OrderStore {
  /** Insertion order is recency order: a day read again moves to the end. */
  private readonly days = new Map<string, Promise<DayJournal>>();
  /** One opener or writer per day: a day is never read from disk while an append to it is under way. */
  private readonly perDay = new KeyedMutex();
  private readonly dir: string;
  private closed = false;

  constructor(
    dataDir: string,
    private readonly io: FileIo,
    private readonly cacheLimit = DAY_CACHE_LIMIT,
  ) {
    this.dir = join(dataDir, 'orders');
  }

  private day(businessDay: string): Promise<DayJournal> {
    const cached = this.days.get(businessDay);
    if (cached) {
      this.days.delete(businessDay);
      this.days.set(businessDay, cached);
      return cached;
    }
    const journal = this.perDay.run(businessDay, () => DayJournal.open(join(this.dir, `${businessDay}.jsonl`), this.io));
    // A failed open (unreadable file) must not be cached: the next call tries again.
    journal.catch(() => this.days.delete(businessDay));
    this.days.set(businessDay, journal);
    this.evict();
    return journal;
  }

  /** Drops the least recently used days beyond the limit (never one with work under way). */
  private evict(): void {
    for (const businessDay of this.days.keys()) {
      if (this.days.size <= this.cacheLimit) return;
      if (!this.perDay.has(businessDay)) this.days.delete(businessDay);
    }
  }

  /** Serialises changes to one day and, when a write fails, re-reads that day from disk next time. */
  private change<T>(businessDay: string, task: (journal: DayJournal) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new PosError('APP_CLOSING', 'the order store is closed'));
    const journal = this.day(businessDay);
    return this.perDay.run(businessDay, async () => {
      const open = await journal;
      try {
        return await task(open);
      } catch (error) {
        this.days.delete(businessDay);
        throw error;
      }
    });
  }

  /** Lets every change already under way reach the disk, then refuses new ones (the app is quitting). */
  async close(): Promise<void> {
    this.closed = true;
    await this.perDay.drain();
  }

  async get(orderId: string): Promise<Order | null> {
    const businessDay = businessDayOfOrderId(orderId);
    if (!businessDay) return null;
    const journal = await this.day(businessDay);
    return structuredClone(journal.get(orderId) ?? null);
  }

  insert(order: Order): Promise<void> {
    return this.change(order.businessDay, async (journal) => {
      if (journal.get(order.orderId)) throw new Error(`duplicate order id ${order.orderId}`);
      await journal.append(structuredClone(order));
    });
  }

  /**
   * Applies `change` to a copy of the order and stores it; on any failure nothing changes. The
   * change may ask for the day's next 대기번호: it runs under the day's lock, so no two get one.
   */
  update(orderId: string, change: (order: Order, day: { nextCallNumber(): number }) => void): Promise<Order> {
    const businessDay = businessDayOfOrderId(orderId);
    if (!businessDay) return Promise.reject(new Error(`not an order id: ${orderId}`));
    return this.change(businessDay, async (journal) => {
      const current = journal.get(orderId);
      if (!current) throw new Error(`no order ${orderId}`);
      const next = structuredClone(current);
      change(next, journal);
      await journal.append(next);
      return structuredClone(next);
    });
  }

  /** The business days that have a journal, oldest first. */
  async businessDays(): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return names
      .map((name) => DAY_FILE.exec(name)?.[1])
      .filter((day): day is string => day !== undefined)
      .sort();
  }

  /** One business day's orders, newest first. */
  async ordersOfDay(businessDay: string): Promise<Order[]> {
    if (!DAY.test(businessDay)) throw new PosError('INVALID_INPUT', `not a business day: ${businessDay}`);
    const journal = await this.day(businessDay);
    return newestFirst(journal.all());
  }

  /**
   * The orders of the days from `fromDay` to `toDay` (inclusive), newest first, one day at a
   * time: memory holds the day being read, never the whole range.
   */
  async *ordersBetween(fromDay: string, toDay: string): AsyncGenerator<Order> {
    if (!DAY.test(fromDay) || !DAY.test(toDay)) throw new PosError('INVALID_INPUT', `not a business day range: ${fromDay}..${toDay}`);
    const days = (await this.businessDays()).filter((day) => day >= fromDay && day <= toDay).reverse();
    for (const businessDay of days) yield* await this.ordersOfDay(businessDay);
  }

  /** Every order of the most recent `dayCount` business days that have a file. */
  async recent(dayCount: number): Promise<Order[]> {
    const found: Order[] = [];
    for (const businessDay of (await this.businessDays()).slice(-dayCount)) {
      const journal = await this.day(businessDay);
      for (const order of journal.all()) found.push(structuredClone(order));
    }
    return found;
  }

  /** Orders in a state, over the most recent `dayCount` business days that have a file. */
  async findByStatus(status: OrderStatus, dayCount: number): Promise<Order[]> {
    return (await this.recent(dayCount)).filter((order) => order.status === status);
  }
}
