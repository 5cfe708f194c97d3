import {
  callFactsOf,
  onCallBoard,
  PREPARING_SHOWN_MAX,
  READY_SHOWN_MAX,
  READY_SHOWN_MS,
  emptyCallBoard,
  type BarTicket,
  type CallBoard,
} from '../../../../shared/domain/call-board';
import { PosError } from '../../../../shared/domain/errors';
import type { Order } from '../../../../shared/domain/order';
import { orderTimeline } from '../../../../shared/domain/order-timeline';
import type { OrderBook } from '../../orders/order-book';
import type { CatalogFile } from '../catalog/catalog-file';
import { soldLine, type SoldNames } from '../display/customer-display';
import type { ReadyFile } from './ready-file';

/** How long a watch waits for a change before it looks again (a refund, a ready number timing out). */
export const CALLS_WAIT_MS = 20_000;

export interface OrderCallsDeps {
  orders: OrderBook;
  catalog: CatalogFile;
  ready: ReadyFile;
  /** The business day an instant belongs to (a sale after the day's Z goes to the next day). */
  businessDayAt: (at: Date) => Promise<string>;
  now: () => Date;
}

export interface CallsView {
  version: number;
  board: CallBoard;
  tickets: BarTicket[];
}

function paidAt(order: Order): string {
  return orderTimeline(order).find((event) => event.kind === 'paid')?.at ?? order.updatedAt;
}

function ticketFor(order: Order & { callNumber: number }, catalog: SoldNames): BarTicket {
  return {
    orderId: order.orderId,
    callNumber: order.callNumber,
    paidAt: paidAt(order),
    lines: order.lines.map((line) => {
      const { name, options, memo, quantity } = soldLine(line, catalog);
      return { name, options, memo, quantity };
    }),
    memo: order.memo,
  };
}

type Called = Order & { callNumber: number };

/**
 * One of the day's called orders as the board keeps it: the whole order only while it is being
 * made (the bar's ticket shows it), so the board's memory follows what is being made, not the day's sales.
 */
interface CalledEntry {
  orderId: string;
  callNumber: number;
  createdAt: string;
  /** When it was made relative to the others (for ties on the board). */
  rank: number;
  making: Called | null;
}

function isCalled(order: Order): order is Called {
  return onCallBoard(callFactsOf(order)) === true;
}

/**
 * The orders to call out: the business day's paid orders (a fully refunded one leaves), each
 * preparing until the bar marks it ready. Derived from the order book and the ready record on
 * disk, so a reload of any screen, or a restart, shows the same board. The day's orders are read
 * once (at start, and when the business day changes); after that the board takes each order the
 * book writes, so a sale costs the same at the day's 2,000th order as at its first.
 */
export class OrderCalls {
  private version = 1;
  private board: CallBoard = emptyCallBoard;
  private preparing: Called[] = [];
  private day: string | null = null;
  private called = new Map<string, CalledEntry>();
  private ranks = 0;
  private waiters: Array<() => void> = [];
  private readonly listeners: Array<() => void> = [];
  private turn: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: OrderCallsDeps) {}

  /** Called after every change of the board (the customer's screen follows it). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  current(): CallBoard {
    return structuredClone(this.board);
  }

  /**
   * Follows an order the book just wrote: one paid or refunded may change the board. Main's own
   * write is the trigger, not the register's screen, whose passing states may never be sent.
   */
  follow(order: Order): void {
    // A number is given when an order is paid: one without never was on the board.
    if (order.callNumber === null) return;
    const written = structuredClone(order);
    void this.take(() => this.apply(written)).catch(() => undefined);
  }

  /** Brings the board up to now (a ready number's time up, the business day changed); one change at a time. */
  refresh(): Promise<void> {
    return this.take(async () => {
      await this.dayNow();
      this.compose();
    });
  }

  async markReady(orderId: string): Promise<CallBoard> {
    await this.refresh();
    if (this.board.ready.some((entry) => entry.orderId === orderId)) return this.current();
    const day = this.day;
    if (day === null || !this.board.preparing.some((entry) => entry.orderId === orderId))
      throw new PosError('ORDER_NOT_FOUND', `${orderId} is not being prepared`);
    await this.deps.ready.markReady(orderId, day, this.deps.now().toISOString());
    await this.refresh();
    return this.current();
  }

  /** The board and the tickets once newer than `since`, or as they are after `waitMs`. */
  async watch(since: number, waitMs = CALLS_WAIT_MS): Promise<CallsView> {
    // A screen just opened: the board as the books say now.
    if (since === 0) await this.refresh();
    else if (this.version <= since) {
      const changed = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== wake);
          resolve(false);
        }, waitMs);
        const wake = () => {
          clearTimeout(timer);
          resolve(true);
        };
        this.waiters.push(wake);
      });
      if (!changed) await this.refresh();
    }
    return {
      version: this.version,
      board: this.current(),
      tickets: this.preparing.map((order) => ticketFor(order, this.deps.catalog)),
    };
  }

  /** A paid order's ticket (for the printed order ticket), whether or not it is still being made. */
  async ticketOf(orderId: string): Promise<BarTicket> {
    const order = await this.deps.orders.get(orderId);
    if (order?.status !== 'PAID' || order.callNumber === null)
      throw new PosError('ORDER_NOT_FOUND', `${orderId} is not a paid order`);
    return ticketFor({ ...order, callNumber: order.callNumber }, this.deps.catalog);
  }

  /** Lets every watcher answer now (the app is closing). */
  release(): void {
    this.publish();
  }

  private take(task: () => Promise<void>): Promise<void> {
    const next = this.turn.then(task);
    this.turn = next.catch(() => undefined);
    return next;
  }

  /**
   * The business day now. A day the board does not hold yet is read from the index's digests, and
   * only the orders still being made (the newest 500) from their own lines: reading the day's
   * journal whole would keep the day in memory, and every sale written after it.
   */
  private async dayNow(): Promise<string> {
    const day = await this.deps.businessDayAt(this.deps.now());
    if (day === this.day) return day;
    const ready = this.deps.ready.readyOn(day);
    this.called = new Map();
    this.ranks = 0;
    // The index lists the day newest first: ranks count up in the order the orders were made.
    for (const digest of [...(await this.deps.orders.digestsOfDay(day))].reverse()) {
      const shown = onCallBoard({ ...digest, status: digest.orderStatus, wholeRefund: null });
      if (shown === false) continue;
      if (shown === null) {
        const order = await this.deps.orders.get(digest.orderId);
        if (order !== null && isCalled(order)) this.keep(order);
        continue;
      }
      this.ranks += 1;
      const { orderId, callNumber, createdAt } = digest;
      // The rule shows only numbered orders.
      this.called.set(orderId, { orderId, callNumber: callNumber!, createdAt, rank: this.ranks, making: null });
    }
    const making = [...this.called.values()]
      .filter((entry) => entry.making === null && !ready.has(entry.orderId))
      .sort((a, b) => a.callNumber - b.callNumber)
      .slice(-PREPARING_SHOWN_MAX);
    for (const entry of making) {
      const order = await this.deps.orders.get(entry.orderId);
      if (order !== null && isCalled(order)) entry.making = order;
      else this.called.delete(entry.orderId);
    }
    this.day = day;
    return day;
  }

  private keep(order: Called): void {
    this.ranks += 1;
    this.called.set(order.orderId, {
      orderId: order.orderId,
      callNumber: order.callNumber,
      createdAt: order.createdAt,
      rank: this.called.get(order.orderId)?.rank ?? this.ranks,
      making: order,
    });
  }

  private async apply(order: Order): Promise<void> {
    const day = await this.dayNow();
    if (order.businessDay !== day) return;
    if (isCalled(order)) this.keep(order);
    else if (!this.called.delete(order.orderId)) return;
    this.compose();
  }

  private compose(): void {
    const day = this.day;
    if (day === null) return;
    const now = this.deps.now();
    const ready = this.deps.ready.readyOn(day);
    const called = [...this.called.values()];
    // A number called ready is never made again: its lines are let go of.
    for (const entry of called) if (ready.has(entry.orderId)) entry.making = null;
    const making = called
      .flatMap(({ making }) => (making === null ? [] : [making]))
      .sort((a, b) => a.callNumber - b.callNumber);
    const preparing = making.slice(-PREPARING_SHOWN_MAX);
    // Past the newest 500 a number leaves the board for good, and its lines are let go of: memory
    // stays bounded on a long day nobody calls numbers out (a shop without a bar).
    for (const order of making.slice(0, -PREPARING_SHOWN_MAX)) {
      const entry = this.called.get(order.orderId);
      if (entry !== undefined) entry.making = null;
    }
    const shownSince = now.getTime() - READY_SHOWN_MS;
    const board: CallBoard = {
      preparing: preparing.map((order) => ({ orderId: order.orderId, callNumber: order.callNumber })),
      ready: called
        .flatMap(({ orderId, callNumber, createdAt, rank }) => {
          const at = ready.get(orderId);
          return at === undefined || Date.parse(at) < shownSince
            ? []
            : [{ orderId, callNumber, readyAt: at, createdAt, rank }];
        })
        // Newest call first; called at the same instant, the order made last first.
        .sort(
          (a, b) =>
            Date.parse(b.readyAt) - Date.parse(a.readyAt) || b.createdAt.localeCompare(a.createdAt) || b.rank - a.rank,
        )
        .slice(0, READY_SHOWN_MAX)
        .map(({ orderId, callNumber, readyAt }) => ({ orderId, callNumber, readyAt })),
    };
    this.preparing = preparing;
    if (JSON.stringify(board) === JSON.stringify(this.board)) return;
    this.board = board;
    this.publish();
  }

  private publish(): void {
    this.version += 1;
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
    for (const listener of this.listeners) listener();
  }
}
