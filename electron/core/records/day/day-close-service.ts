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
import type { Order } from '../../../../shared/domain/order';
import type { ShopCloseNote, ShopDay } from '../../../../shared/domain/shop-day';
import { sumWon } from '../../../../shared/domain/money';
import { seoulDay, seoulIso } from '../../../../shared/domain/time';
import type { Logger } from '../../platform/log/logger';
import type { TossClient } from '../../toss/toss-client';
import { TossApiError, TossUnreachableError } from '../../toss/toss-errors';
import { isCancel } from '../../toss/toss-transaction';
import type { OrderBook } from '../../orders/order-book';
import type { ShopDayStore, StoreRegister } from '../../orders/shared-store/shop-day-store';
import type { DayCalendar } from '../../orders/days/day-calendar';
import { dayCloseCsv } from './day-close-csv';
import type { DayCloseFile } from '../../orders/days/day-close-file';
import { dayFigures } from './day-figures';
import { matchDay, type DayBooks } from './day-match';
import { readShopBooks, type ShopBooks, type ShopLink } from './shop-day-books';
import type { ShopReader } from '../../orders/shop-order-reader';
import { shopDayOrders } from './shop-day-orders';
import { readShopMonth, type ShopMonthFacts } from './shop-month-facts';
import type { HistorySource } from '../../../../shared/domain/history';

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
  /** The shop's shared store for the day close (the live books only): the X and Z reports are then the shop's, matched with Toss once. */
  shopDay?: ShopLink;
}

/** What the shop's store says of a day for a report: nothing (no store), why it could not be read, its close elsewhere, or its books. */
type ShopPart =
  | { kind: 'none' }
  | { kind: 'offline'; detail: string }
  | { kind: 'closed'; note: ShopCloseNote }
  | { kind: 'shop'; store: ShopDayStore; me: StoreRegister; shop: ShopBooks };

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
    // The shop read once: its books give both the figures and the registers' parts; without them, history's reader (with its banner).
    const shopDay = close === null ? await this.openShopDay(day) : null;
    const open = close === null ? (shopDay?.books ?? (await this.shopBooks(day))) : null;
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
      shopClose: close === null ? await this.shopCloseElsewhere(day) : null,
      ...(shopDay === null ? {} : { shop: shopDay.shop }),
    };
  }

  /**
   * The open day register by register, as the store has it now, with the shop's books it was made
   * from (null when the store cannot say: the figures then come from history's reader, whose banner tells).
   */
  private async openShopDay(
    day: string,
  ): Promise<{ shop: ShopDay; books: DayBooks & { source: DayView['source'] } } | null> {
    const store = this.shopStore();
    const link = this.deps.shopDay;
    if (store === null || link === undefined) return null;
    try {
      const me = await link.register();
      const shop = await readShopBooks(
        store,
        me,
        day,
        await this.books(day),
        await this.deps.drawerShifts(day),
        this.deps.now(),
      );
      return {
        shop: { status: 'shop', madeOn: me, registers: shop.registers },
        books: { ...shop.books, source: 'shop' },
      };
    } catch (error) {
      this.deps.log.warn('the open day could not be read register by register', { error });
      return null;
    }
  }

  /** The books of a day for its figures: in a shop of several registers, every register's orders (saying whose). */
  private async shopBooks(day: string): Promise<DayBooks & { source?: DayView['source'] }> {
    const window = await this.deps.calendar.window(day);
    return {
      window,
      ...(await shopDayOrders({ orders: this.deps.orders, shop: this.deps.shop, log: this.deps.log }, day)),
    };
  }

  /** The shop's close of the day made on another register, when the store can say (null when it cannot). */
  private async shopCloseElsewhere(day: string): Promise<ShopCloseNote | null> {
    const store = this.shopStore();
    if (store === null) return null;
    try {
      const found = await store.closeOf(day);
      return found === null ? null : { closedOn: found.closedOn, at: found.at, by: found.by };
    } catch (error) {
      this.deps.log.warn('the shop’s day close could not be read', { error });
      return null;
    }
  }

  /** The store, for the live books of a register on one while it answers. */
  private shopStore(): ShopDayStore | null {
    const link = this.deps.shopDay;
    if (link === undefined || this.deps.training() || !link.online()) return null;
    return link.store();
  }

  /**
   * The shop's side of a report: the whole shop's books (this register's lines sent first, so the
   * store has them), or that its day was closed on another register, or why the store was not read.
   */
  private async shopPart(day: string, own: DayBooks, drawers: DrawerShiftView[]): Promise<ShopPart> {
    const link = this.deps.shopDay;
    if (link === undefined || this.deps.training() || link.store() === null) return { kind: 'none' };
    await link.flush();
    const store = this.shopStore();
    if (store === null) return { kind: 'offline', detail: 'the shared store does not answer' };
    try {
      const me = await link.register();
      const closed = await store.closeOf(day);
      if (closed !== null && closed.closedOn.id !== me.id)
        return { kind: 'closed', note: { closedOn: closed.closedOn, at: closed.at, by: closed.by } };
      return { kind: 'shop', store, me, shop: await readShopBooks(store, me, day, own, drawers, this.deps.now()) };
    } catch (error) {
      this.deps.log.warn('the shop’s books could not be read: this register’s day alone', { error });
      return { kind: 'offline', detail: (error instanceof Error ? error.message : String(error)).slice(0, 600) };
    }
  }

  /** A report of the day: this register's, or the shop's when the store answers (the Toss check then made once, over every register). */
  private async report(
    kind: 'X' | 'Z',
    day: string,
    at: string,
    by: string,
    own: DayBooks,
    drawers: DrawerShiftView[],
    part: ShopPart,
  ): Promise<DayReport> {
    const base = { kind, day, at, by, drawers, reconciliation: await this.shopMatch(own, part) };
    switch (part.kind) {
      case 'none':
        return { ...base, figures: this.figuresOf(day, own) };
      case 'offline':
        return {
          ...base,
          figures: this.figuresOf(day, own),
          source: 'this-register',
          shop: { status: 'store-offline', detail: part.detail },
        };
      case 'closed':
        return { ...base, figures: this.figuresOf(day, own), shop: { status: 'closed-by-shop', ...part.note } };
      case 'shop': {
        const { books, registers } = part.shop;
        return {
          ...base,
          figures: dayFigures(day, books.window, books.dayOrders, books.refunded),
          source: 'shop',
          shop: { status: 'shop', madeOn: part.me, registers },
        };
      }
    }
  }

  /**
   * The day against Toss: this register's books alone without a store; every register's with
   * one, so another register's sale is no orphan. Not made while the store cannot be read (this
   * register's books alone would call the others' sales orphans), nor once the shop's close on
   * another register has made it.
   */
  private async shopMatch(own: DayBooks, part: ShopPart): Promise<DayMatch> {
    const checkedAt = seoulIso(this.deps.now());
    switch (part.kind) {
      case 'none':
        return this.matchBooks(own);
      case 'offline':
        return { status: 'unavailable', reason: 'store-offline', checkedAt, detail: part.detail };
      case 'closed':
        return {
          status: 'unavailable',
          reason: 'shop-checked',
          checkedAt,
          detail: `checked with the shop's close on ${part.note.closedOn.name}`,
        };
      case 'shop':
        return this.matchBooks(
          part.shop.books,
          async (orderId) => (await part.store.orders.byId(orderId))?.order ?? null,
        );
    }
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

  /** This register's day as its own close and books have it, the store never read: its Z once closed, else its books so far. */
  async ownDay(day: string): Promise<{ close: DayReport | null; figures: DayFigures }> {
    const close = await this.deps.closes.get(day);
    return { close, figures: close?.figures ?? this.figuresOf(day, await this.books(day)) };
  }

  /** The open day's figures, the shop's on a shared store (`source` says when they are this register's only). */
  async openFigures(day: string): Promise<{ figures: DayFigures; source?: HistorySource }> {
    const books = await this.shopBooks(day);
    return { figures: this.figuresOf(day, books), ...(books.source === undefined ? {} : { source: books.source }) };
  }

  /**
   * What the shop's store says of a month's days (its closes, who else was busy): null without a
   * store (or in training), 'offline' while it cannot be read, so the month is this register's.
   */
  async shopMonth(days: readonly string[]): Promise<ShopMonthFacts | 'offline' | null> {
    const link = this.deps.shopDay;
    const reader = this.deps.shop?.() ?? null;
    if (link === undefined || this.deps.training() || link.store() === null || reader === null) return null;
    const store = this.shopStore();
    if (store === null) return 'offline';
    try {
      return await readShopMonth(store, reader, days);
    } catch (error) {
      this.deps.log.warn('the month: the shared store could not be read; this register’s days are counted', { error });
      return 'offline';
    }
  }

  /** Training's books are a rehearsal: their sales are counted, and the figures say they are practice. */
  private figuresOf(day: string, books: DayBooks): DayFigures {
    return dayFigures(day, books.window, books.dayOrders, books.refunded, this.deps.training());
  }

  /** The day checked against Toss's transactions; in training there is no real Toss to ask. */
  async match(day: string): Promise<DayMatch> {
    const books = await this.books(day);
    // The drawers are not part of a check: the shop's books are read without them.
    return this.shopMatch(books, await this.shopPart(day, books, []));
  }

  /** `elsewhere`: an order this register's books lack, looked for in the shop's store. */
  private async matchBooks(books: DayBooks, elsewhere?: (orderId: string) => Promise<Order | null>): Promise<DayMatch> {
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
        order: async (orderId) => (await this.deps.orders.get(orderId)) ?? (await elsewhere?.(orderId)) ?? null,
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
    const books = await this.books(day);
    const drawers = await this.deps.drawerShifts(day);
    return this.report(
      'X',
      day,
      seoulIso(this.deps.now()),
      by,
      books,
      drawers,
      await this.shopPart(day, books, drawers),
    );
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
      const drawers = await this.deps.drawerShifts(day);
      const report = await this.shopClose(day, at, by, books, drawers);
      await this.deps.closes.save(report);
      this.deps.log.info('business day closed', { day, by, net: figures.net, abandoned: waiting.length });
      return report;
    } finally {
      this.deps.calendar.endClose(day);
    }
  }

  /**
   * The Z report of this register, the shop's when the store answers and no other register
   * closed the shop's day: kept in the store then, the first register's close of the day holding it.
   * Beaten to it by another register, this one's close is of its own books; the store gone
   * meanwhile, of its own books with the banner.
   */
  private async shopClose(
    day: string,
    at: string,
    by: string,
    books: DayBooks,
    drawers: DrawerShiftView[],
  ): Promise<DayReport> {
    const part = await this.shopPart(day, books, drawers);
    const report = await this.report('Z', day, at, by, books, drawers, part);
    if (part.kind !== 'shop') return report;
    try {
      if (await part.store.claimClose(part.me, report)) return report;
      const first = await part.store.closeOf(day);
      if (first !== null)
        return this.report('Z', day, at, by, books, drawers, {
          kind: 'closed',
          note: { closedOn: first.closedOn, at: first.at, by: first.by },
        });
    } catch (error) {
      this.deps.log.warn('the shop’s close could not be kept in the store: this register’s day alone', { error });
    }
    return this.report('Z', day, at, by, books, drawers, {
      kind: 'offline',
      detail: 'the shared store did not keep the shop’s close',
    });
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
            close.shop,
          );
    return { fileName: `day-close-${day}.csv`, csv };
  }
}
