import type { Logger } from '../../platform/log/logger';
import { migrate } from '../../platform/postgres/migrator';
import {
  openPostgresPool,
  withClient,
  type PostgresClient,
  type PostgresPool,
} from '../../platform/postgres/postgres-pool';
import { SHARED_STORE_MIGRATIONS } from './shared-store-schema';
import { upsertRegister } from './shared-store-writes';

/** What a store of the shop is opened with: where it is, this register's identity, and the log. */
export interface StoreDeps {
  url: string;
  /** This register's identity (made the first time it is asked for). */
  register: () => Promise<{ id: string; name: string }>;
  log: Logger;
}

/**
 * One user's way into the shared store: a pool of its own (a lost connection logged under `label`),
 * and, before its first call, the schema brought up and (given `register`) this register's row made.
 * That start runs once; one that failed (the store offline) is tried again by the next call.
 */
export class StoreConnection {
  private readonly pool: PostgresPool;
  private started: Promise<void> | null = null;
  private here: { id: string; name: string } | null = null;

  constructor(
    private readonly deps: {
      url: string;
      /** What uses it, as the log names it ("coupons", "orders", …). */
      label: string;
      log: Logger;
      /** This register's identity, whose row is made at the start; without it the schema alone is brought up. */
      register?: () => Promise<{ id: string; name: string }>;
    },
  ) {
    this.pool = openPostgresPool(deps.url, (error) =>
      deps.log.warn(`shared store (${deps.label}): a connection was lost`, { error: error.message }),
    );
  }

  /** The schema up and this register's row made (once, again after a failure). */
  ready(): Promise<void> {
    this.started ??= this.start();
    return this.started;
  }

  /** This register's id, once `ready` has resolved. */
  registerId(): string {
    if (this.here === null) throw new Error(`shared store (${this.deps.label}): not ready`);
    return this.here.id;
  }

  /** `work` on one connection, once the store is ready. */
  async client<T>(work: (client: PostgresClient) => Promise<T>): Promise<T> {
    await this.ready();
    return withClient(this.pool, work);
  }

  async stop(): Promise<void> {
    await this.pool.end();
  }

  private start(): Promise<void> {
    const started = (async () => {
      const register = await this.deps.register?.();
      await migrate(this.pool, SHARED_STORE_MIGRATIONS);
      if (register === undefined) return;
      await withClient(this.pool, (client) => upsertRegister(client, register));
      this.here = register;
    })();
    started.catch(() => {
      this.started = null;
    });
    return started;
  }
}
