import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PosError } from '../../../shared/domain/errors';
import type { Order, OrderStatus } from '../../../shared/domain/order';
import { DayJournal } from './day-journal';
import type { FileIo } from './file-io';
import { KeyedMutex } from './keyed-mutex';

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/;

/** Order ids start with their business day (YYYYMMDD-…), so a lookup opens one day's file. */
export function businessDayOfOrderId(orderId: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})-/.exec(orderId);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

/**
 * Orders split by business day (`orders/YYYY-MM-DD.jsonl`), each day an append-only journal:
 * a sale appends to one day's file and never rewrites the history.
 */
export class OrderStore {
  private readonly days = new Map<string, Promise<DayJournal>>();
  private readonly writes = new KeyedMutex();
  private readonly dir: string;
  private closed = false;

  constructor(
    dataDir: string,
    private readonly io: FileIo,
  ) {
    this.dir = join(dataDir, 'orders');
  }

  private day(businessDay: string): Promise<DayJournal> {
    let journal = this.days.get(businessDay);
    if (!journal) {
      journal = DayJournal.open(join(this.dir, `${businessDay}.jsonl`), this.io);
      // A failed open (unreadable file) must not be cached: the next call tries again.
      journal.catch(() => this.days.delete(businessDay));
      this.days.set(businessDay, journal);
    }
    return journal;
  }

  /** Serialises changes to one day and, when a write fails, re-reads that day from disk next time. */
  private change<T>(businessDay: string, task: (journal: DayJournal) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new PosError('APP_CLOSING', 'the order store is closed'));
    return this.writes.run(businessDay, async () => {
      const journal = await this.day(businessDay);
      try {
        return await task(journal);
      } catch (error) {
        this.days.delete(businessDay);
        throw error;
      }
    });
  }

  /** Lets every change already under way reach the disk, then refuses new ones (the app is quitting). */
  async close(): Promise<void> {
    this.closed = true;
    await this.writes.drain();
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

  /** Applies `change` to a copy of the order and stores it; on any failure nothing changes. */
  update(orderId: string, change: (order: Order) => void): Promise<Order> {
    const businessDay = businessDayOfOrderId(orderId);
    if (!businessDay) return Promise.reject(new Error(`not an order id: ${orderId}`));
    return this.change(businessDay, async (journal) => {
      const current = journal.get(orderId);
      if (!current) throw new Error(`no order ${orderId}`);
      const next = structuredClone(current);
      change(next);
      await journal.append(next);
      return structuredClone(next);
    });
  }

  /** Orders in a state, over the most recent `dayCount` business days that have a file. */
  async findByStatus(status: OrderStatus, dayCount: number): Promise<Order[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const days = names
      .map((name) => DAY_FILE.exec(name)?.[1])
      .filter((day): day is string => day !== undefined)
      .sort()
      .slice(-dayCount);
    const found: Order[] = [];
    for (const businessDay of days) {
      const journal = await this.day(businessDay);
      for (const order of journal.all()) if (order.status === status) found.push(structuredClone(order));
    }
    return found;
  }
}
