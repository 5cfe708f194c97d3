import type { CouponBatch, CouponDefinition } from '../../../../shared/domain/coupons';
import { PosError } from '../../../../shared/domain/errors';
import { inTransaction, type PostgresClient } from '../../platform/postgres/postgres-pool';
import { StoreConnection, type StoreDeps } from './store-connection';

type State = 'free' | 'reserved' | 'used' | 'released' | 'voided';

/** A coupon's row as it is read: its document (batch and definition) and who holds it. */
interface CouponRow {
  code: string;
  document: { batch: CouponBatch; definition: CouponDefinition };
  state: State;
  order_id: string | null;
  register_id: string | null;
  register_name: string | null;
  at: Date;
}

const FIND = `
  SELECT c.code, c.document, r.state, r.order_id, r.register_id, g.name AS register_name, r.at
    FROM coupons c
    JOIN coupon_reservations r ON r.code = c.code
    LEFT JOIN registers g ON g.id = r.register_id
   WHERE c.code = $1`;

/**
 * A failure of the connection (the server or the network gone, a timeout), as against a statement
 * the server refused: only the first means the store is offline.
 */
export function offline(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^(08|57P)/.test(code)) return true;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return true;
  return error instanceof Error && /timeout|terminated|Connection|ECONN|socket/i.test(error.message);
}

/**
 * The shop's coupons in PostgreSQL: the implementation of the coupon code's `SharedCoupons` port
 * (which never sees `pg`). Holding and using a code are conditional updates in one transaction, so
 * one coupon is used once across all registers; a store that cannot be reached is a typed refusal.
 */
export class SharedCouponStore {
  private readonly store: StoreConnection;

  constructor(private readonly deps: StoreDeps) {
    this.store = new StoreConnection({ ...deps, label: 'coupons' });
  }

  publish(definition: CouponDefinition, batch: CouponBatch, codes: readonly string[]): Promise<void> {
    const rows = codes.map((code) => ({ code }));
    return this.run(async (client) => {
      await client.query(
        `INSERT INTO coupons (code, batch_id, definition_id, document, issued_at, issued_by_register)
         SELECT t.code, $2, $3, $4::jsonb, $5::timestamptz, $6
           FROM jsonb_to_recordset($1::jsonb) AS t (code text)
         ON CONFLICT (code) DO NOTHING`,
        [
          JSON.stringify(rows),
          batch.id,
          definition.id,
          JSON.stringify({ batch, definition }),
          batch.issuedAt,
          this.store.registerId(),
        ],
      );
      await client.query(
        `INSERT INTO coupon_reservations (code)
         SELECT t.code FROM jsonb_to_recordset($1::jsonb) AS t (code text)
         ON CONFLICT (code) DO NOTHING`,
        [JSON.stringify(rows)],
      );
    });
  }

  async find(code: string) {
    const row = await this.run(async (client) => (await client.query<CouponRow>(FIND, [code])).rows[0]);
    if (row === undefined) return null;
    return { code: row.code, batch: row.document.batch, definition: row.document.definition, claim: this.claimOf(row) };
  }

  async claims(codes: readonly string[]) {
    const rows = await this.run(
      async (client) =>
        (
          await client.query<Omit<CouponRow, 'document'>>(
            `SELECT r.code, r.state, r.order_id, r.register_id, g.name AS register_name, r.at
               FROM coupon_reservations r LEFT JOIN registers g ON g.id = r.register_id
              WHERE r.code = ANY($1::text[])`,
            [codes],
          )
        ).rows,
    );
    return new Map(rows.map((row) => [row.code, this.claimOf(row)]));
  }

  heldHere() {
    return this.run(
      async (client) =>
        (
          await client.query<{ code: string; orderId: string }>(
            `SELECT code, order_id AS "orderId" FROM coupon_reservations
              WHERE state = 'reserved' AND register_id = $1 ORDER BY code`,
            [this.store.registerId()],
          )
        ).rows,
    );
  }

  private claimOf(row: Omit<CouponRow, 'code' | 'document'>) {
    return {
      state: row.state,
      orderId: row.order_id,
      mine: row.register_id !== null && row.register_id === this.store.registerId(),
      registerId: row.register_id,
      registerName: row.register_name,
      at: row.at.toISOString(),
    };
  }

  reserve(code: string, orderId: string): Promise<void> {
    return this.run(async (client) => {
      const taken = await client.query(
        `UPDATE coupon_reservations SET state = 'reserved', order_id = $2, register_id = $3, at = now()
          WHERE code = $1 AND (state IN ('free', 'released') OR (state = 'reserved' AND order_id = $2))
          RETURNING code`,
        [code, orderId, this.store.registerId()],
      );
      if (taken.rowCount === 1) return;
      const row = (await client.query<CouponRow>(FIND, [code])).rows[0];
      throw refusal(code, row, this.store.registerId());
    });
  }

  use(code: string, orderId: string): Promise<boolean> {
    return this.run(async (client) => {
      const used = await client.query(
        `UPDATE coupon_reservations SET state = 'used', order_id = $2, register_id = $3, at = now()
          WHERE code = $1 AND (state IN ('free', 'released') OR (state IN ('reserved', 'used') AND order_id = $2))
          RETURNING code`,
        [code, orderId, this.store.registerId()],
      );
      if (used.rowCount === 1) return true;
      // A coupon the store never had (issued here before the store was set up, never rung up since): nothing to tell it.
      return (await client.query('SELECT 1 FROM coupons WHERE code = $1', [code])).rowCount === 0;
    });
  }

  release(code: string, orderId: string): Promise<void> {
    return this.run(async (client) => {
      await client.query(
        `UPDATE coupon_reservations SET state = 'released', register_id = $3, at = now()
          WHERE code = $1 AND order_id = $2 AND state IN ('reserved', 'used')`,
        [code, orderId, this.store.registerId()],
      );
    });
  }

  void(code: string): Promise<void> {
    return this.run(async (client) => {
      const voided = await client.query(
        `UPDATE coupon_reservations SET state = 'voided', order_id = NULL, register_id = $2, at = now()
          WHERE code = $1 AND state IN ('free', 'released', 'voided')
          RETURNING code`,
        [code, this.store.registerId()],
      );
      if (voided.rowCount === 1) return;
      const row = (await client.query<CouponRow>(FIND, [code])).rows[0];
      if (row !== undefined) throw refusal(code, row, this.store.registerId());
    });
  }

  async stop(): Promise<void> {
    await this.store.stop();
  }

  /** The schema brought up (once, under the migrator's lock) and this register's row made, then `work` in one transaction. */
  private async run<T>(work: (client: PostgresClient) => Promise<T>): Promise<T> {
    try {
      return await this.store.client((client) => inTransaction(client, () => work(client)));
    } catch (error) {
      if (error instanceof PosError || !offline(error)) throw error;
      this.deps.log.warn('shared store (coupons): offline, a coupon was refused', {
        error: error instanceof Error ? error.message : String(error),
      });
      throw new PosError('COUPON_STORE_OFFLINE', 'the shared store cannot be reached: coupons need it', {
        retryable: true,
      });
    }
  }
}

/** Why another order has the code, in the words the cashier is shown. */
function refusal(code: string, row: CouponRow | undefined, here: string): PosError {
  if (row === undefined) return new PosError('COUPON_UNKNOWN', `no coupon ${code} in the shared store`);
  if (row.state === 'voided')
    return new PosError('COUPON_VOIDED', 'the coupon was voided', { details: { voidedAt: row.at.toISOString() } });
  const orderId = row.order_id ?? '';
  // Another order of this very register: the refusals a single register has always given.
  if (row.register_id === here)
    return row.state === 'used'
      ? new PosError('COUPON_USED', 'the coupon was used', { details: { usedAt: row.at.toISOString(), orderId } })
      : new PosError('COUPON_RESERVED', 'another open order holds the coupon', { details: { orderId } });
  return new PosError(
    'COUPON_ELSEWHERE',
    `the coupon is ${row.state} by order ${row.order_id ?? ''} at another register`,
    {
      details: {
        state: row.state === 'used' ? 'used' : 'held',
        register: row.register_name ?? row.register_id ?? '',
        orderId,
      },
    },
  );
}
