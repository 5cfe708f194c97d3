import { PosError } from '../../../../shared/domain/errors';
import { orderSchema, type Order } from '../../../../shared/domain/order';
import type { Logger } from '../../platform/log/logger';
import { migrate } from '../../platform/postgres/migrator';
import {
  inTransaction,
  openPostgresPool,
  withClient,
  type PostgresClient,
  type PostgresPool,
} from '../../platform/postgres/postgres-pool';
import { offline } from './shared-coupon-store';
import { SHARED_STORE_MIGRATIONS } from './shared-store-schema';
import { upsertRegister } from './shared-store-writes';

interface Row {
  order: Order;
  registerId: string;
  registerName: string | null;
  mine: boolean;
}

interface OpenWork {
  orderId: string;
  registerId: string;
  registerName: string;
  kind: 'confirm' | 'refund';
  refundId: string | null;
  amount: number;
  startedAt: string;
}

interface Change {
  orderId: string;
  byRegister: string;
  version: number;
  order: Order;
}

/** How long a refund waits for another register's refund of the same order before it is refused (REFUND_IN_FLIGHT). */
const LOCK_WAIT_MS = 10_000;
const LOCK_NOT_AVAILABLE = '55P03';

/** Why a refund that needs the store cannot go on: it is not there to ask. */
function storeOffline(error: unknown): PosError {
  return new PosError('REFUND_STORE_OFFLINE', `the shared store cannot be reached: ${String(error)}`, {
    retryable: true,
  });
}

/**
 * The shop's orders in PostgreSQL as refunds need them (the implementation of the refund code's
 * `SharedOrders` port, which never sees `pg`): an order's row read, or held with `SELECT … FOR
 * UPDATE` for the length of a refund, its document written back in the same transaction, and the
 * changes made to another register's order kept for that register to take in.
 */
export class SharedOrderStore {
  private readonly pool: PostgresPool;
  private ready: Promise<{ id: string; name: string }> | null = null;

  constructor(
    private readonly deps: {
      url: string;
      register: () => Promise<{ id: string; name: string }>;
      log: Logger;
    },
  ) {
    this.pool = openPostgresPool(deps.url, (error) =>
      deps.log.warn('shared store (orders): a connection was lost', { error: error.message }),
    );
  }

  async read(orderId: string): Promise<Row | null> {
    return this.reaching(async (here) =>
      withClient(this.pool, async (client) => rowOf(await selectRow(client, orderId, ''), here.id)),
    );
  }

  async locked<T>(
    orderId: string,
    work: (row: Row | null, write: (order: Order) => Promise<void>) => Promise<T>,
  ): Promise<T> {
    const here = await this.reaching(async (register) => register);
    let working = false;
    try {
      return await withClient(this.pool, (client) =>
        inTransaction(client, async () => {
          // Another register holding the row is asking Toss (up to a minute): a manager here is told to try again soon.
          await client.query(`SET LOCAL lock_timeout = '${LOCK_WAIT_MS}ms'`);
          const row = rowOf(
            await selectRow(client, orderId, 'FOR UPDATE OF o').catch((error: unknown) => {
              if ((error as { code?: unknown }).code !== LOCK_NOT_AVAILABLE) throw error;
              throw new PosError('REFUND_IN_FLIGHT', `another register is refunding ${orderId}`, { retryable: true });
            }),
            here.id,
          );
          working = true;
          return work(row, (order) => writeOrder(client, order, row, here.id));
        }),
      );
    } catch (error) {
      // Only a row never had is the store being offline: once `work` ran, its own error is what the caller is told.
      if (working || error instanceof PosError || !offline(error)) throw error;
      throw storeOffline(error);
    }
  }

  async changesForThisRegister(): Promise<Change[]> {
    return this.reaching(async (here) => {
      const rows = await this.pool.query<{ order_id: string; by_register: string; version: number; document: unknown }>(
        `SELECT order_id, by_register, version, document FROM order_changes
          WHERE owner_register = $1 AND applied_at IS NULL ORDER BY made_at`,
        [here.id],
      );
      return rows.rows.map((r) => ({
        orderId: r.order_id,
        byRegister: r.by_register,
        version: r.version,
        order: orderSchema.parse(r.document),
      }));
    });
  }

  async taken(change: Change): Promise<void> {
    await this.reaching(() =>
      this.pool.query(
        `UPDATE order_changes SET applied_at = now() WHERE order_id = $1 AND by_register = $2 AND version = $3`,
        [change.orderId, change.byRegister, change.version],
      ),
    );
  }

  async openWorkElsewhere(): Promise<OpenWork[]> {
    return this.reaching(async (here) => {
      const rows = await this.pool.query<{ register_id: string; name: string; document: unknown }>(
        `SELECT o.register_id, g.name, o.document FROM orders o JOIN registers g ON g.id = o.register_id
          WHERE o.register_id <> $1
            AND (o.status = 'CONFIRMING' OR o.document->'refunds' @> '[{"status": "REFUNDING"}]')
          ORDER BY o.updated_at`,
        [here.id],
      );
      return rows.rows.flatMap((r) => {
        const order = orderSchema.parse(r.document);
        const of = { orderId: order.orderId, registerId: r.register_id, registerName: r.name };
        const confirm =
          order.status === 'CONFIRMING' ? order.attempts.findLast((a) => a.outcome === 'CONFIRMING') : undefined;
        const part = confirm?.part === undefined ? undefined : order.parts.find((p) => p.part === confirm.part);
        return [
          ...(confirm === undefined
            ? []
            : [
                {
                  ...of,
                  kind: 'confirm' as const,
                  refundId: null,
                  amount: part?.amount ?? order.amount,
                  startedAt: confirm.startedAt,
                },
              ]),
          ...order.refunds
            .filter((refund) => refund.status === 'REFUNDING')
            .map((refund) => ({
              ...of,
              kind: 'refund' as const,
              refundId: refund.refundId,
              amount: refund.amount,
              startedAt: refund.requestedAt,
            })),
        ];
      });
    });
  }

  async stop(): Promise<void> {
    await this.pool.end();
  }

  /** The schema brought up and this register's row made (once), then `work`; a store out of reach is REFUND_STORE_OFFLINE. */
  private async reaching<T>(work: (here: { id: string; name: string }) => Promise<T>): Promise<T> {
    try {
      this.ready ??= this.prepare();
      return await work(await this.ready);
    } catch (error) {
      if (error instanceof PosError || !offline(error)) throw error;
      throw storeOffline(error);
    }
  }

  private prepare(): Promise<{ id: string; name: string }> {
    const ready = (async () => {
      const register = await this.deps.register();
      await migrate(this.pool, SHARED_STORE_MIGRATIONS);
      await withClient(this.pool, (client) => upsertRegister(client, register));
      return register;
    })();
    // A start that failed (offline) is tried again by the next call.
    ready.catch(() => {
      this.ready = null;
    });
    return ready;
  }
}

/** The order's document as `work` left it; another register's order also gets a change its register takes in. */
async function writeOrder(client: PostgresClient, order: Order, row: Row | null, here: string): Promise<void> {
  await client.query(
    `UPDATE orders SET document = $2, status = $3, total = $4, updated_at = now() WHERE order_id = $1`,
    [order.orderId, order, order.status, order.amount],
  );
  if (row === null || row.mine) return;
  await client.query(
    `INSERT INTO order_changes (order_id, by_register, owner_register, document) VALUES ($1, $2, $3, $4)
     ON CONFLICT (order_id, by_register) DO UPDATE
       SET document = EXCLUDED.document, version = order_changes.version + 1, made_at = now(), applied_at = NULL`,
    [order.orderId, here, row.registerId, order],
  );
}

async function selectRow(client: PostgresClient, orderId: string, lock: string) {
  const rows = await client.query<{ register_id: string; name: string | null; document: unknown }>(
    `SELECT o.register_id, g.name, o.document FROM orders o LEFT JOIN registers g ON g.id = o.register_id
      WHERE o.order_id = $1 ${lock}`,
    [orderId],
  );
  return rows.rows[0];
}

function rowOf(
  found: { register_id: string; name: string | null; document: unknown } | undefined,
  here: string,
): Row | null {
  if (found === undefined) return null;
  return {
    order: orderSchema.parse(found.document),
    registerId: found.register_id,
    registerName: found.name,
    mine: found.register_id === here,
  };
}
