import pg from 'pg';

/** How long a connection attempt may take: a server that does not answer must not hold anything up for long. */
const CONNECT_TIMEOUT_MS = 5_000;
/** A statement that runs longer than this is cut off (the server is stuck, or a lock is held too long). */
const STATEMENT_TIMEOUT_MS = 15_000;

export type PostgresPool = pg.Pool;
export type PostgresClient = pg.PoolClient;

/**
 * A small pool on one PostgreSQL: a register needs few connections (its replicator, and the
 * shop-wide calls of a manager). Errors of idle connections (the server went away) are reported to
 * `idleError` rather than crashing the process; the next query simply fails and is retried by its caller.
 * A reader that must answer soon (history) gives shorter `timeouts`.
 */
export function openPostgresPool(
  url: string,
  idleError: (error: Error) => void,
  timeouts: { connectMs?: number; statementMs?: number } = {},
): PostgresPool {
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    connectionTimeoutMillis: timeouts.connectMs ?? CONNECT_TIMEOUT_MS,
    statement_timeout: timeouts.statementMs ?? STATEMENT_TIMEOUT_MS,
    // Client-side too: a server that stopped answering mid-query (not refusing) holds no caller past it.
    query_timeout: timeouts.statementMs ?? STATEMENT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    application_name: 'toss-pos',
  });
  pool.on('error', idleError);
  return pool;
}

/** Runs `work` on one connection of the pool; a connection that failed is thrown away, not reused. */
export async function withClient<T>(pool: PostgresPool, work: (client: PostgresClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // A connection lost while it is out of the pool is also emitted on the client (the pool only listens to idle ones):
  // the query under way fails with it anyway, so it is kept here rather than left to crash the process.
  const lost = (error: Error) => {
    broken ??= error;
  };
  client.on('error', lost);
  try {
    return await work(client);
  } catch (error) {
    broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.off('error', lost);
    client.release(broken);
  }
}

/** Runs `work` in one transaction: committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(client: PostgresClient, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
