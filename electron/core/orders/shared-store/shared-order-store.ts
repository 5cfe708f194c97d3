import { PosError } from '../../../../shared/domain/errors';
import { orderSchema, type Order } from '../../../../shared/domain/order';
import { inTransaction, type PostgresClient } from '../../platform/postgres/postgres-pool';
import { openCashReceiptsElsewhere } from './open-cash-receipts';
import { offline } from './shared-coupon-store';
import { StoreConnection, type StoreDeps } from './store-connection';

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
  kind: 'confirm' | 'refund' | 'cash-receipt-issue' | 'cash-receipt-cancel';
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
  private readonly store: StoreConnection;

  constructor(deps: StoreDeps) {
    this.store = new StoreConnection({ ...deps, label: 'orders' });
  }

  async read(orderId: string): Promise<Row | null> {
    return this.reaching(async (here) =>
      this.store.client(async (client) => rowOf(await selectRow(client, orderId, ''), here)),
    );
  }

  async locked<T>(
    orderId: string,
    work: (row: Row | null, write: (order: Order) => Promise<void>) => Promise<T>,
  ): Promise<T> {
    const here = await this.reaching(async (id) => id);
    let working = false;
    try {
      return await this.store.client((client) =>
        inTransaction(client, async () => {
          // Another register holding the row is asking Toss (up to a minute): a manager here is told to try again soon.
          await client.query(`SET LOCAL lock_timeout = '${LOCK_WAIT_MS}ms'`);
          const row = rowOf(
            await selectRow(client, orderId, 'FOR UPDATE OF o').catch((error: unknown) => {
              if ((error as { code?: unknown }).code !== LOCK_NOT_AVAILABLE) throw error;
              throw new PosError('REFUND_IN_FLIGHT', `another register is refunding ${orderId}`, { retryable: true });
            }),
            here,
          );
          working = true;
          return work(row, (order) => writeOrder(client, order, row, here));
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
      const rows = await this.store.client((client) =>
        client.query<{ order_id: string; by_register: string; version: number; document: unknown }>(
          `SELECT order_id, by_register, version, document FROM order_changes
            WHERE owner_register = $1 AND applied_at IS NULL ORDER BY made_at`,
          [here],
        ),
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
      this.store.client((client) =>
        client.query(
          `UPDATE order_changes SET applied_at = now() WHERE order_id = $1 AND by_register = $2 AND version = $3`,
          [change.orderId, change.byRegister, change.version],
        ),
      ),
    );
  }

  async openWorkElsewhere(): Promise<OpenWork[]> {
    return this.reaching(async (here) => {
      const { rows, receipts } = await this.store.client(async (client) => ({
        rows: await client.query<{ register_id: string; name: string; document: unknown }>(
          `SELECT o.register_id, g.name, o.document FROM orders o JOIN registers g ON g.id = o.register_id
            WHERE o.register_id <> $1
              AND (o.status = 'CONFIRMING' OR o.document->'refunds' @> '[{"status": "REFUNDING"}]')
            ORDER BY o.updated_at`,
          [here],
        ),
        receipts: await openCashReceiptsElsewhere(client, here),
      }));
      const payments = rows.rows.flatMap((r) => {
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
      return [...payments, ...receipts.map((receipt) => ({ ...receipt, refundId: null }))];
    });
  }

  async stop(): Promise<void> {
    await this.store.stop();
  }

  /** The schema brought up and this register's row made (once), then `work`; a store out of reach is REFUND_STORE_OFFLINE. */
  private async reaching<T>(work: (here: string) => Promise<T>): Promise<T> {
    try {
      await this.store.ready();
      return await work(this.store.registerId());
    } catch (error) {
      if (error instanceof PosError || !offline(error)) throw error;
      throw storeOffline(error);
    }
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
