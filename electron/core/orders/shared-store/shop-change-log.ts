import pg from 'pg';
import { inTransaction } from '../../platform/postgres/postgres-pool';
import { StoreConnection, type StoreDeps } from './store-connection';

/** Taken by every writer of the log for its transaction: `seq` is drawn and committed in one order, so a follower never passes over a row committed late. */
const SHOP_CHANGES_LOCK = 2_326_023_006;
const CHANNEL = 'shop_changes';

/** A row of the log as it is written: this register's own number for it, what it is, and the change. */
interface OutgoingChange {
  localSeq: number;
  kind: string;
  change: unknown;
}

/**
 * The shop's change log in PostgreSQL (`shop_changes`, version 6): the store side of the shop's
 * `ShopChangeLog` port, which never sees `pg`. Writers append under one transaction-scoped
 * advisory lock and NOTIFY the others on commit; readers read by `seq`.
 */
export class PostgresShopChangeLog {
  private readonly store: StoreConnection;
  private listener: pg.Client | null = null;

  constructor(private readonly deps: StoreDeps) {
    this.store = new StoreConnection({ ...deps, label: 'shop changes' });
  }

  async join(seed: () => unknown, registerId: string): Promise<boolean> {
    return this.store.client((client) =>
      inTransaction(client, async () => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [SHOP_CHANGES_LOCK]);
        const seeded = await client.query("SELECT 1 FROM shop_changes WHERE kind = 'seed' LIMIT 1");
        if (seeded.rowCount !== 0) return false;
        await client.query(
          "INSERT INTO shop_changes (register_id, local_seq, kind, change) VALUES ($1, 0, 'seed', $2::jsonb)",
          [registerId, JSON.stringify(seed())],
        );
        await client.query('SELECT pg_notify($1, $2)', [CHANNEL, registerId]);
        return true;
      }),
    );
  }

  async send(changes: readonly OutgoingChange[], registerId: string): Promise<void> {
    if (changes.length === 0) return;
    const rows = changes.map((c) => ({ local_seq: c.localSeq, kind: c.kind, change: c.change }));
    await this.store.client((client) =>
      inTransaction(client, async () => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [SHOP_CHANGES_LOCK]);
        await client.query(
          `INSERT INTO shop_changes (register_id, local_seq, kind, change)
           SELECT $1, t.local_seq, t.kind, t.change
             FROM jsonb_to_recordset($2::jsonb) AS t (local_seq bigint, kind text, change jsonb)
            ORDER BY t.local_seq
           ON CONFLICT (register_id, local_seq) DO NOTHING`,
          [registerId, JSON.stringify(rows)],
        );
        await client.query('SELECT pg_notify($1, $2)', [CHANNEL, registerId]);
      }),
    );
  }

  async after(
    seq: number,
    limit: number,
  ): Promise<Array<{ seq: number; registerId: string; kind: string; change: unknown }>> {
    const rows = await this.store.client((client) =>
      client.query<{ seq: string; register_id: string; kind: string; change: unknown }>(
        'SELECT seq, register_id, kind, change FROM shop_changes WHERE seq > $1 ORDER BY seq LIMIT $2',
        [seq, limit],
      ),
    );
    return rows.rows.map((r) => ({ seq: Number(r.seq), registerId: r.register_id, kind: r.kind, change: r.change }));
  }

  /** LISTENs on a connection of its own (kept while it lasts; a lost one is made again at the next call). */
  async listen(heard: () => void): Promise<void> {
    if (this.listener !== null) return;
    const client = new pg.Client({ connectionString: this.deps.url, connectionTimeoutMillis: 5_000 });
    const lost = () => {
      if (this.listener === client) this.listener = null;
      void client.end().catch(() => undefined);
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', () => heard());
    this.listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      lost();
      throw error;
    }
  }

  async stop(): Promise<void> {
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
    await this.store.stop();
  }
}
