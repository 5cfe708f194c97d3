import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, NO_TEST_POSTGRES, testPostgresUrl } from '../../support/postgres';

async function databaseExists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: testPostgresUrl() });
  await client.connect();
  try {
    return (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}

describe('the shared-store tests’ PostgreSQL', () => {
  it('fails, with how to set one up, when POS_TEST_PG_URL is missing', () => {
    expect(() => testPostgresUrl({})).toThrow(NO_TEST_POSTGRES);
    expect(NO_TEST_POSTGRES).toMatch(/apt-get install -y postgresql/);
    expect(NO_TEST_POSTGRES).toMatch(/docker run/);
  });

  it('hands each test file a fresh database of its own and drops it after', async () => {
    const a = await createTestDatabase('support');
    const b = await createTestDatabase('support');
    try {
      expect(a.name).not.toBe(b.name);
      const client = new pg.Client({ connectionString: a.url });
      await client.connect();
      const tables = await client.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
      await client.end();
      expect(tables.rows[0]).toEqual({ n: 0 });
    } finally {
      await a.drop();
      await b.drop();
    }
    expect(await databaseExists(a.name)).toBe(false);
    expect(await databaseExists(b.name)).toBe(false);
  });
});
