import { AsyncLocalStorage } from 'node:async_hooks';
import { KeyedMutex } from '../platform/disk/keyed-mutex';

/**
 * One lock per order, shared by every service that changes an order: whatever they do to one
 * order happens one at a time, in arrival order.
 */
export class OrderLocks {
  private readonly mutex = new KeyedMutex();
  /** The orders whose lock the running task holds: it follows the task through its awaits. */
  private readonly held = new AsyncLocalStorage<ReadonlySet<string>>();

  run<T>(orderId: string, task: () => Promise<T>): Promise<T> {
    return this.mutex.run(orderId, () => this.held.run(new Set([...(this.held.getStore() ?? []), orderId]), task));
  }

  /** True only inside a task this lock runs for the order (not merely while one is queued). */
  heldHere(orderId: string): boolean {
    return this.held.getStore()?.has(orderId) ?? false;
  }

  /** True while work for this order is queued or under way. */
  holds(orderId: string): boolean {
    return this.mutex.has(orderId);
  }
}
