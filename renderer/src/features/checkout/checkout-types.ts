import type { CartLine as SharedCartLine } from '../../../../shared/domain/cart-line';
import type { CashReceiptRequest } from '../../../../shared/domain/cash';
import type { ManualDiscount } from '../../../../shared/domain/coupons';
import type { PosErrorData } from '../../../../shared/domain/errors';
import type { Won } from '../../../../shared/domain/money';
import type { Order } from '../../../../shared/domain/order';
import type { Phase } from './phase';
import type { SdkConfig, WindowApproval } from './toss-window';

/** What checkout needs of a cart line: which product, how many, its options and memo (never a price). */
export type CartLine = Pick<SharedCartLine, 'productId' | 'quantity'> &
  Partial<Pick<SharedCartLine, 'options' | 'memo'>>;

/** The sale as the register rang it up: lines, a memo, and any coupon or manual discount main will check again. */
export interface Sale {
  lines: readonly CartLine[];
  memo?: string | null;
  couponCode: string | null;
  manualDiscount: ManualDiscount | null;
}

export type Problem =
  { source: 'main'; error: PosErrorData } | { source: 'window'; code: string | null; detail: string };

/** The order main priced for this cart, kept so a retry pays the same order. */
export interface PendingOrder {
  orderId: string;
  orderName: string;
  amount: Won;
  /** The 면세 part, told to the payment window. */
  taxFreeAmount?: Won;
  cartKey: string;
}

export interface CheckoutState {
  phase: Phase;
  pending: PendingOrder | null;
  /** Approved in the window, not yet confirmed by main: the outcome is unknown until it is. */
  approval: WindowApproval | null;
  problem: Problem | null;
  paidOrder: Order | null;
  /** The pending order paid in parts (split payment): its dialog, and the cart locked, until it is paid or given up. */
  split: SplitState | null;
}

/** What the cashier took at the counter: the cash handed over, and a 현금영수증 if the customer wants one. */
export interface CashTender {
  received: Won;
  cashReceipt: CashReceiptRequest | null;
}

export interface CheckoutActions extends SplitActions {
  pay(sale: Sale, sdk: SdkConfig): Promise<void>;
  /** The same sale paid in cash: main records it without Toss (an unknown card outcome is settled first). */
  payCash(sale: Sale, tender: CashTender): Promise<void>;
  /**
   * The cart no longer matches the open order (changed, or cleared for a new sale): main gives
   * that order up, so a coupon it held is free again at once.
   */
  saleChanged(sale: Sale): Promise<void>;
  checkAgain(): Promise<void>;
  /**
   * Picks up where the page left off (a reload, a crashed window): the order main priced, and an
   * approval whose outcome is unknown, which is asked about again at once, never paid again.
   */
  restore(saved: {
    pending: PendingOrder | null;
    approval: WindowApproval | null;
    paidOrder: Order | null;
  }): Promise<void>;
  dismissProblem(): void;
  reset(): void;
}

/** The order being paid in parts, as main last answered it, and whether its dialog is on screen. */
export interface SplitState {
  order: Order;
  open: boolean;
}

/** Split payment: one order paid by several tenders, each part an amount the cashier enters. */
export interface SplitActions {
  /** The cart's order (created once, priced by main, as for Pay) in the split dialog; an order partly paid comes back. */
  openSplit(sale: Sale): Promise<void>;
  /** A card part: main opens it for `amount`, the customer pays it in Toss's window, main confirms it. */
  payPartByCard(amount: Won, sdk: SdkConfig): Promise<void>;
  /** A cash part of `amount`, paid at once with what the customer handed over. */
  payPartInCash(amount: Won, tender: CashTender): Promise<void>;
  /**
   * Closes the dialog; refused while a part is under way. An order with paid parts stays (the cart
   * locked, Pay brings the dialog back); one with none is given up if tenders were tried on it.
   */
  closeSplit(): Promise<void>;
  /** The order as main holds it now: paid, given up (its paid parts refunded from history), or its parts as they stand. */
  refreshSplit(orderId: string): Promise<void>;
  /** After a reload or a crash: a pending order with parts comes back in the dialog, its paid parts listed. */
  resumeSplit(orderId: string): Promise<void>;
}
