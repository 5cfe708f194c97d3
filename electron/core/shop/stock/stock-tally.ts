import { lineNamed } from '../../../../shared/domain/cart-line';
import type { Catalog, Product } from '../../../../shared/domain/catalog';
import { PosError } from '../../../../shared/domain/errors';
import type { Order } from '../../../../shared/domain/order';
import type { OrderBook } from '../../orders/order-book';
import type { CatalogFile } from '../catalog/catalog-file';

/** Units of each product an order takes from stock: its lines less the units refunded (a failed refund gave none back). */
function unitsTaken(order: Order): Map<string, number> {
  const units = new Map<string, number>();
  // An abandoned order sold nothing. A PENDING one holds its units, so two registers cannot both sell the last one.
  if (order.status === 'ABANDONED') return units;
  for (const line of order.lines) units.set(line.productId, (units.get(line.productId) ?? 0) + line.quantity);
  for (const refund of order.refunds) {
    if (refund.status === 'FAILED') continue;
    for (const part of refund.lines) {
      const line = lineNamed(order.lines, part.lineKey);
      if (line) units.set(line.productId, (units.get(line.productId) ?? 0) - part.quantity);
    }
  }
  return units;
}

const DAY_MS = 86_400_000;

/**
 * What is left of each counted product in one mode's books: the manager's count less the units
 * on orders created after it was counted. Derived from the orders as they are journaled (and
 * rebuilt from the journals at start), never stored, so a crash between a sale and its stock
 * can neither lose nor double a unit. Training has its own books, so its sales never touch live stock.
 */
export class StockTally {
  /** Each order's units, by order id, with when it was created (only orders after a count matter). */
  private readonly taken = new Map<string, { createdAt: number; units: Map<string, number> }>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: { catalog: CatalogFile; orders: OrderBook }) {}

  /** Reads back the orders of the days since the oldest count (a day early: business days start after midnight). */
  async rebuild(): Promise<void> {
    const counted = this.deps.catalog.all().products.flatMap((product) => (product.stock ? [product.stock.at] : []));
    if (counted.length === 0) return;
    const oldest = Math.min(...counted.map((at) => Date.parse(at)));
    const from = new Date(oldest - DAY_MS).toISOString().slice(0, 10);
    const days = (await this.deps.orders.businessDays()).filter((day) => day >= from);
    for (const day of days) {
      for (const order of await this.deps.orders.ordersOfDay(day)) this.follow(order);
    }
  }

  /** An order as just journaled: its units replace what it held before. */
  follow(order: Order): void {
    this.taken.set(order.orderId, { createdAt: Date.parse(order.createdAt), units: unitsTaken(order) });
  }

  /** What is left of a product, or null when its stock is not tracked. */
  left(product: Pick<Product, 'id' | 'stock'>): number | null {
    if (!product.stock) return null;
    const at = Date.parse(product.stock.at);
    let used = 0;
    // Both instants are whole seconds: an order of the very second counted is taken as after it (never oversold).
    for (const order of this.taken.values()) {
      if (order.createdAt >= at) used += order.units.get(product.id) ?? 0;
    }
    return product.stock.count - used;
  }

  /**
   * The catalog with what is left of each counted product; on the register (`soldOutAtZero`) one
   * with none left shows sold out, while the catalog screen keeps the manager's own flag.
   */
  withLeft(catalog: Catalog, soldOutAtZero: boolean): Catalog {
    const products = catalog.products.map((product) => {
      const left = this.left(product);
      if (left === null) return product;
      return { ...product, stockLeft: left, soldOut: product.soldOut || (soldOutAtZero && left <= 0) };
    });
    return { ...catalog, products };
  }

  /**
   * Stores an order only if its lines fit what is left: the check and the store run one at a
   * time, so two sales racing for the last unit cannot both have it.
   */
  reserving<T>(lines: readonly { productId: string; quantity: number }[], store: () => Promise<T>): Promise<T> {
    const run = this.queue.then(() => {
      this.check(lines);
      return store();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private check(lines: readonly { productId: string; quantity: number }[]): void {
    const wanted = new Map<string, number>();
    for (const line of lines) wanted.set(line.productId, (wanted.get(line.productId) ?? 0) + line.quantity);
    for (const [productId, quantity] of wanted) {
      const product = this.deps.catalog.product(productId);
      const left = product ? this.left(product) : null;
      if (product === undefined || left === null || quantity <= left) continue;
      throw new PosError('STOCK_SHORT', `${productId}: ${quantity} wanted, ${left} left`, {
        details: { productId, nameKo: product.name.ko, nameEn: product.name.en, left: Math.max(0, left) },
      });
    }
  }
}
