import { PosError } from '../../../../shared/domain/errors';
import { inTransaction, withClient, type PostgresPool } from './postgres-pool';

/** One step of a database's schema: applied once, in order, recorded in `schema_migrations`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The advisory lock every migrator takes (a constant of this app): registers that start together
 * wait for each other, so the first migrates and the others find the work done.
 */
const MIGRATION_LOCK = 2_326_023_001;

/** What a migration run did: the versions it applied (none when the database was up to date). */
export interface Migrated {
  applied: number[];
  version: number;
}

/**
 * Brings the database up to the last of `migrations`, each in a transaction of its own, under
 * `pg_advisory_lock`. A database that records a version this app does not know (a newer app
 * migrated it) is refused and left untouched: an older app must not write into a schema it does not know.
 */
export async function migrate(pool: PostgresPool, migrations: readonly Migration[]): Promise<Migrated> {
  const known = new Map(migrations.map((m) => [m.version, m]));
  return withClient(pool, async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(
        `CREATE TABLE IF NOT EXISTS schema_migrations (
           version integer PRIMARY KEY,
           name text NOT NULL,
           applied_at timestamptz NOT NULL DEFAULT now()
         )`,
      );
      const done = new Set(
        (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version),
      );
      const unknown = [...done].filter((v) => !known.has(v)).sort((a, b) => a - b);
      const newest = unknown.at(-1);
      if (newest !== undefined) {
        const appKnows = Math.max(0, ...known.keys());
        throw new PosError(
          'SHARED_STORE_SCHEMA_NEWER',
          `the shared store's schema is at version ${newest}, newer than this app knows (${appKnows}): update this register`,
          { details: { version: newest, known: appKnows } },
        );
      }
      const applied: number[] = [];
      for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
        if (done.has(migration.version)) continue;
        await inTransaction(client, async () => {
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
            migration.version,
            migration.name,
          ]);
        });
        applied.push(migration.version);
      }
      return { applied, version: Math.max(0, ...done, ...applied) };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    }
  });
}
