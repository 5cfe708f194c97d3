import type { Order } from '../../../../shared/domain/order';

/** An order as the shared store holds it: its latest document, and the register that rang it up. */
export interface SharedOrderRow {
  order: Order;
  registerId: string;
  registerName: string | null;
  /** Rung up at this register. */
  mine: boolean;
}

/** A change another register made to one of this register's orders, not yet taken into its books. */
export interface ChangeFromElsewhere {
  orderId: string;
  byRegister: string;
  version: number;
  order: Order;
}

/**
 * Work under way on another register's order (its register may be gone for good): a card confirm,
 * a refund, a 현금영수증 issue whose answer was lost, or a 현금영수증 cancel a refund owes.
 */
export interface OpenWorkElsewhere {
  orderId: string;
  registerId: string;
  registerName: string;
  kind: 'confirm' | 'refund' | 'cash-receipt-issue' | 'cash-receipt-cancel';
  /** The refund's id, for a refund. */
  refundId: string | null;
  amount: number;
  startedAt: string;
}

/**
 * The shop's orders on the shared store, as refunds need them (the port; PostgreSQL behind it).
 * Every call answers from the store or throws REFUND_STORE_OFFLINE when it cannot be reached.
 */
export interface SharedOrders {
  read(orderId: string): Promise<SharedOrderRow | null>;
  /**
   * Runs `work` in one transaction holding the order's row (`SELECT … FOR UPDATE`): another
   * register refunding the same order waits until it commits. `write` stores the order's document
   * as `work` left it (and, for another register's order, a change that register picks up).
   * REFUND_STORE_OFFLINE only when the row could not be had: `work` has not run.
   */
  locked<T>(
    orderId: string,
    work: (row: SharedOrderRow | null, write: (order: Order) => Promise<void>) => Promise<T>,
  ): Promise<T>;
  /** Changes other registers made to this register's orders, not yet taken in. */
  changesForThisRegister(): Promise<ChangeFromElsewhere[]>;
  /** This register's books have the change (a later write of it shows again). */
  taken(change: ChangeFromElsewhere): Promise<void>;
  /** Confirms, refunds and 현금영수증 work under way on other registers' orders. */
  openWorkElsewhere(): Promise<OpenWorkElsewhere[]>;
}
