import { KeyedMutex } from './keyed-mutex';

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

  /** Resolves once nothing is under way for this order. */
  idle(orderId: string): Promise<void> {
    return this.mutex.run(orderId, async () => undefined);
  }

  /** True while any order has work under way (a mode switch waits for none). */
  busy(): boolean {
    return this.mutex.size() > 0;
  }
}
