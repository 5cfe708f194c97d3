import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * What a test of the shared store is told when there is no PostgreSQL to run against. Those tests
 * fail with it rather than skip: a suite that passes without the store would say nothing of it.
 */
export const NO_TEST_POSTGRES = [
  'POS_TEST_PG_URL is not set: the shared-store tests need a PostgreSQL whose role may CREATE DATABASE.',
  'CI (.ci/run) installs, starts and sets it up. On a developer machine, one of:',
  '  Debian: apt-get install -y postgresql && pg_ctlcluster 15 main start && su postgres -c "psql -c \\"CREATE ROLE pos_test LOGIN CREATEDB PASSWORD \'pos_test\'\\"" && su postgres -c "createdb -O pos_test pos_test"',
  '  Docker: docker run -d --name pos-pg -p 5432:5432 -e POSTGRES_USER=pos_test -e POSTGRES_PASSWORD=pos_test postgres:15',
  'then: export POS_TEST_PG_URL=postgres://pos_test:pos_test@127.0.0.1:5432/pos_test',
].join('\n');

/** A database of its own for one test file, made fresh and dropped after. */
export interface TestDatabase {
  /** Its connection string (same server, role and password as POS_TEST_PG_URL). */
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** The server the shared-store tests run against; throws (never skips) when it is not set up. */
export function testPostgresUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.POS_TEST_PG_URL?.trim();
  if (!url) throw new Error(NO_TEST_POSTGRES);
  return url;
}

/** The same server and role, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * CREATEs a database with a unique name on the test server. `label` goes into the name (letters,
 * digits and underscores only), so a database left behind by a killed run says whose it was.
 */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const admin = testPostgresUrl();
  const name = `pos_t_${label
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .slice(0, 30)}_${randomBytes(5).toString('hex')}`;
  await asAdmin(admin, `CREATE DATABASE ${name}`);
  let dropped = false;
  return {
    url: withDatabase(admin, name),
    name,
    drop: async () => {
      if (dropped) return;
      dropped = true;
      // WITH (FORCE) ends connections a test left open (a pool a failing test did not close). A
      // server process of the superuser's on the database (autovacuum) cannot be ended by the test
      // role: it is soon gone, so the drop is tried again a few times.
      for (let attempt = 1; ; attempt += 1) {
        try {
          await asAdmin(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          return;
        } catch (error) {
          if (attempt >= 10 || !/must be a member of the role/.test(String(error))) throw error;
          await new Promise((resolve) => setTimeout(resolve, 300));
        }
      }
    },
  };
}

async function asAdmin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
