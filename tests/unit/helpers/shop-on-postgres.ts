import pg from 'pg';
import type { ReplicationTiming } from '../../../electron/core/orders/shared-store/journal-replicator';
import { createTestDatabase, type TestDatabase } from '../../support/postgres';
import { onCleanup } from './cleanup';
import { asManager } from './coupons';
import { withLiveCore, type CoreOptions, type OwnSimulator, type PosHarness } from './pos';

/** The outboxes try again and beat every few tenths of a second: a sale reaches the store within a test's patience. */
export const QUICK_REPLICATION: ReplicationTiming = { firstRetryMs: 50, maxRetryMs: 200, batch: 50, heartbeatMs: 200 };

/** What a test of several real registers (real cores, each its own data folder) on one PostgreSQL sets up with. */
export interface ShopOnPostgres {
  /**
   * A database of the test's own on the test server (POS_TEST_PG_URL), dropped when the test ends:
   * made before the test's cores, it is dropped after they close (cleanups run last registered first).
   */
  freshDatabase(): Promise<TestDatabase>;
  /** A live register of the shop on the shared store at `url`, on the test's Toss. */
  live(own: OwnSimulator, url: string, options?: CoreOptions): Promise<PosHarness>;
  /** A live register as `live`, named by its manager, who is left signed in. */
  register(own: OwnSimulator, url: string, name: string, options?: CoreOptions): Promise<PosHarness>;
  /** The rows a statement answers on the store at `url`, through a connection of its own. */
  query<T extends pg.QueryResultRow>(url: string, sql: string, values?: unknown[]): Promise<T[]>;
}

/** Registers of one shop on one PostgreSQL: `label` names the test's databases, `timing` paces their outboxes. */
export function shopOnPostgres(label: string, timing: ReplicationTiming = QUICK_REPLICATION): ShopOnPostgres {
  const live = (own: OwnSimulator, url: string, options: CoreOptions = {}) =>
    withLiveCore(own, { ...options, env: { ...options.env, POS_STORE_URL: url }, replicationTiming: timing });
  return {
    async freshDatabase() {
      const db = await createTestDatabase(label);
      onCleanup(() => db.drop());
      return db;
    },
    live,
    async register(own, url, name, options) {
      const h = await live(own, url, options);
      await asManager(h);
      await h.ok('store:save-register-name', { name });
      return h;
    },
    async query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query<T>(sql, values)).rows;
      } finally {
        await client.end();
      }
    },
  };
}
