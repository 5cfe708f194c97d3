import { couponCodesOf, type Order } from '../../../../shared/domain/order';
import { codeShape } from '../../../../shared/domain/coupon-code';
import type { CouponRecord } from '../../../../shared/domain/coupons';
import { PosError } from '../../../../shared/domain/errors';
import { seoulIso } from '../../../../shared/domain/time';
import { crashPoint } from '../../platform/chaos/crash-points';
import type { Logger } from '../../platform/log/logger';
import type { CouponBook } from './coupon-book';
import type { SharedCoupons } from './shared-coupons';

/** How long an open order may hold a coupon: Toss's payment window lasts 30 minutes. */
export const RESERVATION_TTL_MS = 30 * 60 * 1000;

/** Business days of orders read back at start: an open order is never older than yesterday's file once settled. */
const RESTORE_DAYS = 2;

/** What redemption needs of orders: read one, the recent ones holding coupons, and give up a stale one. */
export interface OrderLookup {
  get(orderId: string): Promise<Order | null>;
  /** The orders of the last `dayCount` days whose summary passes `look` (read whole only then). */
  recent(
    dayCount: number,
    look: (order: Pick<Order, 'orderId' | 'status'> & { couponCodes: string[] }) => boolean,
  ): Promise<Order[]>;
  /** Marks a PENDING order ABANDONED (releasing its coupon); the order as it now stands. */
  abandon(orderId: string): Promise<Order | null>;
}

/**
 * One coupon, one order. The order is the truth: its journal line names the coupon, written in
 * the same append that stores the order, and that is the reservation. The book follows the
 * order: held while it is open, used (one appended line) once it is paid, free once it is given
 * up. Each step is idempotent, so whatever a crash cuts short, `restore` and `settleOpen` finish.
 */
export class CouponRedemption {
  /** Whether, since start, the shared store was told of the recent orders' coupons (what it missed before a restart). */
  private toldShared = false;

  constructor(
    private readonly book: CouponBook,
    private readonly deps: {
      now: () => Date;
      log: Logger;
      /** The shop's shared store, when the live books are on one: a coupon is then held and used there too. */
      shared?: () => SharedCoupons | null;
    },
  ) {}

  private shared(): SharedCoupons | null {
    return this.deps.shared?.() ?? null;
  }

  /**
   * Before a coupon is priced, on a shared store: a coupon another register issued is taken into
   * this book, one issued here before the store was set up is made the shop's, and one another
   * register holds or used is refused. Offline, every coupon is refused (COUPON_STORE_OFFLINE).
   */
  async prepare(code: string, holder: string | null): Promise<void> {
    const shared = this.shared();
    if (shared === null || codeShape(code) === 'mistyped') return;
    const found = await shared.find(code);
    const local = this.book.entry(code);
    if (found === null) {
      if (local) await shared.publish(local.definition, local.batch, [code]);
      return;
    }
    // Under the book's own lock: issuing here writes the same files.
    if (!local) await this.book.locks.run('book', () => this.book.adopt(found.definition, found.batch, code));
    const { claim } = found;
    if (claim.state === 'voided' && !local?.record.voided)
      throw new PosError('COUPON_VOIDED', 'the coupon was voided at another register', {
        details: { voidedAt: claim.at },
      });
    if ((claim.state === 'reserved' || claim.state === 'used') && !claim.mine) {
      if (claim.orderId === holder) return;
      throw new PosError('COUPON_ELSEWHERE', `the coupon is ${claim.state} at another register`, {
        details: {
          state: claim.state === 'used' ? 'used' : 'held',
          register: claim.registerName ?? claim.registerId ?? '',
          orderId: claim.orderId ?? '',
        },
      });
    }
  }

  /**
   * Holds the coupon in the shared store for an order about to be stored (called under `holding`):
   * the conditional update there decides between registers racing for it. Nothing without a store.
   */
  async claim(code: string, orderId: string): Promise<void> {
    await this.shared()?.reserve(code, orderId);
  }

  /** The order `claim` held it for was not stored after all: the shared store lets it go. */
  async unclaim(code: string, orderId: string): Promise<void> {
    await this.shared()
      ?.release(code, orderId)
      .catch((error: unknown) =>
        this.deps.log.warn('a coupon held for an order not stored stays held in the shared store', {
          code,
          orderId,
          error: error instanceof Error ? error.message : String(error),
        }),
      );
  }

  /** Runs `task` while no one else touches this coupon: check, order and hold as one step. */
  holding<T>(code: string, task: () => Promise<T>): Promise<T> {
    return this.book.locks.run(code, task);
  }

  /** Holds the coupon for an order just stored (called under `holding`). */
  reserve(code: string, order: Pick<Order, 'orderId' | 'createdAt'>): void {
    this.book.reserve(code, { orderId: order.orderId, at: order.createdAt });
    crashPoint('coupon-reserved');
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
      case 'PAID':
        // A full refund gave it back: the order keeps its discount on record, the coupon is free.
        if (order.refunds.some((refund) => refund.status === 'DONE' && refund.coupon === 'restored')) {
          if (await this.tellShared(code, order.orderId, 'release')) this.book.release(code, order.orderId);
          return;
        }
        if (record.used?.orderId !== order.orderId) {
          if (record.used)
            this.deps.log.error('a coupon is on two paid orders', {
              code,
              orders: [record.used.orderId, order.orderId],
            });
          else {
            await this.book.write({
              ...record,
              used: { orderId: order.orderId, at: order.payment?.approvedAt || order.updatedAt },
            });
            crashPoint('coupon-consumed');
          }
        }
        if (await this.tellShared(code, order.orderId, 'use')) this.book.release(code, order.orderId);
        return;
      case 'ABANDONED':
        // Taken off the books after it was paid (Toss shows the sale cancelled by compensation): its use goes too.
        if (record.used?.orderId === order.orderId) await this.unuse(record);
        if (await this.tellShared(code, order.orderId, 'release')) this.book.release(code, order.orderId);
        return;
      case 'PENDING':
      case 'CONFIRMING':
        if (!record.used && entry.reservation === undefined) this.reserve(code, order);
        return;
    }
  }

  /**
   * A hold the store keeps for an order of this register that was never stored (a crash between
   * the hold and the order's append) is let go; one whose order exists follows that order. Under the
   * coupon's lock, so an order being stored right now is not taken for one that never was.
   */
  private async releaseUnstored(orders: OrderLookup): Promise<void> {
    const shared = this.shared();
    if (shared === null) return;
    for (const { code, orderId } of await shared.heldHere()) {
      await this.holding(code, async () => {
        const order = await orders.get(orderId);
        if (order !== null) return this.follow(code, order);
        this.deps.log.warn('released a coupon the shared store held for an order never stored', { code, orderId });
        await shared.release(code, orderId);
      });
    }
  }

  /**
   * Tells the shared store what became of the order's coupon. When it cannot be told (offline),
   * this book keeps the order's hold, so the settling rounds (`settleOpen`) tell it again later;
   * until then the store keeps it held, never free twice.
   */
  private async tellShared(code: string, orderId: string, what: 'use' | 'release'): Promise<boolean> {
    const shared = this.shared();
    if (shared === null) return true;
    try {
      if (what === 'release') await shared.release(code, orderId);
      else if (!(await shared.use(code, orderId)))
        this.deps.log.error('a coupon paid here is held or used by another order in the shared store', {
          code,
          orderId,
        });
      return true;
    } catch (error) {
      this.deps.log.warn('the shared store was not told of a coupon; asked again later', {
        code,
        orderId,
        what,
        error: error instanceof Error ? error.message : String(error),
      });
      if (this.book.entry(code)?.reservation === undefined)
        this.book.reserve(code, { orderId, at: seoulIso(this.deps.now()) });
      return false;
    }
  }

  private async unuse(record: CouponRecord): Promise<void> {
    const back = { ...record };
    delete back.used;
    await this.book.write(back);
  }

  /**
   * After a refund: a full refund gives the order's coupon back while the coupon's window is
   * still open (when the shop's policy says so); a partial refund keeps it used.
   */
  async afterRefund(order: Order, full: boolean, restore: boolean): Promise<'restored' | 'kept' | 'expired' | 'none'> {
    const codes = couponCodesOf(order);
    if (codes.length === 0) return 'none';
    if (!full || !restore) return 'kept';
    let outcome: 'restored' | 'expired' = 'restored';
    for (const code of codes) {
      await this.holding(code, async () => {
        const entry = this.book.entry(code);
        if (!entry || entry.record.used?.orderId !== order.orderId) return;
        if (this.deps.now().getTime() >= Date.parse(entry.batch.validUntil)) {
          outcome = 'expired';
          return;
        }
        await this.unuse(entry.record);
        await this.tellShared(code, order.orderId, 'release');
      });
    }
    return outcome;
  }

  /**
   * At start, before the register can ring anything up: the holds of open orders are read back
   * from their journal lines, and a paid order's coupon a crash left unrecorded is used.
   */
  async restore(orders: OrderLookup): Promise<void> {
    // Only orders the book may disagree with: open ones, and paid ones whose coupon it does not have as used by them.
    const look = (order: Pick<Order, 'orderId' | 'status'> & { couponCodes: string[] }) =>
      order.couponCodes.some(
        (code) => order.status !== 'PAID' || this.book.entry(code)?.record.used?.orderId !== order.orderId,
      );
    for (const order of await orders.recent(RESTORE_DAYS, look)) await this.settle(order);
  }

  /**
   * After start and every so often: a hold whose order is gone, given up, paid, or past its
   * payment window is settled. Orders mid-confirm are left to the payment settling.
   */
  async settleOpen(orders: OrderLookup): Promise<void> {
    if (!this.toldShared && this.shared() !== null) {
      // A use or release the store missed while it was down, and a restart since: told now, each call idempotent.
      const settled = (order: Pick<Order, 'status'> & { couponCodes: string[] }) =>
        order.couponCodes.length > 0 && (order.status === 'PAID' || order.status === 'ABANDONED');
      for (const order of await orders.recent(RESTORE_DAYS, settled)) await this.settle(order);
      await this.releaseUnstored(orders);
      this.toldShared = true;
    }
    for (const [code, { orderId }] of this.book.reserved()) {
      let order = await orders.get(orderId);
      if (
        order?.status === 'PENDING' &&
        this.deps.now().getTime() - Date.parse(order.updatedAt) >= RESERVATION_TTL_MS
      ) {
        order = await orders.abandon(orderId);
      }
      if (order === null) {
        this.book.release(code, orderId);
        this.deps.log.warn('released a coupon whose order is missing', { code, orderId });
      } else {
        await this.settle(order);
      }
    }
  }
}
