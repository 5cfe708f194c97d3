import { couponCodesOf, type Order } from '../../../shared/domain/order';
import { seoulIso } from '../../../shared/domain/time';
import type { CouponRecord } from '../../../shared/domain/coupons';
import type { Logger } from '../log/logger';
import type { CouponBook } from './coupon-book';

/** How long an open order may hold a coupon: Toss's payment window lasts 30 minutes. */
export const RESERVATION_TTL_MS = 30 * 60 * 1000;

/** What reconciliation needs of orders: read one, the recent ones, and give up a stale one. */
export interface OrderLookup {
  get(orderId: string): Promise<Order | null>;
  recent(dayCount: number): Promise<Order[]>;
  /** Marks a PENDING order ABANDONED (releasing its coupon); the order as it now stands. */
  abandon(orderId: string): Promise<Order | null>;
}

function released(record: CouponRecord): CouponRecord {
  const copy = { ...record };
  delete copy.reserved;
  return copy;
}

/**
 * One coupon, one order. The order is the truth: its journal line names the coupon (written in
 * the same append that stores the order), and the book follows it: reserved while the order is
 * open, used once it is paid, free again once it is given up. Every step is idempotent, so a
 * crash between any two is finished by `reconcile` on the next start.
 */
export class CouponRedemption {
  constructor(
    private readonly book: CouponBook,
    private readonly deps: { now: () => Date; log: Logger },
  ) {}

  /** Runs `task` while no one else touches this coupon: check, order and reservation as one step. */
  holding<T>(code: string, task: () => Promise<T>): Promise<T> {
    return this.book.locks.run(code, task);
  }

  /** Marks the coupon held by `orderId` (called under `holding`, once the order is stored). */
  async reserve(code: string, orderId: string): Promise<void> {
    const entry = this.book.entry(code);
    if (!entry || entry.record.reserved?.orderId === orderId) return;
    await this.book.write({ ...entry.record, reserved: { orderId, at: seoulIso(this.deps.now()) } });
  }

  /** Brings the coupons of an order in line with where the order stands. */
  async settle(order: Order): Promise<void> {
    for (const code of couponCodesOf(order)) await this.holding(code, () => this.follow(code, order));
  }

  private async follow(code: string, order: Order): Promise<void> {
    const entry = this.book.entry(code);
    if (!entry) return;
    const { record } = entry;
    switch (order.status) {
      case 'PAID': {
        if (record.used?.orderId === order.orderId) return;
        if (record.used) {
          this.deps.log.error('a coupon is on two paid orders', { code, orders: [record.used.orderId, order.orderId] });
          return;
        }
        await this.book.write({ ...released(record), used: { orderId: order.orderId, at: order.payment?.approvedAt || order.updatedAt } });
        return;
      }
      case 'ABANDONED': {
        if (record.reserved?.orderId !== order.orderId || record.used) return;
        await this.book.write(released(record));
        return;
      }
      case 'PENDING':
      case 'CONFIRMING':
        // An order stored just before a crash, its reservation not yet in the book.
        if (!record.reserved && !record.used) await this.reserve(code, order.orderId);
        return;
    }
  }

  /**
   * Start-up and every so often: recent orders' coupons follow their orders, and a reservation
   * whose order is gone, given up, paid, or past its payment window is settled. Orders mid-
   * confirm are left to the payment reconciliation that runs first.
   */
  async reconcile(orders: OrderLookup): Promise<void> {
    for (const order of await orders.recent(2)) if (couponCodesOf(order).length > 0) await this.settle(order);
    for (const code of this.book.reserved()) {
      const orderId = this.book.entry(code)?.record.reserved?.orderId;
      if (orderId === undefined) continue;
      let order = await orders.get(orderId);
      if (order?.status === 'PENDING' && this.deps.now().getTime() - Date.parse(order.updatedAt) >= RESERVATION_TTL_MS) {
        order = await orders.abandon(orderId);
      }
      if (order === null) await this.releaseOrphan(code, orderId);
      else await this.settle(order);
    }
  }

  private releaseOrphan(code: string, orderId: string): Promise<void> {
    return this.holding(code, async () => {
      const entry = this.book.entry(code);
      if (!entry || entry.record.reserved?.orderId !== orderId || entry.record.used) return;
      await this.book.write(released(entry.record));
      this.deps.log.warn('released a coupon whose order is missing', { code, orderId });
    });
  }
}
