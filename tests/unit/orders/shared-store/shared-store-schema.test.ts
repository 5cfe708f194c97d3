import { afterAll, describe, expect, it } from 'vitest';
import { PosError } from '../../../../shared/domain/errors';
import { migrate, type Migration } from '../../../../electron/core/platform/postgres/migrator';
import { openPostgresPool, type PostgresPool } from '../../../../electron/core/platform/postgres/postgres-pool';
import { SHARED_STORE_MIGRATIONS } from '../../../../electron/core/orders/shared-store/shared-store-schema';
import { createTestDatabase, type TestDatabase } from '../../../support/postgres';

const pools: PostgresPool[] = [];
const databases: TestDatabase[] = [];

async function freshPool(): Promise<PostgresPool> {
  const db = await createTestDatabase('schema');
  databases.push(db);
  const pool = openPostgresPool(db.url, () => undefined);
  pools.push(pool);
  return pool;
}

async function versions(pool: PostgresPool): Promise<number[]> {
  return (await pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map(
    (r) => r.version,
  );
}

async function tables(pool: PostgresPool): Promise<string[]> {
  const rows = await pool.query<{ tablename: string }>(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  return rows.rows.map((r) => r.tablename);
}

const latest = Math.max(...SHARED_STORE_MIGRATIONS.map((m) => m.version));
const ALL = SHARED_STORE_MIGRATIONS.map((m) => m.version);

// A database a test (and each earlier version) made is dropped one by one: on a busy machine that takes more than the default 10 s.
afterAll(async () => {
  for (const pool of pools) await pool.end();
  for (const db of databases) await db.drop();
}, 60_000);

describe('the shared store’s schema', () => {
  it('is built from an empty database, each version recorded once', async () => {
    const pool = await freshPool();
    const result = await migrate(pool, SHARED_STORE_MIGRATIONS);
    expect(result).toEqual({ applied: SHARED_STORE_MIGRATIONS.map((m) => m.version), version: latest });
    expect(await versions(pool)).toEqual(ALL);
    expect(await tables(pool)).toEqual([
      'coupon_reservations',
      'coupons',
      'day_closes',
      'drawer_shifts',
      'journal_lines',
      'order_changes',
      'orders',
      'registers',
      'schema_migrations',
      'shop_changes',
    ]);
    // A second start finds nothing to do.
    expect(await migrate(pool, SHARED_STORE_MIGRATIONS)).toEqual({ applied: [], version: latest });
  });

  it('is brought up from each earlier version, keeping what that version holds', async () => {
    for (const from of SHARED_STORE_MIGRATIONS.slice(0, -1)) {
      const pool = await freshPool();
      await migrate(
        pool,
        SHARED_STORE_MIGRATIONS.filter((m) => m.version <= from.version),
      );
      await pool.query("INSERT INTO registers (id, name) VALUES ('reg-a', '카운터 1')");
      const paid = { orderId: '20261207-000000000001', status: 'PAID', amount: 4500 };
      await pool.query(
        `INSERT INTO journal_lines (register_id, business_day, line_no, order_id, line) VALUES
           ('reg-a', '2026-12-07', 1, $1, $2), ('reg-a', '2026-12-07', 2, $1, $3)`,
        [paid.orderId, { ...paid, status: 'PENDING' }, paid],
      );
      // A version-2 database holds its orders already, as the outbox wrote them.
      if (from.version >= 2)
        await pool.query(
          `INSERT INTO orders (order_id, register_id, business_day, line_no, status, total, document)
             VALUES ($1, 'reg-a', '2026-12-07', 2, 'PAID', 4500, $2)`,
          [paid.orderId, paid],
        );
      const result = await migrate(pool, SHARED_STORE_MIGRATIONS);
      expect(result.applied).toEqual(
        SHARED_STORE_MIGRATIONS.filter((m) => m.version > from.version).map((m) => m.version),
      );
      expect(await versions(pool)).toEqual(ALL);
      // The orders are kept, or (from version 1) filled from the lines it already held: the latest line wins.
      const orders = await pool.query('SELECT order_id, register_id, status, total::int, line_no FROM orders');
      expect(orders.rows).toEqual([
        { order_id: paid.orderId, register_id: 'reg-a', status: 'PAID', total: 4500, line_no: 2 },
      ]);
      // Version 3's coupons beside them: a code is held once, by one order, whichever register asks.
      expect(await pool.query('SELECT count(*)::int AS n FROM journal_lines')).toMatchObject({ rows: [{ n: 2 }] });
      await pool.query(
        `INSERT INTO coupons (code, batch_id, definition_id, document, issued_at, issued_by_register)
           VALUES ('ABCD', 'cbat-1', 'cdef-1', '{}', now(), 'reg-a')`,
      );
      await pool.query("INSERT INTO coupon_reservations (code) VALUES ('ABCD')");
      const hold = (orderId: string) =>
        pool.query(
          `UPDATE coupon_reservations SET state = 'reserved', order_id = $1, register_id = 'reg-a'
            WHERE code = 'ABCD' AND (state IN ('free', 'released') OR (state = 'reserved' AND order_id = $1))`,
          [orderId],
        );
      expect((await hold('order-1')).rowCount).toBe(1);
      expect((await hold('order-2')).rowCount).toBe(0);
      await expect(
        pool.query("UPDATE coupon_reservations SET state = 'used', order_id = NULL WHERE code = 'ABCD'"),
      ).rejects.toThrow(/check/);
    }
  });

  it('keeps one close of the shop’s day: a second register’s insert of the same day is refused', async () => {
    const pool = await freshPool();
    await migrate(pool, SHARED_STORE_MIGRATIONS);
    await pool.query("INSERT INTO registers (id, name) VALUES ('reg-a', '카운터 1'), ('reg-b', '카운터 2')");
    const close = (register: string) =>
      pool.query(
        `INSERT INTO day_closes (business_day, register_id, closed_by, closed_at, report)
           VALUES ('2026-12-07', $1, '김토스', now(), '{}') ON CONFLICT (business_day) DO NOTHING`,
        [register],
      );
    expect((await close('reg-a')).rowCount).toBe(1);
    expect((await close('reg-b')).rowCount).toBe(0);
    expect((await pool.query('SELECT register_id FROM day_closes')).rows).toEqual([{ register_id: 'reg-a' }]);
  });

  it('is migrated once when registers start together on an empty database', async () => {
    const first = await freshPool();
    const db = databases.at(-1)!;
    const second = openPostgresPool(db.url, () => undefined);
    pools.push(second);
    // A slow first step holds the advisory lock long enough for the other register to arrive and wait.
    const slowed: Migration[] = SHARED_STORE_MIGRATIONS.map((m, i) =>
      i === 0 ? { ...m, sql: `SELECT pg_sleep(0.3); ${m.sql}` } : m,
    );
    const [a, b] = await Promise.all([migrate(first, slowed), migrate(second, slowed)]);
    expect([...a.applied, ...b.applied].sort()).toEqual(ALL);
    expect([a.applied.length, b.applied.length].sort()).toEqual([0, ALL.length]);
    expect(a.version).toBe(latest);
    expect(b.version).toBe(latest);
    expect(await versions(first)).toEqual(ALL);
  });

  it('refuses a database a newer app has migrated, and changes nothing in it', async () => {
    const pool = await freshPool();
    const newer: Migration = { version: latest + 1, name: 'from the future', sql: 'CREATE TABLE later (id int)' };
    await migrate(pool, [...SHARED_STORE_MIGRATIONS, newer]);
    const before = await tables(pool);
    const error = await migrate(pool, SHARED_STORE_MIGRATIONS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PosError);
    expect(error).toMatchObject({
      code: 'SHARED_STORE_SCHEMA_NEWER',
      details: { version: latest + 1, known: latest },
    });
    expect(await tables(pool)).toEqual(before);
    expect(await versions(pool)).toEqual([...ALL, latest + 1]);
  });

  it('rolls a failing version back whole, recording nothing of it', async () => {
    const pool = await freshPool();
    const broken: Migration = {
      version: latest + 1,
      name: 'half done',
      sql: 'CREATE TABLE half (id int); SELECT * FROM no_such_table',
    };
    await expect(migrate(pool, [...SHARED_STORE_MIGRATIONS, broken])).rejects.toThrow(/no_such_table/);
    expect(await versions(pool)).toEqual(ALL);
    expect(await tables(pool)).not.toContain('half');
  });
});
