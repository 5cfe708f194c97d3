import type { Handlers } from '../../../shared/ipc/handlers';
import { CashReceiptCancels } from '../cash/cash-receipt-cancels';
import { CashSaleService } from '../cash/cash-sale-service';
import type { CatalogStore } from '../catalog/catalog-store';
import { CouponBook } from '../coupons/coupon-book';
import { CouponIssuer } from '../coupons/coupon-issuer';
import { CouponRedemption, type OrderLookup } from '../coupons/coupon-redemption';
import { DayCalendar } from '../day-close/day-calendar';
import { DayCloseService } from '../day-close/day-close-service';
import { DayCloseStore } from '../day-close/day-close-store';
import { DiscountApprovals } from '../discounts/discount-approvals';
import { HistoryService } from '../history/history-service';
import { createHandlers, type ShopHandlerDeps } from '../ipc/handlers';
import type { Logger } from '../log/logger';
import { PaymentService } from '../payments/payment-service';
import type { PaymentMode } from '../payments/toss-endpoints';
import type { TossOf } from '../payments/toss-of';
import { BackgroundSettler, type SettlerTiming } from '../reconcile/background-settler';
import { OpenConfirms } from '../reconcile/open-confirms';
import { OpenWork } from '../reconcile/open-work';
import { SettlementBoard } from '../reconcile/settlement-board';
import { RefundService } from '../refunds/refund-service';
import { CustomerDisplay, type DisplayVersions } from '../register/customer-display';
import { RegisterDraftStore } from '../register/register-draft-store';
import { OrderService } from '../sales/order-service';
import type { SettingsStore } from '../settings/settings-store';
import type { FileIo } from '../store/file-io';
import { OrderLocks } from '../store/order-locks';
import type { OrderStore } from '../store/order-store';

export interface BooksDeps {
  mode: PaymentMode;
  /** The folder these books live in: the data folder for live, its `training/` for training. */
  dir: string;
  /** This mode's order book, opened by the caller (the live one is asked at start whether the shop has sold yet). */
  orders: OrderStore;
  catalog: CatalogStore;
  settings: SettingsStore;
  toss: TossOf;
  /** The shop's handlers (catalog, staff, settings …), the same in both books. */
  shop: ShopHandlerDeps;
  now: () => Date;
  io: FileIo;
  log: Logger;
  settleTiming: SettlerTiming;
  /** Versions for the customer's screen, shared with the other mode's books. */
  displayVersions: DisplayVersions;
}

/**
 * One mode's books: its orders, coupons, open work, register draft, approvals and day closes, and
 * the services that change them. Live and training each have their own, in their own folder, so
 * nothing made in training — an order, a coupon use, an approval, open work — can reach live;
 * each books' settler keeps settling its own open work whatever mode the register shows.
 */
export interface Books {
  mode: PaymentMode;
  orders: OrderStore;
  locks: OrderLocks;
  openWork: OpenWork;
  handlers: Handlers;
  /** The first round of settling this books' open work (in the background). */
  reconciled: Promise<void>;
  settleNow(): Promise<void>;
  /** Shows the register's draft on the customer's screen again: its watchers answer now. */
  redisplay(): Promise<void>;
  /** Stops settling and lets the customer's screen go; the stores stay open for calls under way. */
  stop(): void;
  close(): Promise<void>;
}

export async function openBooks(deps: BooksDeps): Promise<Books> {
  const { now, log, io, dir, catalog, toss } = deps;
  const training = () => deps.mode === 'training';
  const orderStore = deps.orders;
  // The history index catches up here, so a day a crash left behind is rebuilt before anything is sold.
  await orderStore.ready();
  const locks = new OrderLocks();
  const coupons = await CouponBook.open(dir, io);
  const redemption = new CouponRedemption(coupons, { now, log });
  const issuer = new CouponIssuer(coupons, { now, log });
  const approvals = new DiscountApprovals(deps.mode, now);
  const openWork = await OpenWork.open(dir, io);
  const payments = new PaymentService({ orders: orderStore, locks, toss, training, now, log, open: openWork.of('confirms'), settled: (order) => redemption.settle(order) });
  const cash = new CashSaleService({ orders: orderStore, locks, toss, training, now, log, settled: (order) => redemption.settle(order) });
  const cashReceiptCancels = new CashReceiptCancels({ open: openWork.of('cashReceiptCancels'), orders: orderStore, locks, toss, now, log });
  const closes = new DayCloseStore(dir, io);
  const calendar = new DayCalendar(closes);
  const orders = new OrderService({
    catalog,
    orders: orderStore,
    locks,
    coupons: { book: coupons, redemption },
    approvals,
    discountLimits: () => deps.settings.discountLimits(),
    now,
    training,
    days: calendar,
  });
  const refunds = new RefundService({
    orders: orderStore,
    locks,
    toss,
    openRefunds: openWork.of('refunds'),
    cashReceipts: cashReceiptCancels,
    coupons: { afterRefund: (order, full) => redemption.afterRefund(order, full, deps.settings.restoreCouponOnRefund()) },
    training,
    now,
    log,
  });
  const history = new HistoryService(orderStore);
  // A day is closed with the real Toss's transactions: these books' own mode's Toss.
  const dayToss = toss({ training: training() });
  const dayClose = new DayCloseService({ orders: orderStore, calendar, closes, toss: dayToss, training, abandon: (orderId) => orders.abandon(orderId), now, log });
  const board = new SettlementBoard();
  const drafts = await RegisterDraftStore.open(dir, io);
  const display = new CustomerDisplay({
    catalog,
    orders: orderStore,
    training,
    versions: deps.displayVersions,
    quote: (draft) =>
      orders
        .quote({
          lines: draft.lines,
          couponCode: draft.couponCode ?? undefined,
          manualDiscount: draft.manualDiscount ?? undefined,
          heldBy: draft.pending?.orderId,
        })
        .catch(() => null),
  });
  await display.show(drafts.current());
  const handlers = createHandlers({
    ...deps.shop,
    orders,
    payments,
    cash,
    settlements: board,
    drafts,
    display,
    coupons,
    issuer,
    approvals,
    history,
    dayClose,
    refunds,
  });

  const lookup: OrderLookup = {
    get: (id) => orderStore.get(id),
    recent: (days, look) => orderStore.recent(days, (digest) => look({ orderId: digest.orderId, status: digest.orderStatus, couponCodes: digest.couponCodes })),
    abandon: (id) => orders.abandon(id),
  };
  // Before anything can be rung up: which coupons open orders hold is read back from those orders.
  await redemption.restore(lookup);
  const confirms = new OpenConfirms({ open: openWork.of('confirms'), orders: orderStore, payments, locks, board, log });
  await confirms.adoptRecent();
  // Coupons follow orders, so confirms are settled first in every round.
  const settler = new BackgroundSettler({
    jobs: [
      confirms,
      { name: 'coupons', settle: () => redemption.reconcile(lookup).then(() => true) },
      { name: 'refunds', settle: () => refunds.reconcile().then(() => openWork.of('refunds').list().length === 0) },
      cashReceiptCancels,
    ],
    timing: deps.settleTiming,
    log,
    now,
    scheduled: (at) => board.scheduled(at),
  });
  openWork.onAdded(() => settler.soon());
  return {
    mode: deps.mode,
    orders: orderStore,
    locks,
    openWork,
    handlers,
    reconciled: settler.settleNow(),
    settleNow: () => settler.settleNow(),
    redisplay: () => display.show(drafts.current()),
    stop: () => {
      settler.stop();
      display.release();
    },
    close: async () => {
      await orderStore.close();
      await coupons.close();
    },
  };
}
