import { PosError } from '../../../../shared/domain/errors';
import type { RegisterIdentity } from '../../../../shared/domain/shared-store';
import { migrate } from '../../platform/postgres/migrator';
import { openPostgresPool, withClient } from '../../platform/postgres/postgres-pool';
import { isPostgresUrl, maskPostgresUrl } from '../../platform/postgres/postgres-url';
import { SHARED_STORE_MIGRATIONS } from '../../orders/shared-store/shared-store-schema';
import { upsertRegister } from '../../orders/shared-store/shared-store-writes';

/** Why a connection failed, in the words the screen shows (SHARED_STORE_UNREACHABLE's `reason`). */
function reasonOf(error: unknown): 'auth' | 'database' | 'unreachable' | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === '28P01' || code === '28000') return 'auth';
  if (code === '3D000') return 'database';
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return 'unreachable';
  if (error instanceof Error && /timeout|terminated|ECONN/i.test(error.message)) return 'unreachable';
  return null;
}

/**
 * What a manager's new shared store must pass before it is saved: it answers, takes this app's
 * schema (migrated now, under the advisory lock), and has this register's row written. Any failure
 * is a typed refusal whose message never holds the password.
 */
export async function checkSharedStore(url: string, register: RegisterIdentity): Promise<void> {
  if (!isPostgresUrl(url))
    throw new PosError('SHARED_STORE_UNREACHABLE', 'not a postgres:// connection string', {
      details: { reason: 'url' },
    });
  const pool = openPostgresPool(url, () => undefined);
  try {
    await migrate(pool, SHARED_STORE_MIGRATIONS);
    await withClient(pool, (client) => upsertRegister(client, register));
  } catch (error) {
    if (error instanceof PosError) throw error;
    const reason = reasonOf(error);
    throw new PosError(
      'SHARED_STORE_UNREACHABLE',
      `the shared store ${maskPostgresUrl(url)} did not answer as one: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}`,
      { retryable: true, ...(reason === null ? {} : { details: { reason } }) },
    );
  } finally {
    await pool.end().catch(() => undefined);
  }
}
