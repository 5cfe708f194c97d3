import { lineNamed } from '../../../../shared/domain/cart-line';
import type { Catalog, Product } from '../../../../shared/domain/catalog';
import { PosError } from '../../../../shared/domain/errors';
import type { Order } from '../../../../shared/domain/order';
import { nextTurn, type RebuildPace } from '../../orders/index/order-index';
import type { OrderBook } from '../../orders/order-book';
import type { Logger } from '../../platform/log/logger';
import type { CatalogFile } from '../catalog/catalog-file';
import { shownWithLeft, type StockShown } from './stock-shown';

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

function sameUnits(a: ReadonlyMap<string, number> | undefined, b: ReadonlyMap<string, number>): boolean {
  if (a === undefined || a.size !== b.size) return false;
  for (const [productId, quantity] of b) if (a.get(productId) !== quantity) return false;
  return true;
}

const DAY_MS = 86_400_000;

/** The first business day whose orders can take from a count made at `at` (a day early: business days start after midnight). */
function firstDayAfter(at: string): string {
  return new Date(Date.parse(at) - DAY_MS).toISOString().slice(0, 10);
}

/** Read back before any day is: every day sorts before it. */
const NOTHING_READ = '\uffff';

interface Waiter {
  day: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * What is left of each counted product in one mode's books: the manager's count less the units
 * on orders created after it was counted. Derived from the orders as they are journaled (and
 * read back from the journals after a start), never stored, so a crash between a sale and its
 * stock can neither lose nor double a unit. Training has its own books, so its sales never touch live stock.
 */
export class StockTally {
  /** Each order's units, by order id (only orders since the oldest count are read back). */
  private readonly taken = new Map<string, Map<string, number>>();
  /** The same units by product: each order that takes some, with when it was created. */
  private readonly byProduct = new Map<string, Map<string, { createdAt: number; quantity: number }>>();
  /** The days from this one on are read back; null once every day a count needs is. */
  private readDownTo: string | null = null;
  private readonly waiting: Waiter[] = [];
  /** Ends the pace the reading back is waiting out. */
  private wake: () => void = () => undefined;
  private stopping = false;
  private stop: () => void = () => undefined;
  private readonly stopped = new Promise<void>((resolve) => (this.stop = resolve));
  /** Bumped whenever an order's units change: what is shown is made again only then. */
  private version = 0;
  private readonly shown = new Map<boolean, StockShown>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: { catalog: CatalogFile; orders: OrderBook; log: Logger }) {}

  /**
   * Reads back the orders of the days since the oldest count, newest day first, in the
   * background (a year of them must not keep the till from opening): a sale of a product whose
   * count is older than the days read so far waits until they are, so it never oversells; the
   * others are answered at once. Between two days the till's calls go first (`pace`), unless a sale is waiting.
   */
  startRebuild(pace: RebuildPace = nextTurn): void {
    this.readDownTo = NOTHING_READ;
    void this.readBack(pace)
      .catch((error: unknown) => this.deps.log.error('stock could not read the orders back', { error }))
      .finally(() => {
        this.readDownTo = null;
        this.release();
      });
  }

  /** Stops reading back (the app is quitting); a sale waiting for it is refused. */
  close(): void {
    this.stopping = true;
    this.stop();
    for (const waiter of this.waiting.splice(0))
      waiter.reject(new PosError('APP_CLOSING', 'stock was still reading the orders back'));
  }

  private async readBack(pace: RebuildPace): Promise<void> {
    const counted = this.deps.catalog.all().products.flatMap((product) => (product.stock ? [product.stock.at] : []));
    if (counted.length === 0) return;
    const from = counted.map(firstDayAfter).reduce((a, b) => (a < b ? a : b));
    const days = (await this.deps.orders.businessDays()).filter((day) => day >= from).reverse();
    for (const day of days) {
      await this.between(pace);
      if (this.stopping) return;
      for (const order of await this.deps.orders.ordersOfDay(day)) {
        // One journaled since the start is followed as it is now: the day as read may be older.
        if (!this.taken.has(order.orderId)) this.follow(order);
      }
      this.readDownTo = day;
      this.release();
    }
  }

  /** The pace between two days, cut short by a sale that waits for them. */
  private async between(pace: RebuildPace): Promise<void> {
    if (this.waiting.length > 0) return;
    const wanted = new Promise<void>((resolve) => (this.wake = resolve));
    await Promise.race([pace(), this.stopped, wanted]);
    this.wake = () => undefined;
  }

  private release(): void {
    for (const waiter of [...this.waiting]) {
      if (this.readDownTo !== null && waiter.day < this.readDownTo) continue;
      this.waiting.splice(this.waiting.indexOf(waiter), 1);
      waiter.resolve();
    }
  }

  /** An order as just journaled: its units replace what it held before. */
  follow(order: Order): void {
    const units = unitsTaken(order);
    const before = this.taken.get(order.orderId);
    if (sameUnits(before, units)) return;
    for (const productId of before?.keys() ?? []) this.byProduct.get(productId)?.delete(order.orderId);
    const createdAt = Date.parse(order.createdAt);
    for (const [productId, quantity] of units) {
      let orders = this.byProduct.get(productId);
      if (orders === undefined) this.byProduct.set(productId, (orders = new Map()));
      orders.set(order.orderId, { createdAt, quantity });
    }
    this.taken.set(order.orderId, units);
    this.version += 1;
  }

  /** What is left of a product, or null when its stock is not tracked. */
  left(product: Pick<Product, 'id' | 'stock'>): number | null {
    if (!product.stock) return null;
    const at = Date.parse(product.stock.at);
    let used = 0;
    // Both instants are whole seconds: an order of the very second counted is taken as after it (never oversold).
    for (const order of this.byProduct.get(product.id)?.values() ?? []) {
      if (order.createdAt >= at) used += order.quantity;
    }
    return product.stock.count - used;
  }

  /**
   * The catalog with what is left of each counted product; on the register (`soldOutAtZero`) one
   * with none left shows sold out, while the catalog screen keeps the manager's own flag. Frozen,
   * and the same object again until the catalog or what is left of a product changes.
   */
  withLeft(catalog: Catalog, soldOutAtZero: boolean): Catalog {
    const last = this.shown.get(soldOutAtZero);
    if (last?.catalog === catalog && last.version === this.version) return last.answer;
    const next = shownWithLeft(catalog, soldOutAtZero, this.version, (product) => this.left(product), last);
    this.shown.set(soldOutAtZero, next);
    return next.answer;
  }

  /**
   * Stores an order only if its lines fit what is left: the check and the store run one at a
   * time, so two sales racing for the last unit cannot both have it.
   */
  reserving<T>(lines: readonly { productId: string; quantity: number }[], store: () => Promise<T>): Promise<T> {
    const readBack = this.readBackFor(lines);
    if (readBack === null) return this.inTurn(lines, store);
    return readBack.then(() => this.inTurn(lines, store));
  }

  private inTurn<T>(lines: readonly { productId: string; quantity: number }[], store: () => Promise<T>): Promise<T> {
    const run = this.queue.then(() => {
      this.check(lines);
      return store();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Resolves once the days the lines' counts need are read back; null when they already are. */
  private readBackFor(lines: readonly { productId: string }[]): Promise<void> | null {
    if (this.readDownTo === null) return null;
    let day: string | null = null;
    for (const line of lines) {
      const stock = this.deps.catalog.product(line.productId)?.stock;
      if (stock === undefined) continue;
      const needed = firstDayAfter(stock.at);
      if (needed < this.readDownTo && (day === null || needed < day)) day = needed;
    }
    if (day === null) return null;
    const wanted = day;
    return new Promise((resolve, reject) => {
      this.waiting.push({ day: wanted, resolve, reject });
      this.wake();
    });
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
