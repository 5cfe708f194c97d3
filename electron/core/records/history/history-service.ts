import type { CsvHeaders } from '../../../../shared/domain/csv-headers';
import { PosError } from '../../../../shared/domain/errors';
import type { HistoryFilter, HistoryPage, HistoryTotals } from '../../../../shared/domain/history';
import type { Order } from '../../../../shared/domain/order';
import type { OrderBook } from '../../orders/order-book';
import { historyCsv } from './history-csv';
import { digestOf, inFilter, rowOf, type OrderDigest } from '../../orders/index/order-digest';

interface Cursor {
  day: string;
  orderId: string;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

function decodeCursor(text: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (typeof parsed.day === 'string' && typeof parsed.orderId === 'string')
      return { day: parsed.day, orderId: parsed.orderId };
  } catch {
    // Falls through to the refusal below.
  }
  throw new PosError('INVALID_INPUT', 'not a history cursor');
}

/** An approval number as Toss gives them: eight digits. Searched through the approval index, over all history. */
const APPROVAL = /^\d{8}$/;

/**
 * The manager's view of past orders, read from the order index, never from whole journals: a
 * filtered newest-first list in pages (a day at a time, only the days in range), range totals
 * from the day summaries, one order whole, CSV.
 */
export class HistoryService {
  constructor(private readonly orders: OrderBook) {}

  /** The matching orders, newest first; a page starts after the cursor's order. */
  async list(filter: HistoryFilter, cursor: string | undefined, limit: number): Promise<HistoryPage> {
    const after = cursor === undefined ? null : decodeCursor(cursor);
    const rows: OrderDigest[] = [];
    for await (const digest of this.matching(filter, after)) {
      rows.push(digest);
      if (rows.length > limit) break;
    }
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const catchingUp = await this.orders.rebuildProgress();
    return {
      rows: page.map(rowOf),
      next: rows.length > limit && last ? encodeCursor({ day: last.businessDay, orderId: last.orderId }) : null,
      ...(catchingUp === null ? {} : { catchingUp }),
    };
  }

  async totals(from: string, to: string): Promise<HistoryTotals> {
    const byMethod = new Map<string, { orders: number; paid: number; refunded: number }>();
    let orders = 0;
    for (const summary of await this.orders.summaries(await this.orders.daysBetween(from, to))) {
      orders += summary.orders ?? Object.values(summary.byMethod).reduce((sum, day) => sum + day.orders, 0);
      for (const [method, day] of Object.entries(summary.byMethod)) {
        const sums = byMethod.get(method) ?? { orders: 0, paid: 0, refunded: 0 };
        sums.orders += day.orders;
        sums.paid += day.paid;
        sums.refunded += day.refunded;
        byMethod.set(method, sums);
      }
    }
    const methods = [...byMethod].map(([method, sums]) => ({ method, ...sums })).sort((a, b) => b.paid - a.paid);
    return {
      // An order paid in parts is in more than one method's count, and once here.
      orders,
      paid: methods.reduce((sum, m) => sum + m.paid, 0),
      refunded: methods.reduce((sum, m) => sum + m.refunded, 0),
      byMethod: methods,
    };
  }

  async order(orderId: string): Promise<Order> {
    const order = await this.orders.get(orderId);
    if (!order) throw new PosError('ORDER_NOT_FOUND', `no order ${orderId}`);
    return order;
  }

  /**
   * The filtered list as CSV, with its lines' options and the memos: the orders are read whole,
   * one day's journal at a time (not one read per order).
   */
  async export(filter: HistoryFilter, headers?: CsvHeaders): Promise<{ fileName: string; csv: string }> {
    const digests: OrderDigest[] = [];
    for await (const digest of this.matching(filter, null)) digests.push(digest);
    const byDay = new Map<string, Map<string, Order>>();
    for (const day of new Set(digests.map((digest) => digest.businessDay)))
      byDay.set(day, new Map((await this.orders.ordersOfDay(day)).map((order) => [order.orderId, order])));
    const listed = digests.map((digest) => ({
      digest,
      order: byDay.get(digest.businessDay)?.get(digest.orderId) ?? null,
    }));
    return { fileName: `orders-${filter.from}-${filter.to}.csv`, csv: historyCsv(listed, headers) };
  }

  /** The days of the range, newest first, less those whose summary says nothing there can match the status or training filter. */
  private async daysWorthReading(filter: HistoryFilter, after: Cursor | null): Promise<string[]> {
    const days = await this.orders.daysBetween(filter.from, after?.day ?? filter.to);
    if (filter.status === undefined && filter.training === undefined) return days;
    const summaries = await this.orders.summaries(days);
    return days.filter((day, i) => {
      const counts = summaries[i]?.counts;
      if (counts === undefined || day === after?.day) return true;
      if (filter.status !== undefined && counts[filter.status] === 0) return false;
      return filter.training === undefined || counts[filter.training ? 'training' : 'real'] > 0;
    });
  }

  /** The matching digests newest first, after the cursor's order (found whatever it is now, so no page is skipped). */
  private async *matching(filter: HistoryFilter, after: Cursor | null): AsyncGenerator<OrderDigest> {
    if (filter.search !== undefined && APPROVAL.test(filter.search.trim())) {
      const approved = await this.orders.byApproval(filter.search.trim());
      if (approved.length > 0) {
        // An approval number names its order wherever it is in history, whatever the range.
        const others: HistoryFilter = { ...filter, from: '0000-01-01', to: '9999-12-31' };
        delete others.search;
        yield* approved.map(digestOf).filter((digest) => inFilter(digest, others) && digest.orderId !== after?.orderId);
        return;
      }
    }
    let passed = after === null;
    const search = filter.search?.trim();
    for (const day of await this.daysWorthReading(filter, after)) {
      // A search looks into an old day through its candidates; the cursor's day is read whole, to find the cursor's order.
      const candidates =
        search !== undefined && day !== after?.day ? await this.orders.candidatesOfDay(day, search) : null;
      for (const digest of candidates ?? (await this.orders.digestsOfDay(day))) {
        if (!passed) {
          passed = digest.orderId === after?.orderId;
          continue;
        }
        if (inFilter(digest, filter)) yield digest;
      }
    }
  }
}
