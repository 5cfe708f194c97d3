import type { Notice } from '../../shared/domain/notices';
import { CashReceiptCancels } from './cash/cash-receipt-cancels';
import { CashSaleService } from './cash/cash-sale-service';
import { CatalogStore } from './catalog/catalog-store';
import { CouponBook } from './coupons/coupon-book';
import { CouponIssuer } from './coupons/coupon-issuer';
import { DayCalendar } from './day-close/day-calendar';
import { DayCloseService } from './day-close/day-close-service';
import { DayCloseStore } from './day-close/day-close-store';
import { CouponRedemption, type OrderLookup } from './coupons/coupon-redemption';
import { DiscountApprovals } from './discounts/discount-approvals';
import { HistoryService } from './history/history-service';
import { BackgroundSettler, SETTLER_TIMING, type SettlerTiming } from './reconcile/background-settler';
import { OpenConfirms } from './reconcile/open-confirms';
import { OpenWork } from './reconcile/open-work';
import { SettlementBoard } from './reconcile/settlement-board';
import { RefundService } from './refunds/refund-service';
import type { ReceiptPrinter } from './receipts/receipt-printer';
import { CallsUnderWay } from './ipc/calls-under-way';
import { createDispatcher, type Dispatch } from './ipc/dispatcher';
import { createHandlers } from './ipc/handlers';
import type { Logger } from './log/logger';
import { PaymentService } from './payments/payment-service';
import { TossClient } from './payments/toss-client';
import type { TossEndpoints } from './payments/toss-endpoints';
import { CustomerDisplay } from './register/customer-display';
import { RegisterDraftStore } from './register/register-draft-store';
import { OrderService } from './sales/order-service';
import type { KeyCipher } from './secrets/key-cipher';
import type { SecretKeyStore } from './secrets/secret-key-store';
import { contentSecurityPolicy } from './security/csp';
import { SettingsService, type TossModes } from './settings/settings-service';
import type { SettingsStore } from './settings/settings-store';
import { StaffService } from './staff/staff-service';
import type { FileIo } from './store/file-io';
import { OrderLocks } from './store/order-locks';
import { OrderStore } from './store/order-store';

export interface PosCoreDeps {
  dataDir: string;
  /** Which Toss, with which keys, now: the key provider every Toss call asks. */
  endpoints: TossEndpoints;
  modes: TossModes;
  keysFromEnvironment: boolean;
  settings: SettingsStore;
  keyStore: SecretKeyStore;
  /** How the shell keeps secrets at rest (safeStorage in Electron): the staff signing key is kept with it. */
  cipher: KeyCipher;
  /** What the owner must be told at start (a key that could not be read, say). */
  notices: readonly Notice[];
  now: () => Date;
  io: FileIo;
  log: Logger;
  fetch?: typeof fetch;
  tossTimeoutMs?: number;
  /** How often open work (confirms, refunds, coupon holds) is asked about again. */
  settleTiming?: SettlerTiming;
  /** The shell's printer, if it has one. */
  printer?: ReceiptPrinter;
}

/**
 * How long quitting waits for calls under way (a sale being stored, say) before closing the
 * store: longer is a Toss call, which is cut off and settled at the next start.
 */
const QUIT_WAIT_MS = 2_000;

/** Everything main is, minus Electron: what both the Electron shell and the browser host run. */
export interface PosCore {
  mode(): 'training' | 'live';
  dispatch: Dispatch;
  /** The Toss SDK script URL (Toss's or the simulator's): the shells build CSP and navigation rules from it. */
  sdkSrc(): string;
  /** The page's Content-Security-Policy for the current payment setup. */
  csp(): string;
  /**
   * The first round of settling open work (confirms a crash or a silent Toss left unknown, then
   * coupon holds and refunds). In the background: a slow Toss never holds up the register, and
   * what a round leaves open is asked about again with backoff while the app runs.
   */
  reconciled: Promise<void>;
  /** Runs a settling round now (after the one under way, if any). */
  settleNow(): Promise<void>;
  log: Logger;
  /** The order store, for fixtures and reports that read history through the real code. */
  orders: OrderStore;
  /** Lets writes under way reach the disk and refuses new ones. */
  close(): Promise<void>;
}

/**
 * Wires the services over an already locked data folder. Which Toss, which keys, which shell:
 * decided by the composition (`electron/compose`), never here.
 */
export async function createPosCore(deps: PosCoreDeps): Promise<PosCore> {
  const { endpoints, now, log, io } = deps;
  const training = () => endpoints.current().mode === 'training';
  const orderStore = new OrderStore(deps.dataDir, io, undefined, log);
  const catalog = await CatalogStore.open(deps.dataDir, io, now, async () => training() && (await orderStore.businessDays()).length === 0);
  const staff = await StaffService.open({ dataDir: deps.dataDir, io, now, log, training, cipher: deps.cipher, hasSales: async () => (await orderStore.summaries(await orderStore.businessDays())).some((day) => day.counts.real > 0) });
  // The history index catches up here, so a day a crash left behind is rebuilt before anything is sold.
  await orderStore.ready();
  const locks = new OrderLocks();
  const client = new TossClient({ endpoint: () => endpoints.current(), fetch: deps.fetch, timeoutMs: deps.tossTimeoutMs });
  const coupons = await CouponBook.open(deps.dataDir, io);
  const redemption = new CouponRedemption(coupons, { now, log });
  const issuer = new CouponIssuer(coupons, { now, log });
  const approvals = new DiscountApprovals(now);
  const calls = new CallsUnderWay();
  const openWork = await OpenWork.open(deps.dataDir, io);
  const payments = new PaymentService({ orders: orderStore, locks, toss: client, training, now, log, open: openWork.of('confirms'), settled: (order) => redemption.settle(order) });
  const cash = new CashSaleService({ orders: orderStore, locks, toss: client, training, now, log, settled: (order) => redemption.settle(order) });
  const cashReceiptCancels = new CashReceiptCancels({ open: openWork.of('cashReceiptCancels'), orders: orderStore, locks, toss: client, now, log });
  const closes = new DayCloseStore(deps.dataDir, io);
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
  const settings = new SettingsService({
    settings: deps.settings,
    keyStore: deps.keyStore,
    endpoints,
    modes: deps.modes,
    locks,
    hasLiveManager: () => staff.hasLiveManager(),
    keysFromEnvironment: deps.keysFromEnvironment,
    now,
    log,
    fetch: deps.fetch,
    tossTimeoutMs: deps.tossTimeoutMs,
  });
  const refunds = new RefundService({
    orders: orderStore,
    locks,
    toss: client,
    openRefunds: openWork.of('refunds'),
    cashReceipts: cashReceiptCancels,
    coupons: { afterRefund: (order, full) => redemption.afterRefund(order, full, deps.settings.restoreCouponOnRefund()) },
    training,
    now,
    log,
  });
  const history = new HistoryService(orderStore);
  const dayClose = new DayCloseService({ orders: orderStore, calendar, closes, toss: client, training, abandon: (orderId) => orders.abandon(orderId), now, log });
  const board = new SettlementBoard();
  const drafts = await RegisterDraftStore.open(deps.dataDir, io);
  const display = new CustomerDisplay({
    catalog,
    orders: orderStore,
    training,
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
  // Kept open: start-up adds what it finds (a damaged day) before the first call.
  const notices = [...deps.notices];
  const handlers = createHandlers({
    endpoints,
    notices,
    catalog,
    orders,
    payments,
    cash,
    settlements: board,
    staff,
    settings,
    settingsStore: deps.settings,
    drafts,
    display,
    coupons,
    issuer,
    approvals,
    history,
    dayClose,
    refunds,
    printer: deps.printer ?? null,
    now,
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
    timing: deps.settleTiming ?? SETTLER_TIMING,
    log,
    now,
    scheduled: (at) => board.scheduled(at),
  });
  openWork.onAdded(() => settler.soon());
  const reconciled = settler.settleNow();
  // Start-up's scans went round any day that cannot be read: the owner is told which, and how to mend it.
  for (const error of orderStore.unreadable.values()) notices.push({ code: 'STORE_FILE_DAMAGED', detail: error.message.replace(/^store file is unreadable: /, '').slice(0, 600) });
  log.info('Toss POS core started', { mode: endpoints.current().mode, dataDir: deps.dataDir });
  return {
    mode: () => endpoints.current().mode,
    dispatch: calls.track(createDispatcher(handlers, { log, session: staff.session })),
    sdkSrc: () => endpoints.current().sdkSrc,
    csp: () => contentSecurityPolicy(endpoints.current().sdkSrc),
    reconciled,
    settleNow: () => settler.settleNow(),
    log,
    orders: orderStore,
    close: async () => {
      settler.stop();
      display.release();
      await calls.settled(QUIT_WAIT_MS);
      await orderStore.close();
      await coupons.close();
    },
  };
}
