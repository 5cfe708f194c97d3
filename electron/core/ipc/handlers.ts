import type { Notice } from '../../../shared/domain/notices';
import type { Handlers } from '../../../shared/ipc/handlers';
import { appHandlers } from '../app/app-handlers';
import { catalogHandlers } from '../catalog/catalog-handlers';
import type { CatalogStore } from '../catalog/catalog-store';
import type { CouponBook } from '../coupons/coupon-book';
import { couponHandlers } from '../coupons/coupon-handlers';
import type { CouponIssuer } from '../coupons/coupon-issuer';
import { dayCloseHandlers } from '../day-close/day-close-handlers';
import type { DayCloseService } from '../day-close/day-close-service';
import type { CashSaleService } from '../cash/cash-sale-service';
import type { DiscountApprovals } from '../discounts/discount-approvals';
import { historyHandlers } from '../history/history-handlers';
import type { HistoryService } from '../history/history-service';
import type { SettlementBoard } from '../reconcile/settlement-board';
import { receiptHandlers } from '../receipts/receipt-handlers';
import type { ReceiptPrinter } from '../receipts/receipt-printer';
import type { RefundService } from '../refunds/refund-service';
import { paymentHandlers } from '../payments/payment-handlers';
import type { PaymentService } from '../payments/payment-service';
import type { TossEndpoints } from '../payments/toss-endpoints';
import { orderHandlers } from '../sales/order-handlers';
import type { OrderService } from '../sales/order-service';
import type { CustomerDisplay } from '../register/customer-display';
import type { RegisterDraftStore } from '../register/register-draft-store';
import { displayHandlers, registerHandlers } from '../register/register-handlers';
import { preferenceHandlers } from '../settings/preference-handlers';
import { settingsHandlers } from '../settings/settings-handlers';
import type { SettingsService } from '../settings/settings-service';
import type { SettingsStore } from '../settings/settings-store';
import { staffHandlers } from '../staff/staff-handlers';
import type { StaffService } from '../staff/staff-service';

/** What both books' handlers share: the shop (catalog, staff, settings) and the shell. */
export interface ShopHandlerDeps {
  endpoints: TossEndpoints;
  notices: readonly Notice[];
  catalog: CatalogStore;
  staff: StaffService;
  settings: SettingsService;
  settingsStore: SettingsStore;
  /** The shell's printer; null where the page prints itself (the browser host). */
  printer: ReceiptPrinter | null;
  now: () => Date;
}

/** One mode's books: its orders, payments, coupons, register and records. */
export interface HandlerDeps extends ShopHandlerDeps {
  orders: OrderService;
  payments: PaymentService;
  cash: CashSaleService;
  settlements: SettlementBoard;
  drafts: RegisterDraftStore;
  display: CustomerDisplay;
  coupons: CouponBook;
  issuer: CouponIssuer;
  approvals: DiscountApprovals;
  history: HistoryService;
  dayClose: DayCloseService;
  refunds: RefundService;
}

/** Every domain's handlers in one map: `Handlers` makes a missing or misspelt channel a compile error. */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...appHandlers(deps),
    ...preferenceHandlers(deps.settingsStore),
    ...catalogHandlers(deps.catalog),
    ...orderHandlers(deps),
    ...couponHandlers(deps.coupons, deps.issuer, deps.now),
    ...historyHandlers(deps.history, deps.refunds, deps.settingsStore),
    ...dayCloseHandlers(deps.dayClose),
    ...paymentHandlers(deps.payments, deps.cash, deps.settlements),
    ...staffHandlers(deps.staff),
    ...settingsHandlers(deps.settings),
    ...registerHandlers(deps.drafts, deps.display),
    ...displayHandlers(deps.display),
    ...receiptHandlers(deps.settingsStore, deps.printer),
  };
}
