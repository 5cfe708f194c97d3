import {
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
import { refundState } from '../../../../shared/domain/refunds';
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

/**
 * The orders to call out: the business day's paid orders (a fully refunded one leaves), each
 * preparing until the bar marks it ready. Derived from the order book and the ready record on
 * disk, so a reload of any screen, or a restart, shows the same board. Rebuilt when something
 * may have changed it (a sale paid, a number called, a watch's wait over), never per keystroke.
 */
export class OrderCalls {
  private version = 1;
  private board: CallBoard = emptyCallBoard;
  private tickets: BarTicket[] = [];
  private day: string | null = null;
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
    if (order.callNumber === null || (order.status !== 'PAID' && order.refunds.length === 0)) return;
    void this.refresh().catch(() => undefined);
  }

  /** Builds the board again from the books; one rebuild at a time, each seeing the writes before it. */
  refresh(): Promise<void> {
    const next = this.turn.then(() => this.rebuild());
    this.turn = next.catch(() => undefined);
    return next;
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
    return { version: this.version, board: this.current(), tickets: structuredClone(this.tickets) };
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

  private async rebuild(): Promise<void> {
    const now = this.deps.now();
    const day = await this.deps.businessDayAt(now);
    const ready = this.deps.ready.readyOn(day);
    const called = (await this.deps.orders.ordersOfDay(day)).filter(
      (order): order is Order & { callNumber: number } =>
        order.status === 'PAID' && order.callNumber !== null && refundState(order.amount, order.refunds) !== 'full',
    );
    // Past the cap the board would break its schema, and the customer's screen would stop following.
    const preparing = called
      .filter((order) => !ready.has(order.orderId))
      .sort((a, b) => a.callNumber - b.callNumber)
      .slice(-PREPARING_SHOWN_MAX);
    const shownSince = now.getTime() - READY_SHOWN_MS;
    const board: CallBoard = {
      preparing: preparing.map((order) => ({ orderId: order.orderId, callNumber: order.callNumber })),
      ready: called
        .flatMap((order) => {
          const at = ready.get(order.orderId);
          return at === undefined || Date.parse(at) < shownSince
            ? []
            : [{ orderId: order.orderId, callNumber: order.callNumber, readyAt: at }];
        })
        .sort((a, b) => Date.parse(b.readyAt) - Date.parse(a.readyAt))
        .slice(0, READY_SHOWN_MAX),
    };
    this.tickets = preparing.map((order) => ticketFor(order, this.deps.catalog));
    this.day = day;
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
