import type { QueryConfig } from 'pg';
import { drawerShiftSchema, type DrawerShift } from '../../../../shared/domain/drawer';
import type { DayReport } from '../../../../shared/domain/day-close';
import type { Logger } from '../../platform/log/logger';
import type { PostgresClient } from '../../platform/postgres/postgres-pool';
import type { ShopOrderReader } from '../shop-order-reader';
import { upsertRegister } from './shared-store-writes';
import { SHOP_READ_TIMEOUT_MS, ShopOrders } from './shop-orders';
import { StoreConnection } from './store-connection';

/** A register as the shop knows it. */
export interface StoreRegister {
  id: string;
  name: string;
}

/** A row of the shop's books: what it holds, and the register it came from. */
export interface FromRegister<T> {
  register: StoreRegister;
  item: T;
}

/** The shop's close of a business day, as the first register to close it kept it. */
export interface StoredShopClose {
  closedOn: StoreRegister;
  at: string;
  by: string;
  report: unknown;
}

/**
 * The shop's day as PostgreSQL holds it: every register's drawer shifts, and the shop's day closes;
 * the other registers' orders through the shop's one reader, on this store's connection (the
 * close waits for the store as long as its other reads do). Reads only, but for the close itself:
 * a day is claimed by one register, the first to insert it.
 */
export class ShopDayStore {
  private readonly store: StoreConnection;
  readonly orders: ShopOrderReader;

  constructor(url: string, log: Logger) {
    this.store = new StoreConnection({ url, label: 'day close', log });
    this.orders = ShopOrders.over((work) => this.client(work), log);
  }

  /** A connection, the schema brought up first: what the drawer's outbox writes through too. */
  client<T>(work: (client: PostgresClient) => Promise<T>): Promise<T> {
    return this.store.client(work);
  }

  /** Every register's drawer shifts opened in the day. */
  async drawerShifts(day: string): Promise<Array<FromRegister<DrawerShift>>> {
    const rows = await this.client((client) =>
      client.query<{ register_id: string; name: string; document: unknown }>(
        `SELECT d.register_id, g.name, d.document FROM drawer_shifts d JOIN registers g ON g.id = d.register_id
          WHERE d.business_day = $1::date ORDER BY d.register_id, d.shift_id`,
        [day],
      ),
    );
    return rows.rows.flatMap((row) => {
      const shift = drawerShiftSchema.safeParse(row.document);
      return shift.success ? [{ register: { id: row.register_id, name: row.name }, item: shift.data }] : [];
    });
  }

  async closeOf(day: string): Promise<StoredShopClose | null> {
    const rows = await this.client((client) =>
      client.query<{ register_id: string; name: string; closed_by: string; closed_at: Date; report: unknown }>(
        `SELECT c.register_id, g.name, c.closed_by, c.closed_at, c.report
           FROM day_closes c JOIN registers g ON g.id = c.register_id WHERE c.business_day = $1::date`,
        [day],
      ),
    );
    const row = rows.rows[0];
    if (row === undefined) return null;
    const report = row.report as { at?: unknown };
    return {
      closedOn: { id: row.register_id, name: row.name },
      at: typeof report.at === 'string' ? report.at : row.closed_at.toISOString(),
      by: row.closed_by,
      report: row.report,
    };
  }

  /**
   * The shop's closes of the days from `from` to `to`, in one query: each day's report as the
   * register that closed it kept it. A screen waits for it, so a server that stops answering fails
   * it as soon as history's reader would (pg takes `query_timeout` per query; its types omit it).
   */
  async closesBetween(from: string, to: string): Promise<Map<string, unknown>> {
    const query = {
      text: `SELECT to_char(business_day, 'YYYY-MM-DD') AS day, report FROM day_closes
              WHERE business_day BETWEEN $1::date AND $2::date`,
      values: [from, to],
      query_timeout: SHOP_READ_TIMEOUT_MS * 2,
    } as QueryConfig;
    const rows = await this.client((client) => client.query<{ day: string; report: unknown }>(query));
    return new Map(rows.rows.map((row) => [row.day, row.report]));
  }

  /** Keeps the shop's close of its day; false when another register closed that day first (nothing is written then). */
  async claimClose(register: StoreRegister, report: DayReport): Promise<boolean> {
    const inserted = await this.client(async (client) => {
      await upsertRegister(client, register);
      return client.query(
        `INSERT INTO day_closes (business_day, register_id, closed_by, closed_at, report)
         VALUES ($1::date, $2, $3, $4::timestamptz, $5::jsonb) ON CONFLICT (business_day) DO NOTHING`,
        [report.day, register.id, report.by, report.at, JSON.stringify(report)],
      );
    });
    return inserted.rowCount === 1;
  }

  async stop(): Promise<void> {
    await this.store.stop();
  }
}
