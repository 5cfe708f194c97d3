import { join } from 'node:path';
import { readdir } from 'node:fs/promises';
import { z } from 'zod';
import { orderSchema, type Order, type OrderStatus } from '../../../shared/domain/order';
import type { FileIo } from './file-io';
import { JsonDocument } from './json-document';

const dayFileSchema = z.strictObject({ orders: z.array(orderSchema) });
type DayFile = z.infer<typeof dayFileSchema>;

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.json$/;

/** Order ids start with their business day (YYYYMMDD-…), so a lookup opens one day's file. */
export function businessDayOfOrderId(orderId: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})-/.exec(orderId);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

/**
 * Orders split by business day (`orders/YYYY-MM-DD.json`): a sale rewrites one day's file,
 * never the whole history.
 */
export class OrderStore {
  private readonly days = new Map<string, Promise<JsonDocument<DayFile>>>();
  private readonly dir: string;

  constructor(
    dataDir: string,
    private readonly io: FileIo,
  ) {
    this.dir = join(dataDir, 'orders');
  }

  private day(businessDay: string): Promise<JsonDocument<DayFile>> {
    let doc = this.days.get(businessDay);
    if (!doc) {
      doc = JsonDocument.open(join(this.dir, `${businessDay}.json`), dayFileSchema, { orders: [] }, this.io);
      // A failed open (unreadable file) must not be cached: the next call tries again.
      doc.catch(() => this.days.delete(businessDay));
      this.days.set(businessDay, doc);
    }
    return doc;
  }

  async get(orderId: string): Promise<Order | null> {
    const businessDay = businessDayOfOrderId(orderId);
    if (!businessDay) return null;
    const doc = await this.day(businessDay);
    return structuredClone(doc.data.orders.find((o) => o.orderId === orderId) ?? null);
  }

  async insert(order: Order): Promise<void> {
    const doc = await this.day(order.businessDay);
    await doc.update((draft) => {
      if (draft.orders.some((o) => o.orderId === order.orderId)) throw new Error(`duplicate order id ${order.orderId}`);
      draft.orders.push(order);
    });
  }

  /** Applies `change` to a copy of the order and stores it; on any failure nothing changes. */
  async update(orderId: string, change: (order: Order) => void): Promise<Order> {
    const businessDay = businessDayOfOrderId(orderId);
    if (!businessDay) throw new Error(`not an order id: ${orderId}`);
    const doc = await this.day(businessDay);
    return doc.update((draft) => {
      const order = draft.orders.find((o) => o.orderId === orderId);
      if (!order) throw new Error(`no order ${orderId}`);
      change(order);
      return structuredClone(order);
    });
  }

  /** Orders in a state, over the most recent `dayCount` business days that have a file. */
  async findByStatus(status: OrderStatus, dayCount: number): Promise<Order[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const days = names
      .map((name) => DAY_FILE.exec(name)?.[1])
      .filter((day): day is string => day !== undefined)
      .sort()
      .slice(-dayCount);
    const found: Order[] = [];
    for (const businessDay of days) {
      const doc = await this.day(businessDay);
      found.push(...doc.data.orders.filter((o) => o.status === status).map((o) => structuredClone(o)));
    }
    return found;
  }
}
