import { KeyedMutex } from '../platform/disk/keyed-mutex';

/**
 * One lock per order, shared by every service that changes an order (payment confirm and
 * reconciliation now; coupons and refunds next): whatever they do to one order happens one at
 * a time, in arrival order.
 */
export class OrderLocks {
  private readonly mutex = new KeyedMutex();

  run<T>(orderId: string, task: () => Promise<T>): Promise<T> {
    return this.mutex.run(orderId, task);
  }

  /** True while work for this order is queued or under way. */
  holds(orderId: string): boolean {
    return this.mutex.has(orderId);
  }
}
