import { orderSchema, type Order } from '../../../shared/domain/order';
import { StoreFileCorruptError } from './corrupt-file-error';
import type { FileIo } from './file-io';

/**
 * One business day's orders as an append-only JSON-lines file: every change appends the order's
 * new state as one line, and the last line for an order id is its current state. A sale costs
 * one small append, however many orders the day already holds.
 */
export class DayJournal {
  private highestCallNumber = 0;

  private constructor(
    private readonly path: string,
    private readonly io: FileIo,
    private readonly orders: Map<string, Order>,
  ) {
    for (const order of orders.values()) this.highestCallNumber = Math.max(this.highestCallNumber, order.callNumber ?? 0);
  }

  static async open(path: string, io: FileIo): Promise<DayJournal> {
    const text = await io.read(path);
    const orders = new Map<string, Order>();
    if (text === null) return new DayJournal(path, io, orders);

    const lines = text.split('\n');
    // Every complete line ends with '\n'; what follows the last one is a torn append.
    const torn = lines.pop() ?? '';
    for (const line of lines) {
      let order: Order;
      try {
        order = orderSchema.parse(JSON.parse(line));
      } catch (error) {
        throw new StoreFileCorruptError(path, error);
      }
      orders.set(order.orderId, order);
    }
    // A crash (or a failed write) mid-append: that change was never confirmed to anyone, so it
    // is dropped before anything is appended after it.
    if (torn !== '') await io.writeAtomic(path, text.slice(0, text.length - torn.length));
    return new DayJournal(path, io, orders);
  }

  get(orderId: string): Order | undefined {
    return this.orders.get(orderId);
  }

  all(): IterableIterator<Order> {
    return this.orders.values();
  }

  /** The day's next 대기번호: one more than any this day has given. */
  nextCallNumber(): number {
    return this.highestCallNumber + 1;
  }

  /** Records the order's new state; memory changes only once the line is on disk. */
  async append(order: Order): Promise<void> {
    const checked = orderSchema.parse(order);
    await this.io.appendDurable(this.path, `${JSON.stringify(checked)}\n`);
    this.orders.set(checked.orderId, checked);
    this.highestCallNumber = Math.max(this.highestCallNumber, checked.callNumber ?? 0);
  }
}
