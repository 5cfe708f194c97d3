import { orderSchema } from '../../../../shared/domain/order';
import type { Logger } from '../../platform/log/logger';
import { openPostgresPool, withClient, type PostgresClient } from '../../platform/postgres/postgres-pool';
import { ShopStoreUnavailable, type ShopBound, type ShopOrder, type ShopOrderReader } from '../shop-order-reader';

/** How long a reader waits for the shared store before answering from this register's own book. */
export const SHOP_READ_TIMEOUT_MS = 1_500;
/** Rows fetched at a time while a day is walked newest first. */
const CHUNK = 200;

interface OrderRow {
  document: unknown;
  register_id: string;
  register_name: string;
}

const SELECT = `
  SELECT o.document, o.register_id, r.name AS register_name
    FROM orders o JOIN registers r ON r.id = o.register_id`;

/** The time an order was rung up, compared byte for byte (every register writes it the same way). */
const CREATED = `(o.document->>'createdAt') COLLATE "C"`;

/** Runs `work` on one connection to the shared store. */
export type OnConnection = <T>(work: (client: PostgresClient) => Promise<T>) => Promise<T>;

/**
 * Every register's orders as the shared store holds them (each order's latest replicated
 * document, with its register's name): what history, the reports, the day's figures and the day
 * close read for the whole shop. Reads only; a store that does not answer (or, on history's own
 * pool, not within `SHOP_READ_TIMEOUT_MS`) is a `ShopStoreUnavailable`.
 */
export class ShopOrders implements ShopOrderReader {
  private constructor(
    private readonly connection: OnConnection,
    private readonly log: Logger,
    private readonly end: () => Promise<void>,
  ) {}

  /** A reader on a pool of its own whose calls give up soon: history answers from this register's book then, never waits. */
  static open(url: string, log: Logger, timeoutMs = SHOP_READ_TIMEOUT_MS): ShopOrders {
    const pool = openPostgresPool(
      url,
      (error) => log.warn('shared store: a reader connection was lost', { error: error.message }),
      { connectMs: timeoutMs, statementMs: timeoutMs * 2 },
    );
    return new ShopOrders(
      (work) => withClient(pool, work),
      log,
      () => pool.end(),
    );
  }

  /** A reader on a store's connection (its timeouts, its schema brought up first); the store closes it. */
  static over(connection: OnConnection, log: Logger): ShopOrders {
    return new ShopOrders(connection, log, () => Promise.resolve());
  }

  /** The business days of the range holding orders of registers other than `except`, newest first. */
  async daysBetween(from: string, to: string, except: string): Promise<string[]> {
    const rows = await this.query<{ day: string }>(
      `SELECT DISTINCT to_char(business_day, 'YYYY-MM-DD') AS day FROM orders
        WHERE business_day BETWEEN $1::date AND $2::date AND register_id <> $3 ORDER BY day DESC`,
      [from, to, except],
    );
    return rows.map((row) => row.day);
  }

  /**
   * A day's orders of registers other than `except`, newest first (by the time they were rung up,
   * then by id), `limit` of them after `after`.
   */
  async ofDay(day: string, except: string, after: ShopBound | null, limit = CHUNK): Promise<ShopOrder[]> {
    const rows = await this.query<OrderRow>(
      `${SELECT}
        WHERE o.business_day = $1::date AND o.register_id <> $2
          AND ($3::text IS NULL OR ${CREATED} < $3 OR (${CREATED} = $3 AND ($5 OR o.order_id COLLATE "C" < $4)))
        ORDER BY ${CREATED} DESC, o.order_id COLLATE "C" DESC
        LIMIT $6`,
      [day, except, after?.createdAt ?? null, after?.orderId ?? '', after?.sameTimeToo ?? false, limit],
    );
    return this.read(rows);
  }

  /** A day's orders of registers other than `except`, newest first, walked a chunk at a time. */
  async *walkDay(day: string, except: string, after: ShopBound | null): AsyncGenerator<ShopOrder> {
    let bound = after;
    for (;;) {
      const chunk = await this.ofDay(day, except, bound);
      yield* chunk;
      const last = chunk[chunk.length - 1];
      if (chunk.length < CHUNK || last === undefined) return;
      bound = { createdAt: last.order.createdAt, orderId: last.order.orderId, sameTimeToo: false };
    }
  }

  /** One order, whichever register rang it up; null when the store has none by that id. */
  async byId(orderId: string): Promise<ShopOrder | null> {
    return (await this.read(await this.query<OrderRow>(`${SELECT} WHERE o.order_id = $1`, [orderId])))[0] ?? null;
  }

  /** The orders of registers other than `except` that a card approval number names (the first card, or any part's). */
  async byApproval(approveNo: string, except: string): Promise<ShopOrder[]> {
    const rows = await this.query<OrderRow>(
      `${SELECT}
        WHERE o.register_id <> $2
          AND (o.document #>> '{payment,approveNo}' = $1 OR o.document->'parts' @> $3::jsonb)
        ORDER BY ${CREATED} DESC, o.order_id COLLATE "C" DESC`,
      [approveNo, except, JSON.stringify([{ payment: { approveNo } }])],
    );
    return this.read(rows);
  }

  /**
   * The orders of registers other than `except` with a refund asked for on one of the Seoul
   * dates (whatever day they were sold): the day's figures count refunds on the day they were made.
   */
  async refundedOn(dates: readonly string[], except: string): Promise<ShopOrder[]> {
    if (dates.length === 0) return [];
    const rows = await this.query<OrderRow>(
      `${SELECT}
        WHERE o.register_id <> $1 AND jsonb_array_length(o.document->'refunds') > 0
          AND EXISTS (SELECT 1 FROM jsonb_array_elements(o.document->'refunds') f
                       WHERE left(f->>'requestedAt', 10) = ANY($2::text[]))`,
      [except, [...dates]],
    );
    // `requestedAt` is written in Seoul time (…+09:00), so its first ten characters are its Seoul date.
    return this.read(rows);
  }

  stop(): Promise<void> {
    return this.end();
  }

  private async query<T extends object>(sql: string, values: unknown[]): Promise<T[]> {
    try {
      return await this.connection(async (client) => (await client.query<T & object>(sql, values)).rows);
    } catch (error) {
      throw new ShopStoreUnavailable(error);
    }
  }

  /** Rows as orders; a document this version cannot read (a newer register's) is left out and logged. */
  private read(rows: readonly OrderRow[]): ShopOrder[] {
    const found: ShopOrder[] = [];
    for (const row of rows) {
      const parsed = orderSchema.safeParse(row.document);
      if (parsed.success)
        found.push({ order: parsed.data, registerId: row.register_id, registerName: row.register_name });
      else this.log.warn('shared store: an order this version cannot read was left out', { register: row.register_id });
    }
    return found;
  }
}
