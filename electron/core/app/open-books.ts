import type { Order } from '../../../shared/domain/order';
import type { RegisterDraft } from '../../../shared/domain/register';
import type { Handlers } from '../../../shared/ipc/handlers';
import { CashReceiptCancels } from '../money/cash/cash-receipt-cancels';
import { CashSaleService } from '../money/cash/cash-sale-service';
import { CashReceiptStatusChecks } from '../money/cash/cash-receipt-status-checks';
import type { CatalogFile } from '../shop/catalog/catalog-file';
import { CouponBook } from '../money/coupons/coupon-book';
import { CouponIssuer } from '../money/coupons/coupon-issuer';
import { CouponRedemption, type OrderLookup } from '../money/coupons/coupon-redemption';
import type { SharedCoupons } from '../money/coupons/shared-coupons';
import { DayCalendar } from '../orders/days/day-calendar';
import { DayCloseService } from '../records/day/day-close-service';
import type { ShopLink } from '../records/day/shop-day-books';
import { DayCloseFile } from '../orders/days/day-close-file';
import { DiscountApprovals } from '../money/discount/discount-approvals';
import { DrawerJournal } from '../money/drawer/drawer-journal';
import { DrawerService } from '../money/drawer/drawer-service';
import { HistoryChanges } from '../records/history/history-changes';
import { HistoryService } from '../records/history/history-service';
import type { ShopReader } from '../orders/shop-order-reader';
import { RecentReceipts } from '../records/receipts/recent-receipts';
import { createHandlers, type ShopHandlerDeps } from './ipc/handlers';
import type { Logger } from '../platform/log/logger';
import { PaymentParts } from '../money/payment/payment-parts';
import { PaymentService } from '../money/payment/payment-service';
import type { PaymentMode } from '../toss/toss-endpoints';
import type { TossOf } from '../toss/toss-of';
import { BackgroundSettler, type SettlerTiming } from '../platform/jobs/background-settler';
import { OpenConfirms } from '../money/payment/open-confirms';
import { OpenWork } from '../platform/jobs/open-work';
import { SettlementBoard } from '../platform/jobs/settlement-board';
import { RefundService } from '../money/refund/refund-service';
import { SharedRefunds } from '../money/refund/shared-refunds';
import type { SharedOrders } from '../money/refund/shared-orders';
import { JournalOrderBook } from '../orders/journal-order-book';
import { couponCodesOf } from '../../../shared/domain/order';
import { join } from 'node:path';
import { CustomerDisplay, type DisplayVersions } from '../shop/display/customer-display';
import { OrderCalls } from '../shop/bar/order-calls';
import { ReadyFile } from '../shop/bar/ready-file';
import { RegisterDraftFile } from '../shop/register/register-draft-file';
import { HeldCarts } from '../shop/held/held-carts';
import { HeldCartsFile } from '../shop/held/held-carts-file';
import { SaleService } from '../money/sale/sale-service';
import type { SettingsFile } from '../shop/settings/settings-file';
import type { FileIo } from '../platform/disk/file-io';
import { OrderLocks } from '../orders/order-locks';
import { followingWrites } from '../orders/following-book';
import { StockTally } from '../shop/stock/stock-tally';
import type { RebuildPace } from '../orders/index/order-index';
import type { OrderBook } from '../orders/order-book';

export interface BooksDeps {
  mode: PaymentMode;
  /** The folder these books live in: the data folder for live, its `training/` for training. */
  dir: string;
  /** This mode's order book, opened by the caller (the live one is asked at start whether the shop has sold yet). */
  orders: OrderBook;
  /** The shop's coupons on its shared store, when there is one (the live books only): held and used there too. */
  sharedCoupons?: () => SharedCoupons | null;
  /** The whole shop's orders on its shared store, when there is one (the live books only): what history reads. */
  shopOrders?: () => ShopReader | null;
  catalog: CatalogFile;
  settings: SettingsFile;
  toss: TossOf;
  /** The shop's handlers (catalog, staff, settings …), the same in both books. */
  shop: ShopHandlerDeps;
  now: () => Date;
  io: FileIo;
  log: Logger;
  settleTiming: SettlerTiming;
  /** Versions for the customer's screen, shared with the other mode's books. */
  displayVersions: DisplayVersions;
  /** The shop's orders on its shared store, when there is one (the live books only): any register's sale is refunded here. */
  sharedOrders?: () => SharedOrders | null;
  /** Told of each order these books journal, once its line is on disk (the live books' outbox to the shared store). */
  journaled?: (order: Order) => void;
  /** The shop's shared store as the day close reads it (the live books only): the close is then the shop's. */
  shopDay?: ShopLink;
  /** Told of each drawer shift these books keep (the live drawer's outbox to the shared store). */
  drawerKept?: () => void;
  /** Between two days stock reads back at start (the tests hold it). */
  rebuildPace?: RebuildPace;
}

/**
 * One mode's books: its orders, coupons, open work, register draft, approvals and day closes, and
 * the services that change them. Live and training each have their own, in their own folder, so
 * nothing made in training — an order, a coupon use, an approval, open work — can reach live;
 * each books' settler keeps settling its own open work whatever mode the register shows.
 */
export interface Books {
  mode: PaymentMode;
  orders: OrderBook;
  locks: OrderLocks;
  openWork: OpenWork;
  handlers: Handlers;
  /** The first round of settling this books' open work (in the background). */
  settled: Promise<void>;
  settleNow(): Promise<void>;
  /** Shows the register's draft on the customer's screen again: its watchers answer now. */
  redisplay(): Promise<void>;
  /** The register as the cashier left it in these books. */
  draft(): RegisterDraft;
  /** Stops settling and lets the customer's screen go; the books stay open for calls under way. */
  stop(): void;
  close(): Promise<void>;
}

/** How often the live books look for refunds other registers made to their orders (on a shared store). */
const CHANGES_EVERY_MS = 3_000;

export async function openBooks(deps: BooksDeps): Promise<Books> {
  const { now, log, io, dir, catalog, toss } = deps;
  const training = () => deps.mode === 'training';
  // Stock and the number board follow the orders as they are journaled; these books' own, so
  // training never lowers live stock. The board is made further down, once its files are open.
  const stock = new StockTally({ catalog, orders: deps.orders, log });
  const historyChanges = new HistoryChanges();
  const followers: Array<(order: Order) => void> = [
    (order) => stock.follow(order),
    (order) => historyChanges.written(order.orderId),
  ];
  if (deps.journaled !== undefined) followers.push(deps.journaled);
  const orderBook = followingWrites(deps.orders, (order) => followers.forEach((follow) => follow(order)));
  // The history index catches up here, so a day a crash left behind is rebuilt before anything is sold.
  await orderBook.ready();
  // Stock reads its orders back in the background: a sale that needs them waits for them, the others do not.
  stock.startRebuild(deps.rebuildPace);
  const locks = new OrderLocks();
  const coupons = await CouponBook.open(dir, io);
  const redemption = new CouponRedemption(coupons, { now, log, shared: deps.sharedCoupons });
  const issuer = new CouponIssuer(coupons, { now, log, shared: deps.sharedCoupons });
  const approvals = new DiscountApprovals(deps.mode, now);
  const openWork = await OpenWork.open(dir, io);
  // A sale's coupons follow it once it is paid, by card or in cash.
  const paying = {
    orders: orderBook,
    locks,
    toss,
    training,
    now,
    log,
    settled: (order: Order) => redemption.settle(order),
  };
  const payments = new PaymentService({ ...paying, open: openWork.of('confirms') });
  const parts = new PaymentParts({ orders: orderBook, locks, training, now });
  const receiptStatus = new CashReceiptStatusChecks({
    watching: openWork.of('cashReceiptChecks'),
    failed: openWork.of('cashReceiptFailures'),
    orders: orderBook,
    locks,
    toss,
    now,
    log,
  });
  const receiptRecorded = (order: Order) => receiptStatus.recorded(order);
  const cash = new CashSaleService({
    ...paying,
    receiptRecorded,
    mandatoryCashReceipt: () => deps.settings.mandatoryCashReceipt(),
  });
  const cashReceiptCancels = new CashReceiptCancels({
    open: openWork.of('cashReceiptCancels'),
    orders: orderBook,
    locks,
    toss,
    now,
    log,
    receiptRecorded,
  });
  const closes = new DayCloseFile(dir, io);
  const calendar = new DayCalendar(closes);
  const sales = new SaleService({
    catalog,
    orders: orderBook,
    locks,
    coupons: { book: coupons, redemption },
    approvals,
    discountLimits: () => deps.settings.discountLimits(),
    now,
    training,
    days: calendar,
    stock,
  });
  const refunds = new RefundService({
    orders: orderBook,
    locks,
    toss,
    openRefunds: openWork.of('refunds'),
    cashReceipts: cashReceiptCancels,
    coupons: {
      afterRefund: (order, full) => redemption.afterRefund(order, full, deps.settings.restoreCouponOnRefund()),
      settle: (order) => redemption.settle(order),
    },
    training,
    now,
    log,
  });
  const sharedRefunds = await refundsAcrossRegisters(deps, {
    own: { service: refunds, orders: orderBook, locks, openRefunds: openWork.of('refunds') },
    openWork,
    receiptRecorded,
  });
  const history = new HistoryService(orderBook, deps.shopOrders, log);
  // The drawer's shifts live beside these books' orders: a training shift never shows in live.
  const drawerJournal = new DrawerJournal(dir, io);
  const drawer = new DrawerService({
    journal: drawerJournal,
    orders: orderBook,
    calendar,
    now,
    log,
    kept: deps.drawerKept,
  });
  // A day is closed with the real Toss's transactions: these books' own mode's Toss.
  const dayToss = toss({ training: training() });
  const dayClose = new DayCloseService({
    orders: orderBook,
    calendar,
    closes,
    toss: dayToss,
    training,
    abandon: (orderId) => sales.abandon(orderId),
    drawerShifts: (day) => drawer.shiftsOfDay(day),
    now,
    log,
    shop: deps.shopOrders,
    shopDay: deps.shopDay,
  });
  const board = new SettlementBoard();
  const drafts = await RegisterDraftFile.open(dir, io);
  const calls = new OrderCalls({
    orders: orderBook,
    catalog,
    ready: await ReadyFile.open(dir, io),
    businessDayAt: (at) => calendar.businessDayAt(at),
    now,
  });
  followers.push((order) => calls.follow(order));
  const display = new CustomerDisplay({
    catalog,
    orders: orderBook,
    calls,
    settings: deps.settings,
    training,
    versions: deps.displayVersions,
    quote: (draft) =>
      sales
        .quote({
          lines: draft.lines,
          couponCode: draft.couponCode ?? undefined,
          manualDiscount: draft.manualDiscount ?? undefined,
          heldBy: draft.pending?.orderId,
        })
        .catch(() => null),
  });
  await display.show(drafts.current());
  // Beside register.json in this books' folder: training's held carts never show in live, nor the other way round.
  const held = await HeldCarts.open({
    file: await HeldCartsFile.open(dir, io),
    drafts,
    catalog,
    show: (draft) => display.show(draft),
    abandon: (orderId) => sales.abandon(orderId),
    quote: (request) => sales.quote(request),
    now,
  });
  const handlers = createHandlers({
    ...deps.shop,
    stock,
    sales,
    payments,
    parts,
    cash,
    receiptStatus,
    settlements: board,
    drafts,
    held,
    display,
    calls,
    coupons,
    issuer,
    sharedCoupons: deps.sharedCoupons,
    approvals,
    history,
    historyChanges,
    dayClose,
    recentReceipts: new RecentReceipts({ orders: orderBook, today: () => calendar.businessDayAt(now()) }),
    refunds: sharedRefunds.refunds,
    drawer,
  });

  const lookup: OrderLookup = {
    get: (id) => orderBook.get(id),
    recent: (days, look) =>
      orderBook.recent(days, (digest) =>
        look({ orderId: digest.orderId, status: digest.orderStatus, couponCodes: digest.couponCodes }),
      ),
    abandon: (id) => sales.abandon(id),
  };
  // Before anything can be rung up: which coupons open orders hold is read back from those orders.
  await redemption.restore(lookup);
  const confirms = new OpenConfirms({ open: openWork.of('confirms'), orders: orderBook, payments, locks, board, log });
  await confirms.adoptRecent();
  // Coupons follow orders, so confirms are settled first in every round.
  const settler = new BackgroundSettler({
    jobs: [
      confirms,
      { name: 'coupons', settle: () => redemption.settleOpen(lookup).then(() => true) },
      { name: 'refunds', settle: () => refunds.settleOpen().then(() => openWork.of('refunds').list().length === 0) },
      { name: 'refunds across registers', settle: () => sharedRefunds.refunds.settle() },
      cashReceiptCancels,
      receiptStatus,
    ],
    timing: deps.settleTiming,
    log,
    now,
    scheduled: (at) => board.scheduled(at),
  });
  openWork.onAdded(() => settler.soon());
  const stopFollowing = deps.sharedOrders ? sharedRefunds.refunds.follow(CHANGES_EVERY_MS) : () => undefined;
  return {
    mode: deps.mode,
    orders: orderBook,
    locks,
    openWork,
    handlers,
    settled: settler.settleNow(),
    settleNow: () => settler.settleNow(),
    redisplay: () => display.show(drafts.current()),
    draft: () => drafts.current(),
    stop: () => {
      settler.stop();
      stopFollowing();
      display.release();
      calls.release();
    },
    close: async () => {
      stock.close();
      await orderBook.close();
      await sharedRefunds.foreignOrders?.close();
      await coupons.close();
      await drawerJournal.close();
    },
  };
}

/**
 * Refunds on a shared store (see SharedRefunds): this register's own orders through `own`, other
 * registers' through a book of their own (`foreign/` in the data folder: never in this register's
 * history or day figures) with its own refund and 현금영수증 cancel services and open work. Books
 * without a store (training's) refund their own orders only, as ever.
 */
async function refundsAcrossRegisters(
  deps: BooksDeps,
  books: {
    own: ConstructorParameters<typeof SharedRefunds>[0]['own'];
    openWork: OpenWork;
    receiptRecorded: (order: Order) => Promise<void>;
  },
): Promise<{ refunds: SharedRefunds; foreignOrders: OrderBook | null }> {
  const { now, log, io, toss } = deps;
  const store = deps.sharedOrders;
  if (store === undefined)
    return {
      refunds: new SharedRefunds({
        own: books.own,
        foreign: books.own,
        foreignWrites: books.openWork.of('foreignWrites'),
        foreignReceipts: { open: books.openWork.of('foreignReceiptCancels'), settleOne: async () => undefined },
        foreignConfirms: { settleUnknown: async () => undefined },
        store: () => null,
        now,
        log,
      }),
      foreignOrders: null,
    };
  const foreignBook = new JournalOrderBook(join(deps.dir, 'foreign'), io, undefined, log);
  await foreignBook.ready();
  const locks = new OrderLocks();
  const foreignReceipts = new CashReceiptCancels({
    open: books.openWork.of('foreignReceiptCancels'),
    orders: foreignBook,
    locks,
    toss,
    now,
    log,
  });
  const openRefunds = books.openWork.of('foreignRefunds');
  const service = new RefundService({
    orders: foreignBook,
    locks,
    toss,
    openRefunds,
    cashReceipts: foreignReceipts,
    coupons: {
      // The coupon is the shop's: a full refund gives it back in the shared store, where every register sees it.
      afterRefund: async (order, full) => {
        const codes = couponCodesOf(order);
        if (codes.length === 0) return 'none';
        const shared = deps.sharedCoupons?.() ?? null;
        if (!full || !deps.settings.restoreCouponOnRefund() || shared === null) return 'kept';
        for (const code of codes) await shared.release(code, order.orderId);
        return 'restored';
      },
      settle: async (order) => {
        const shared = deps.sharedCoupons?.() ?? null;
        for (const code of couponCodesOf(order)) await shared?.release(code, order.orderId);
      },
    },
    training: () => false,
    now,
    log,
  });
  // A confirm another register left open: the paid order's coupon is used in the shop's store, an unpaid one's let go.
  const foreignConfirms = new PaymentService({
    orders: foreignBook,
    locks,
    toss,
    training: () => false,
    now,
    log,
    open: books.openWork.of('foreignWrites'),
    settled: async (order) => {
      const shared = deps.sharedCoupons?.() ?? null;
      for (const code of couponCodesOf(order))
        await (order.status === 'PAID' ? shared?.use(code, order.orderId) : shared?.release(code, order.orderId));
    },
  });
  const refunds = new SharedRefunds({
    foreignConfirms,
    own: books.own,
    receiptTakenIn: books.receiptRecorded,
    foreign: { service, orders: foreignBook, locks, openRefunds },
    foreignWrites: books.openWork.of('foreignWrites'),
    foreignReceipts: {
      open: books.openWork.of('foreignReceiptCancels'),
      settleOne: (id) => foreignReceipts.settleOne(id),
    },
    store,
    now,
    log,
  });
  return { refunds, foreignOrders: foreignBook };
}
