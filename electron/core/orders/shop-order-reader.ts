import type { Order } from '../../../shared/domain/order';
import type { RegisterIdentity } from '../../../shared/domain/shared-store';

/*
 * The whole shop's orders as history, the day's figures and the day close read them: the port. The
 * shared store on PostgreSQL implements it (shared-store/shop-orders.ts); what reads it never loads `pg`.
 */

/** An order of the shop as the shared store has it: its latest document, and the register that rang it up. */
export interface ShopOrder {
  order: Order;
  registerId: string;
  registerName: string;
}

/** Where a newest-first walk of a day resumes: after this order, or (`sameTimeToo`) at its time, orders of that time included. */
export interface ShopBound {
  createdAt: string;
  orderId: string;
  sameTimeToo: boolean;
}

/**
 * The whole shop's orders as the live books read them: the other registers' from the shared
 * store, beside this register's identity (its own orders are read from its own book, which holds
 * even those the outbox has not sent yet).
 */
export interface ShopReader {
  orders: ShopOrderReader;
  register: RegisterIdentity;
}

/** The shared store did not answer (down, unreachable, too slow) or could not be read: the caller answers from its own book. */
export class ShopStoreUnavailable extends Error {
  constructor(cause: unknown) {
    super(`the shared store did not answer: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'ShopStoreUnavailable';
  }
}

/** The other registers' orders, as the shop's store answers for them (see ShopOrders). */
export interface ShopOrderReader {
  /** The business days of the range holding orders of registers other than `except`, newest first. */
  daysBetween(from: string, to: string, except: string): Promise<string[]>;
  /** A day's orders of registers other than `except`, newest first, walked a chunk at a time. */
  walkDay(day: string, except: string, after: ShopBound | null): AsyncGenerator<ShopOrder>;
  /** One order, whichever register rang it up; null when the store has none by that id. */
  byId(orderId: string): Promise<ShopOrder | null>;
  /** The orders of registers other than `except` that a card approval number names. */
  byApproval(approveNo: string, except: string): Promise<ShopOrder[]>;
  /** The orders of registers other than `except` with a refund asked for on one of the Seoul dates. */
  refundedOn(dates: readonly string[], except: string): Promise<ShopOrder[]>;
}
