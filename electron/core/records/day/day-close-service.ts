import {
  dayAfter,
  type DayCloseSummary,
  type DayFigures,
  type DayReport,
  type DayView,
  type DayMatch,
} from '../../../../shared/domain/day-close';
import type { CsvHeaders } from '../../../../shared/domain/csv-headers';
import type { DrawerShiftView } from '../../../../shared/domain/drawer';
import { PosError } from '../../../../shared/domain/errors';
import { sumWon } from '../../../../shared/domain/money';
import { seoulDay, seoulIso } from '../../../../shared/domain/time';
import type { Logger } from '../../platform/log/logger';
import type { TossClient } from '../../toss/toss-client';
import { TossApiError, TossUnreachableError } from '../../toss/toss-errors';
import { isCancel } from '../../toss/toss-transaction';
import type { OrderBook } from '../../orders/order-book';
import type { DayCalendar } from '../../orders/days/day-calendar';
import { dayCloseCsv } from './day-close-csv';
import type { DayCloseFile } from '../../orders/days/day-close-file';
import { dayFigures } from './day-figures';
import { matchDay, type DayBooks } from './day-match';
import type { ShopReader } from '../../orders/shared-store/shop-orders';
import { shopDayOrders } from './shop-day-orders';

export interface DayCloseDeps {
  orders: OrderBook;
  calendar: DayCalendar;
  closes: DayCloseFile;
  toss: TossClient;
  training: () => boolean;
  /** Gives up an open order (its coupon is freed): what a close does to the day's carts left waiting for payment. */
  abandon: (orderId: string) => Promise<unknown>;
  /** The cash drawer's shifts opened in a business day, with their figures. */
  drawerShifts: (day: string) => Promise<DrawerShiftView[]>;
  now: () => Date;
  log: Logger;
  /** The whole shop's orders on its shared store (the live books only): the open day's figures, X report and CSV are the shop's. */
  shop?: () => ShopReader | null;
}

/** How many closed days the list offers. */
export const CLOSES_LISTED = 60;

/**
 * The day close: a business day's figures and how they stand against Toss, as an X report (the
 * day so far) or a Z report (the day closed: its figures kept as they were, later sales in the
 * next day). Refunds count on the day they were made. Nothing here changes a sale or a refund.
 */
export class DayCloseService {
  constructor(private readonly deps: DayCloseDeps) {}

  /** The business day a sale made now belongs to, by main's clock: the next day once today's Z is made. */
  today(): Promise<string> {
    return this.deps.calendar.businessDayAt(this.deps.now());
  }

  async view(day: string): Promise<DayView> {
    const close = await this.deps.closes.get(day);
    const open = close === null ? await this.shopBooks(day) : null;
    return {
      currentDay: await this.deps.calendar.businessDayAt(this.deps.now()),
      figures: close?.figures ?? (open === null ? await this.figures(day) : this.figuresOf(day, open)),
      close,
      closable:
        close !== null
          ? 'closed'
          : day > seoulDay(this.deps.now())
            ? 'not-started'
            : this.deps.training()
              ? 'training'
              : null,
      ...(open?.source === undefined ? {} : { source: open.source }),
    };
  }

  /** The books of a day for its figures: in a shop of several registers, every register's orders (saying whose). */
  private async shopBooks(day: string): Promise<DayBooks & { source?: DayView['source'] }> {
    const window = await this.deps.calendar.window(day);
    return {
      window,
      ...(await shopDayOrders({ orders: this.deps.orders, shop: this.deps.shop, log: this.deps.log }, day)),
    };
  }

  /** The books of a day: its own orders, and every order refunded during it. */
  private async books(day: string): Promise<DayBooks> {
    const window = await this.deps.calendar.window(day);
    const dayOrders = (await this.deps.orders.businessDays()).includes(day)
      ? await this.deps.orders.ordersOfDay(day)
      : [];
    // A day's window starts at midnight, or the evening before if that day closed early.
    const refunded = await this.deps.orders.refundedOn([dayAfter(day, -1), day]);
    return { window, dayOrders, refunded };
  }

  async figures(day: string): Promise<DayFigures> {
    return this.figuresOf(day, await this.shopBooks(day));
  }

  /** Training's books are a rehearsal: their sales are counted, and the figures say they are practice. */
  private figuresOf(day: string, books: DayBooks): DayFigures {
    return dayFigures(day, books.window, books.dayOrders, books.refunded, this.deps.training());
  }

  /** The day checked against Toss's transactions; in training there is no real Toss to ask. */
  async match(day: string): Promise<DayMatch> {
    return this.matchBooks(await this.books(day));
  }

  private async matchBooks(books: DayBooks): Promise<DayMatch> {
    const checkedAt = seoulIso(this.deps.now());
    if (this.deps.training())
      return {
        status: 'unavailable',
        reason: 'training',
        checkedAt,
        detail: 'training mode: the simulator holds no real payments',
      };
    try {
      const transactions = await this.deps.toss.listTransactions({
        startDate: books.window.from,
        endDate: books.window.until,
      });
      const mismatches = await matchDay(books, {
        transactions,
        order: (orderId) => this.deps.orders.get(orderId),
        payment: (paymentKey) =>
          this.deps.toss.getPayment(paymentKey).catch((error: unknown) => {
            if (error instanceof TossApiError && error.status === 404) return null;
            throw error;
          }),
      });
      return {
        status: 'checked',
        checkedAt,
        transactions: transactions.length,
        tossApproved: sumWon(transactions.filter((t) => !isCancel(t)).map((t) => t.amount)),
        tossCanceled: sumWon(transactions.filter(isCancel).map((t) => t.amount)),
        mismatches,
      };
    } catch (error) {
      this.deps.log.warn('the day could not be matched against Toss', { error });
      if (error instanceof TossApiError)
        return {
          status: 'unavailable',
          reason: 'toss-refused',
          checkedAt,
          detail: `${error.code}: ${error.message}`.slice(0, 600),
        };
      if (error instanceof TossUnreachableError)
        return { status: 'unavailable', reason: 'toss-unreachable', checkedAt, detail: error.message };
      throw error;
    }
  }

  /** The X report: the day so far, with Toss's view of it; nothing is closed or kept. */
  async xReport(day: string, by: string): Promise<DayReport> {
    if ((await this.deps.closes.get(day)) !== null)
      throw new PosError('DAY_ALREADY_CLOSED', `${day} is already closed`);
    const shop = await this.shopBooks(day);
    return {
      kind: 'X',
      day,
      at: seoulIso(this.deps.now()),
      by,
      figures: this.figuresOf(day, shop),
      reconciliation: await this.matchBooks(await this.books(day)),
      drawers: await this.deps.drawerShifts(day),
      ...(shop.source === undefined ? {} : { source: shop.source }),
    };
  }

  /**
   * A practice Z, in training only: the training day's figures as a close would freeze them,
   * refused where the real close would be (a day not started, work still being settled). Nothing
   * is closed, kept or given up: the training day goes on, and the live books are other files.
   */
  async practiceClose(day: string, by: string): Promise<DayReport> {
    if (!this.deps.training())
      throw new PosError('DAY_PRACTICE_OUTSIDE_TRAINING', 'a practice close is made in training mode only');
    if (day > seoulDay(this.deps.now())) throw new PosError('DAY_NOT_STARTED', `${day} has not started`);
    const books = await this.books(day);
    const figures = this.figuresOf(day, books);
    const { payments, refunds, partlyPaid } = figures.unsettled;
    if (payments > 0 || refunds > 0 || partlyPaid > 0)
      throw new PosError('DAY_HAS_OPEN_WORK', `${day} has work being settled`, {
        retryable: true,
        details: { payments, refunds, partlyPaid },
      });
    return {
      kind: 'Z',
      day,
      at: seoulIso(this.deps.now()),
      by,
      figures,
      reconciliation: await this.matchBooks(books),
      drawers: await this.deps.drawerShifts(day),
    };
  }

  /**
   * The Z report: closes the day. From this instant new sales and refunds belong to the next
   * day; the day's carts still waiting for payment are given up; a payment or refund still
   * being settled with Toss holds the close back (it would change the figures after), and so
   * does an order partly paid in parts (paid in full, or its parts refunded, first). The
   * report is kept as it is, for good.
   */
  async close(day: string, by: string): Promise<DayReport> {
    if (this.deps.training()) throw new PosError('DAY_CLOSE_IN_TRAINING', 'a day is not closed in training mode');
    if (day > seoulDay(this.deps.now())) throw new PosError('DAY_NOT_STARTED', `${day} has not started`);
    const at = seoulIso(this.deps.now());
    await this.deps.calendar.beginClose(day, at);
    try {
      const waiting = (await this.books(day)).dayOrders.filter((order) => order.status === 'PENDING');
      for (const order of waiting) await this.deps.abandon(order.orderId);
      const books = await this.books(day);
      const figures = dayFigures(day, books.window, books.dayOrders, books.refunded);
      const { payments, refunds, partlyPaid } = figures.unsettled;
      if (payments > 0 || refunds > 0 || partlyPaid > 0) {
        throw new PosError(
          'DAY_HAS_OPEN_WORK',
          `${day} has ${payments} payments and ${refunds} refunds being settled, and ${partlyPaid} orders partly paid`,
          { retryable: true, details: { payments, refunds, partlyPaid } },
        );
      }
      const report: DayReport = {
        kind: 'Z',
        day,
        at,
        by,
        figures,
        reconciliation: await this.matchBooks(books),
        drawers: await this.deps.drawerShifts(day),
      };
      await this.deps.closes.save(report);
      this.deps.log.info('business day closed', { day, by, net: figures.net, abandoned: waiting.length });
      return report;
    } finally {
      this.deps.calendar.endClose(day);
    }
  }

  /** The closed days, newest first. */
  async closes(): Promise<DayCloseSummary[]> {
    const found: DayCloseSummary[] = [];
    for (const day of await this.deps.closes.closedDays(CLOSES_LISTED)) {
      const report = await this.deps.closes.get(day);
      if (report === null) continue;
      const { reconciliation } = report;
      found.push({
        day,
        closedAt: report.at,
        by: report.by,
        net: report.figures.net,
        mismatches: reconciliation.status === 'checked' ? reconciliation.mismatches.length : null,
      });
    }
    return found;
  }

  /** The day as CSV: a closed day as its Z report has it, an open day as it stands (not checked with Toss). */
  async export(day: string, headers?: CsvHeaders): Promise<{ fileName: string; csv: string }> {
    const close = await this.deps.closes.get(day);
    const csv =
      close === null
        ? dayCloseCsv(await this.figures(day), { closed: false }, null, headers, await this.deps.drawerShifts(day))
        : dayCloseCsv(
            close.figures,
            { closed: true, at: close.at, by: close.by },
            close.reconciliation,
            headers,
            close.drawers,
          );
    return { fileName: `day-close-${day}.csv`, csv };
  }
}
