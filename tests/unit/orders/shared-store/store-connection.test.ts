import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { StoreConnection } from '../../../../electron/core/orders/shared-store/store-connection';
import { onCleanup } from '../../helpers/cleanup';
import { silentLog } from '../../helpers/pos';
import { createTestDatabase } from '../../../support/postgres';
import { hostPortOf, startTcpProxy } from '../../../support/tcp-proxy';

async function rows(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

async function freshStore(label: string) {
  const db = await createTestDatabase(label);
  onCleanup(() => db.drop());
  const { host, port } = hostPortOf(db.url);
  const proxy = await startTcpProxy(host, port);
  onCleanup(() => proxy.close());
  return { db, proxy };
}

describe('a connection to the shared store', () => {
  it('started while the store is away, starts at the next call once it is back: schema up and this register’s row made', async () => {
    const { db, proxy } = await freshStore('connection_retry');
    const asked: string[] = [];
    const store = new StoreConnection({
      url: proxy.url(db.url),
      label: 'test',
      log: silentLog,
      register: async () => {
        asked.push('register');
        return { id: 'reg-a', name: '카운터 A' };
      },
    });
    onCleanup(() => store.stop());

    proxy.cut();
    await expect(store.ready()).rejects.toThrow();
    expect(() => store.registerId()).toThrow();

    proxy.restore();
    await Promise.all([store.ready(), store.ready()]);
    expect(store.registerId()).toBe('reg-a');
    expect(await rows(db.url, 'SELECT id, name FROM registers')).toEqual([{ id: 'reg-a', name: '카운터 A' }]);
    // Started once after the failure, however many callers waited on it.
    expect(asked).toEqual(['register', 'register']);
    expect(await store.client(async (client) => (await client.query('SELECT 1 AS one')).rows)).toEqual([{ one: 1 }]);
  });

  it('without a register brings the schema up alone', async () => {
    const { db } = await freshStore('connection_schema');
    const store = new StoreConnection({ url: db.url, label: 'test', log: silentLog });
    onCleanup(() => store.stop());
    await store.client(async () => undefined);
    expect(await rows(db.url, 'SELECT id FROM registers')).toEqual([]);
    expect((await rows(db.url, 'SELECT version FROM schema_migrations')).length).toBeGreaterThan(0);
  });
});
