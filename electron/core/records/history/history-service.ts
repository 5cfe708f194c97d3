import type { CsvHeaders } from '../../../../shared/domain/csv-headers';
import { PosError } from '../../../../shared/domain/errors';
import type {
  HistoryFilter,
  HistoryOrder,
  HistoryPage,
  HistoryRow,
  HistorySource,
  HistoryTotals,
} from '../../../../shared/domain/history';
import type { Order } from '../../../../shared/domain/order';
import type { OrderBook } from '../../orders/order-book';
import type { Logger } from '../../platform/log/logger';
import { summarize, type DaySummary } from '../../orders/index/day-summary';
import { ShopStoreUnavailable, type ShopBound, type ShopOrder, type ShopReader } from '../../orders/shop-order-reader';
import { historyCsv } from './history-csv';
import { digestOf, inFilter, rowOf, type OrderDigest } from '../../orders/index/order-digest';

interface Cursor {
  day: string;
  orderId: string;
  /** When the order was rung up, and whether it is another register's (read from the shared store): where the shop's list goes on. */
  createdAt?: string;
  remote?: boolean;
}

/** One listed order: its digest, the register that rang it up (in a shop-wide list), and the order itself when it came whole from the shared store. */
interface Listed {
  digest: OrderDigest;
  registerName?: string;
  order?: Order;
  remote: boolean;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

function decodeCursor(text: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (typeof parsed.day === 'string' && typeof parsed.orderId === 'string')
      return {
        day: parsed.day,
        orderId: parsed.orderId,
        ...(typeof parsed.createdAt === 'string' ? { createdAt: parsed.createdAt } : {}),
        ...(parsed.remote === true ? { remote: true } : {}),
      };
  } catch {
    // Falls through to the refusal below.
  }
  throw new PosError('INVALID_INPUT', 'not a history cursor');
}

/** An approval number as Toss gives them: eight digits. Searched through the approval index, over all history. */
const APPROVAL = /^\d{8}$/;

/** An order of another register, listed: its digest, its register's name, and the order itself (already read whole). */
function remoteListed(found: ShopOrder): Listed {
  return { digest: digestOf(found.order), registerName: found.registerName, order: found.order, remote: true };
}

function rowWithRegister(listed: Listed): HistoryRow {
  const row = rowOf(listed.digest);
  return listed.registerName === undefined ? row : { ...row, registerName: listed.registerName };
}

/** Where the next page starts: after this order (in a shop-wide list, with its time and whose it is). */
function cursorAfter(listed: Listed, shopWide: boolean): Cursor {
  const { businessDay: day, orderId, createdAt } = listed.digest;
  if (!shopWide) return { day, orderId };
  return { day, orderId, createdAt, ...(listed.remote ? { remote: true } : {}) };
}

/** A range's figures from its days' summaries. */
function totalsOf(summaries: readonly DaySummary[]): HistoryTotals {
  const byMethod = new Map<string, { orders: number; paid: number; refunded: number }>();
  let orders = 0;
  for (const summary of summaries) {
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

/**
 * The manager's view of past orders, read from the order index, never from whole journals: a
 * filtered newest-first list in pages (a day at a time, only the days in range), range totals
 * from the day summaries, one order whole, CSV.
 *
 * With a shared store (the live books of a shop of several registers) each of these is the whole
 * shop's: this register's orders from its own book (so one rung up a moment ago, still waiting in
 * the outbox, is there as it stands), the other registers' from the store, each row with its
 * register's name. While the store does not answer they are this register's own, and say so.
 */
export class HistoryService {
  constructor(
    private readonly orders: OrderBook,
    private readonly shop: () => ShopReader | null = () => null,
    private readonly log?: Logger,
  ) {}

  /** The matching orders, newest first; a page starts after the cursor's order. */
  async list(filter: HistoryFilter, cursor: string | undefined, limit: number): Promise<HistoryPage> {
    const after = cursor === undefined ? null : decodeCursor(cursor);
    const { value, source } = await this.fromShop(async (shop) => {
      const rows: Listed[] = [];
      for await (const listed of this.matching(filter, after, shop)) {
        rows.push(listed);
        if (rows.length > limit) break;
      }
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        rows: page.map(rowWithRegister),
        next: rows.length > limit && last ? encodeCursor(cursorAfter(last, shop !== null)) : null,
      };
    });
    const catchingUp = await this.orders.rebuildProgress();
    return { ...value, ...(source === undefined ? {} : { source }), ...(catchingUp === null ? {} : { catchingUp }) };
  }

  async totals(from: string, to: string): Promise<HistoryTotals> {
    const { value, source } = await this.fromShop(async (shop) => {
      const summaries = await this.orders.summaries(await this.orders.daysBetween(from, to));
      if (shop === null) return totalsOf(summaries);
      for (const day of await shop.orders.daysBetween(from, to, shop.register.id)) {
        const digests: OrderDigest[] = [];
        for await (const found of shop.orders.walkDay(day, shop.register.id, null)) digests.push(digestOf(found.order));
        summaries.push(summarize(day, digests));
      }
      return totalsOf(summaries);
    });
    return { ...value, ...(source === undefined ? {} : { source }) };
  }

  /** One order whole; in a shop, any register's, with its register's name. */
  async order(orderId: string): Promise<HistoryOrder> {
    const own = await this.orders.get(orderId);
    const shop = this.shop();
    if (own) return shop === null ? own : { ...own, registerName: shop.register.name };
    const found = shop === null ? null : await shop.orders.byId(orderId).catch(() => null);
    if (!found) throw new PosError('ORDER_NOT_FOUND', `no order ${orderId}`);
    return { ...found.order, registerName: found.registerName };
  }

  /**
   * The filtered list as CSV, with its lines' options and the memos: the orders are read whole,
   * one day's journal at a time (not one read per order); another register's come whole from the store.
   */
  async export(
    filter: HistoryFilter,
    headers?: CsvHeaders,
  ): Promise<{ fileName: string; csv: string; source?: HistorySource }> {
    const { value: found, source } = await this.fromShop(async (shop) => {
      const listed: Listed[] = [];
      for await (const one of this.matching(filter, null, shop)) listed.push(one);
      return listed;
    });
    const byDay = new Map<string, Map<string, Order>>();
    for (const day of new Set(found.filter((one) => !one.remote).map((one) => one.digest.businessDay)))
      byDay.set(day, new Map((await this.orders.ordersOfDay(day)).map((order) => [order.orderId, order])));
    const listed = found.map((one) => ({
      digest: one.digest,
      order: one.order ?? byDay.get(one.digest.businessDay)?.get(one.digest.orderId) ?? null,
      registerName: one.registerName,
    }));
    return {
      fileName: `orders-${filter.from}-${filter.to}.csv`,
      csv: historyCsv(listed, headers, source === 'shop'),
      ...(source === undefined ? {} : { source }),
    };
  }

  /**
   * Runs `work` over the whole shop when a shared store is set up and answers; over this register's
   * own book when there is none (no `source`) or it did not answer (`this-register`).
   */
  private async fromShop<T>(
    work: (shop: ShopReader | null) => Promise<T>,
  ): Promise<{ value: T; source?: HistorySource }> {
    const shop = this.shop();
    if (shop === null) return { value: await work(null) };
    try {
      return { value: await work(shop), source: 'shop' };
    } catch (error) {
      if (!(error instanceof ShopStoreUnavailable)) throw error;
      this.log?.warn('history: the shared store did not answer; this register’s own orders are shown', {
        error: error.message,
      });
      return { value: await work(null), source: 'this-register' };
    }
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

  /**
   * The matching orders newest first, after the cursor's order (found whatever it is now, so no
   * page is skipped). In a shop, each day's own orders and the other registers' are merged by the
   * time they were rung up (this register's first at the same time), so a page goes on from its
   * last order whichever register's it was.
   */
  private async *matching(
    filter: HistoryFilter,
    after: Cursor | null,
    shop: ShopReader | null,
  ): AsyncGenerator<Listed> {
    const own = (digest: OrderDigest): Listed => ({ digest, registerName: shop?.register.name, remote: false });
    const search = filter.search?.trim();
    if (search !== undefined && APPROVAL.test(search)) {
      const approved = (await this.orders.byApproval(search)).map((order) => own(digestOf(order)));
      if (shop !== null) {
        approved.push(...(await shop.orders.byApproval(search, shop.register.id)).map(remoteListed));
        approved.sort((a, b) => b.digest.createdAt.localeCompare(a.digest.createdAt));
      }
      if (approved.length > 0) {
        // An approval number names its order wherever it is in history, whatever the range.
        const others: HistoryFilter = { ...filter, from: '0000-01-01', to: '9999-12-31' };
        delete others.search;
        yield* approved.filter((one) => inFilter(one.digest, others) && one.digest.orderId !== after?.orderId);
        return;
      }
    }
    const ownDays = await this.daysWorthReading(filter, after);
    const shopDays =
      shop === null || filter.training === true
        ? []
        : await shop.orders.daysBetween(filter.from, after?.day ?? filter.to, shop.register.id);
    const days = [...new Set([...ownDays, ...shopDays])].sort().reverse();
    const hasOwn = new Set(ownDays);
    const hasShop = new Set(shopDays);
    for (const day of days) {
      const cursor = day === after?.day ? after : null;
      // A search looks into an old day through its candidates; the cursor's day is read whole, to find the cursor's order.
      const candidates =
        search !== undefined && cursor === null && hasOwn.has(day)
          ? await this.orders.candidatesOfDay(day, search)
          : null;
      const ownOfDay = hasOwn.has(day) ? (candidates ?? (await this.orders.digestsOfDay(day))) : [];
      const mine = ownAfter(ownOfDay, cursor).filter((digest) => inFilter(digest, filter));
      if (shop === null || !hasShop.has(day)) {
        yield* mine.map(own);
        continue;
      }
      // Another register's copy of an order this register's book holds (one it refunded, say) is listed once, from the book.
      const held = new Set(ownOfDay.map((digest) => digest.orderId));
      const theirs = shop.orders.walkDay(day, shop.register.id, shopBound(cursor, ownOfDay));
      let next = await nextOf(theirs, (one) => !held.has(one.digest.orderId) && inFilter(one.digest, filter));
      for (const digest of mine) {
        while (next !== null && next.digest.createdAt > digest.createdAt) {
          yield next;
          next = await nextOf(theirs, (one) => !held.has(one.digest.orderId) && inFilter(one.digest, filter));
        }
        yield own(digest);
      }
      while (next !== null) {
        yield next;
        next = await nextOf(theirs, (one) => !held.has(one.digest.orderId) && inFilter(one.digest, filter));
      }
    }
  }
}

/** This register's orders of a day after the cursor: after its order when it was this register's, else rung up before it. */
function ownAfter(digests: readonly OrderDigest[], cursor: Cursor | null): readonly OrderDigest[] {
  if (cursor === null) return digests;
  if (cursor.remote === true) return digests.filter((digest) => digest.createdAt < (cursor.createdAt ?? ''));
  const at = digests.findIndex((digest) => digest.orderId === cursor.orderId);
  return at === -1 ? [] : digests.slice(at + 1);
}

/** Where the other registers' orders of the cursor's day go on: after its order, or (this register's) from its time on. */
function shopBound(cursor: Cursor | null, ownOfDay: readonly OrderDigest[]): ShopBound | null {
  if (cursor === null) return null;
  if (cursor.remote === true) return { createdAt: cursor.createdAt ?? '', orderId: cursor.orderId, sameTimeToo: false };
  const createdAt = cursor.createdAt ?? ownOfDay.find((digest) => digest.orderId === cursor.orderId)?.createdAt;
  return createdAt === undefined ? null : { createdAt, orderId: '', sameTimeToo: true };
}

/** The next order of another register the list keeps, or null at the day's end. */
async function nextOf(theirs: AsyncGenerator<ShopOrder>, keep: (listed: Listed) => boolean): Promise<Listed | null> {
  for (;;) {
    const step = await theirs.next();
    if (step.done === true) return null;
    const listed = remoteListed(step.value);
    if (keep(listed)) return listed;
  }
}
