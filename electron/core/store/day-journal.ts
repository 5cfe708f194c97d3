import { orderSchema, type Order } from '../../../shared/domain/order';
import type { FileIo } from './file-io';
import { KeyedJournal, type AppendedLine } from './keyed-journal';

/**
 * One business day's orders, one journal line per change (the last line for an order id is its
 * state): a sale costs one small append however many orders the day holds.
 */
export class DayJournal {
  private highestCallNumber = 0;

  private constructor(private readonly journal: KeyedJournal<Order>) {
    for (const order of journal.all()) this.highestCallNumber = Math.max(this.highestCallNumber, order.callNumber ?? 0);
  }

  static async open(path: string, io: FileIo): Promise<DayJournal> {
    return new DayJournal(await KeyedJournal.open(path, io, orderSchema, (order) => order.orderId));
  }

  get(orderId: string): Order | undefined {
    return this.journal.get(orderId);
  }

  all(): IterableIterator<Order> {
    return this.journal.all();
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
