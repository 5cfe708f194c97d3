import type { Notice } from '../../../../shared/domain/notices';
import type { Handlers } from '../../../../shared/ipc/handlers';
import { appHandlers } from '../app-handlers';
import { barHandlers } from '../../shop/bar/bar-handlers';
import type { OrderCalls } from '../../shop/bar/order-calls';
import { catalogHandlers } from '../../shop/catalog/catalog-handlers';
import type { CatalogFile } from '../../shop/catalog/catalog-file';
import type { CouponBook } from '../../money/coupons/coupon-book';
import { couponsHandlers } from '../../money/coupons/coupons-handlers';
import type { CouponIssuer } from '../../money/coupons/coupon-issuer';
import type { SharedCoupons } from '../../money/coupons/shared-coupons';
import { dayHandlers } from '../../records/day/day-handlers';
import { monthHandlers } from '../../records/month/month-handlers';
import type { DayCloseService } from '../../records/day/day-close-service';
import type { CashSaleService } from '../../money/cash/cash-sale-service';
import type { CashReceiptStatusChecks } from '../../money/cash/cash-receipt-status-checks';
import type { DiscountApprovals } from '../../money/discount/discount-approvals';
import type { HistoryChanges } from '../../records/history/history-changes';
import { historyHandlers } from '../../records/history/history-handlers';
import type { HistoryService } from '../../records/history/history-service';
import type { SettlementBoard } from '../../platform/jobs/settlement-board';
import type { CspViolationLog } from '../../platform/log/csp-violation-log';
import { logHandlers } from '../../platform/log/log-handlers';
import { receiptHandlers } from '../../shop/receipt/receipt-handlers';
import { receiptsHandlers } from '../../records/receipts/receipts-handlers';
import type { RecentReceipts } from '../../records/receipts/recent-receipts';
import type { ReceiptPrinter } from '../../shop/receipt/receipt-printer';
import type { SharedRefunds } from '../../money/refund/shared-refunds';
import { paymentHandlers } from '../../money/payment/payment-handlers';
import type { PaymentParts } from '../../money/payment/payment-parts';
import type { PaymentService } from '../../money/payment/payment-service';
import type { TossEndpoints } from '../../toss/toss-endpoints';
import { saleHandlers } from '../../money/sale/sale-handlers';
import type { SaleService } from '../../money/sale/sale-service';
import type { CustomerDisplay } from '../../shop/display/customer-display';
import type { RegisterDraftFile } from '../../shop/register/register-draft-file';
import { registerHandlers } from '../../shop/register/register-handlers';
import type { HeldCarts } from '../../shop/held/held-carts';
import { heldHandlers } from '../../shop/held/held-handlers';
import { displayHandlers } from '../../shop/display/display-handlers';
import { displaysHandlers } from '../../shop/displays/displays-handlers';
import type { Monitors } from '../../shop/displays/monitors';
import { cashHandlers } from '../../money/cash/cash-handlers';
import { discountHandlers } from '../../money/discount/discount-handlers';
import type { DrawerService } from '../../money/drawer/drawer-service';
import { drawerHandlers } from '../../money/drawer/drawer-handlers';
import { refundHandlers } from '../../money/refund/refund-handlers';
import { preferencesHandlers } from '../../shop/preferences/preferences-handlers';
import { settingsHandlers } from '../../shop/settings/settings-handlers';
import type { SettingsService } from '../../shop/settings/settings-service';
import type { SettingsFile } from '../../shop/settings/settings-file';
import { staffHandlers } from '../../shop/staff/staff-handlers';
import type { StockTally } from '../../shop/stock/stock-tally';
import { ticketHandlers } from '../../shop/ticket/ticket-handlers';
import type { FirstStartCatalog } from '../../shop/setup/first-start-catalog';
import { setupHandlers } from '../../shop/setup/setup-handlers';
import type { StaffService } from '../../shop/staff/staff-service';
import { updatesHandlers } from '../../shop/updates/updates-handlers';
import { storeHandlers, type SharedStoreControl } from '../../shop/store/store-handlers';

/** What both books' handlers share: the shop (catalog, staff, settings) and the shell. */
export interface ShopHandlerDeps {
  endpoints: TossEndpoints;
  notices: readonly Notice[];
  catalog: CatalogFile;
  staff: StaffService;
  /** The first start's catalog choice. */
  firstStart: FirstStartCatalog;
  settings: SettingsService;
  settingsFile: SettingsFile;
  /** The shell's printer; null where the page prints itself (the browser host). */
  printer: ReceiptPrinter | null;
  /** The shell's monitors; null where there are none to place a window on (the browser host). */
  monitors: Monitors | null;
  now: () => Date;
  /** Our pages' CSP violations, rate-limited for the whole shop (both books' handlers share it). */
  cspLog: CspViolationLog;
  /** The link to the shop's shared store (PostgreSQL), off unless one is set up. */
  store: SharedStoreControl;
}

/** One mode's books: its orders, payments, coupons, register and records. */
export interface HandlerDeps extends ShopHandlerDeps {
  sales: SaleService;
  payments: PaymentService;
  parts: PaymentParts;
  cash: CashSaleService;
  receiptStatus: CashReceiptStatusChecks;
  settlements: SettlementBoard;
  drafts: RegisterDraftFile;
  held: HeldCarts;
  display: CustomerDisplay;
  calls: OrderCalls;
  coupons: CouponBook;
  issuer: CouponIssuer;
  /** The shop's coupons on its shared store (the live books on one only). */
  sharedCoupons?: () => SharedCoupons | null;
  approvals: DiscountApprovals;
  history: HistoryService;
  /** The orders these books wrote, for an open history list to follow. */
  historyChanges: HistoryChanges;
  dayClose: DayCloseService;
  refunds: SharedRefunds;
  drawer: DrawerService;
  recentReceipts: RecentReceipts;
  /** What is left of counted products in these books. */
  stock: StockTally;
}

/** Every domain's handlers in one map: `Handlers` makes a missing or misspelt channel a compile error. */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...appHandlers(deps),
    ...preferencesHandlers(deps.settingsFile),
    ...catalogHandlers(deps.catalog, deps.stock),
    ...saleHandlers(deps.sales),
    ...discountHandlers(deps),
    ...couponsHandlers(deps.coupons, deps.issuer, deps.now, deps.sharedCoupons),
    ...historyHandlers(deps.history, deps.historyChanges),
    ...refundHandlers(deps.refunds, deps.settingsFile),
    ...dayHandlers(deps.dayClose),
    ...monthHandlers(deps.dayClose),
    ...paymentHandlers(deps.payments, deps.parts, deps.settlements),
    ...cashHandlers(deps.cash, deps.receiptStatus),
    ...staffHandlers(deps.staff),
    ...setupHandlers(deps.firstStart),
    ...settingsHandlers(deps.settings),
    ...registerHandlers(deps.drafts, deps.display),
    ...heldHandlers(deps.held),
    ...displayHandlers(deps.display),
    ...displaysHandlers({ settings: deps.settingsFile, monitors: deps.monitors, now: deps.now }),
    ...receiptHandlers(deps.settingsFile, deps.printer),
    ...drawerHandlers(deps.drawer),
    ...barHandlers(deps.calls, deps.settingsFile),
    ...ticketHandlers({ settings: deps.settingsFile, printer: deps.printer, calls: deps.calls, now: deps.now }),
    ...receiptsHandlers(deps.recentReceipts),
    ...updatesHandlers({ settings: deps.settingsFile, now: deps.now }),
    ...logHandlers(deps.cspLog),
    ...storeHandlers({ settings: deps.settingsFile, store: deps.store, now: deps.now }),
  };
}
