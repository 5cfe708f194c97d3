import { PosError } from '../../../shared/domain/errors';
import type { HistoryFilter, HistoryPage, HistoryTotals } from '../../../shared/domain/history';
import type { Order } from '../../../shared/domain/order';
import type { OrderStore } from '../store/order-store';
import { historyCsv } from './history-csv';
import { digestOf, inFilter, rowOf, type OrderDigest } from './order-digest';

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
    if (typeof parsed.day === 'string' && typeof parsed.orderId === 'string') return { day: parsed.day, orderId: parsed.orderId };
  } catch {
    // Falls through to the refusal below.
  }
  throw new PosError('INVALID_INPUT', 'not a history cursor');
}

/** The manager's view of past orders: a filtered newest-first list in pages, range totals, one order whole, CSV. */
export class HistoryService {
  constructor(private readonly orders: OrderStore) {}

  /** The matching orders, newest first; a page starts after the cursor's order. */
  async list(filter: HistoryFilter, cursor: string | undefined, limit: number): Promise<HistoryPage> {
    const after = cursor === undefined ? null : decodeCursor(cursor);
    const rows: OrderDigest[] = [];
    let passed = after === null;
    // The cursor's order is found whatever it is now (refunded since, say), so no page is skipped.
    for await (const order of this.orders.ordersBetween(filter.from, after?.day ?? filter.to)) {
      if (!passed) {
        passed = order.orderId === after?.orderId;
        continue;
      }
      const digest = digestOf(order);
      if (!inFilter(digest, filter)) continue;
      rows.push(digest);
      if (rows.length > limit) break;
    }
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { rows: page.map(rowOf), next: rows.length > limit && last ? encodeCursor({ day: last.businessDay, orderId: last.orderId }) : null };
  }

  async totals(from: string, to: string): Promise<HistoryTotals> {
    const byMethod = new Map<string, { orders: number; paid: number; refunded: number }>();
    for await (const order of this.orders.ordersBetween(from, to)) {
      const digest = digestOf(order);
      if (digest.training || digest.status === 'unpaid') continue;
      const method = digest.method ?? 'none';
      const sums = byMethod.get(method) ?? { orders: 0, paid: 0, refunded: 0 };
      sums.orders += 1;
      sums.paid += digest.amount;
      sums.refunded += digest.refunded;
      byMethod.set(method, sums);
    }
    const methods = [...byMethod].map(([method, sums]) => ({ method, ...sums })).sort((a, b) => b.paid - a.paid);
    return {
      orders: methods.reduce((sum, m) => sum + m.orders, 0),
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

  async export(filter: HistoryFilter): Promise<{ fileName: string; csv: string }> {
    const digests: OrderDigest[] = [];
    for await (const digest of this.matching(filter)) digests.push(digest);
    return { fileName: `orders-${filter.from}-${filter.to}.csv`, csv: historyCsv(digests) };
  }

  private async *matching(filter: HistoryFilter): AsyncGenerator<OrderDigest> {
    for await (const order of this.orders.ordersBetween(filter.from, filter.to)) {
      const digest = digestOf(order);
      if (inFilter(digest, filter)) yield digest;
    }
  }
}
