import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError } from '../../../../shared/i18n/error-messages';
import { capturingLog } from '../../helpers/capturing-log';
import { closedPortUrl, withCore } from '../../helpers/pos';
import { createTestDatabase, withDatabase, type TestDatabase } from '../../../support/postgres';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('store_settings');
});
afterAll(async () => {
  await db.drop();
});

async function managerCore(options: Parameters<typeof withCore>[0] = {}) {
  const h = await withCore(options);
  await h.ok('staff:setup-owner', { name: '김토스', pin: '482913' });
  return h;
}

async function registersIn(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ id: string; name: string }>('SELECT id, name FROM registers ORDER BY id')).rows;
  } finally {
    await client.end();
  }
}

function withPassword(url: string, password: string): string {
  const parsed = new URL(url);
  parsed.password = password;
  return parsed.toString();
}

describe('the register’s identity', () => {
  it('is made once, kept across restarts, and renamed by a manager', async () => {
    const h = await managerCore();
    const first = await h.ok('store:settings', {});
    // Nothing is made for a shop that never names a register nor uses a shared store.
    expect(first.register).toBeNull();
    expect(first.url).toBeNull();
    expect(first.status).toEqual({ state: 'off' });
    const renamed = await h.ok('store:save-register-name', { name: '카운터 2' });
    expect(renamed.register?.id).toMatch(/^reg-[0-9a-f]{12}$/);
    expect(renamed.register?.name).toBe('카운터 2');
    expect(renamed.registerChanged?.by).toBe('김토스');
    await h.close();

    const again = await withCore({ dataDir: h.dataDir, firstStart: true });
    await again.ok('staff:unlock', { pin: '482913' });
    expect((await again.ok('store:settings', {})).register).toEqual(renamed.register);
    expect((await again.ok('store:save-register-name', { name: '카운터 3' })).register?.id).toBe(renamed.register?.id);
  });
});

describe('switching the shared store on (a manager’s setting, checked before it is saved)', () => {
  it('is refused with a clear reason for an address that is not a postgres:// URL, nothing saved', async () => {
    const h = await managerCore();
    const error = await h.fail('store:save-url', { url: 'http://10.0.0.5:5432/shop' });
    expect(error).toMatchObject({ code: 'SHARED_STORE_UNREACHABLE', details: { reason: 'url' } });
    expect(describeError(error, 'ko')).toContain('postgres://');
    expect(describeError(error, 'en')).toContain('Nothing was saved');
    expect((await h.ok('store:settings', {})).url).toBeNull();
  });

  it('is refused when the server does not answer, or refuses the password, nothing saved and no password shown', async () => {
    const { log, all } = capturingLog();
    const h = await managerCore({ log });
    const port = new URL(await closedPortUrl()).port;
    const unreachable = `postgres://pos:hunter2-secret@127.0.0.1:${port}/shop`;
    const down = await h.fail('store:save-url', { url: unreachable });
    expect(down).toMatchObject({ code: 'SHARED_STORE_UNREACHABLE', details: { reason: 'unreachable' } });
    expect(describeError(down, 'en')).toMatch(/does not answer/);

    const wrongPassword = withPassword(db.url, 'hunter2-secret');
    const refused = await h.fail('store:save-url', { url: wrongPassword });
    expect(refused).toMatchObject({ code: 'SHARED_STORE_UNREACHABLE', details: { reason: 'auth' } });

    const missing = await h.fail('store:save-url', { url: withDatabase(db.url, 'no_such_shop_db') });
    expect(missing).toMatchObject({ code: 'SHARED_STORE_UNREACHABLE', details: { reason: 'database' } });

    for (const answer of [down, refused, missing]) expect(JSON.stringify(answer)).not.toContain('hunter2');
    expect(JSON.stringify(all)).not.toContain('hunter2');
    // Nothing saved: not the store, not even the identity it was checked with.
    const settings = await readFile(join(h.dataDir, 'settings.json'), 'utf8').catch(() => '{}');
    expect(JSON.parse(settings)).not.toHaveProperty('sharedStoreUrl', expect.any(String));
    expect(JSON.parse(settings)).not.toHaveProperty('register', expect.anything());
  });

  it('is saved once it connects, migrates and writes this register’s row; the page sees it masked', async () => {
    const { log, all } = capturingLog();
    const h = await managerCore({ log });
    const password = new URL(db.url).password;
    const view = await h.ok('store:save-url', { url: db.url });
    expect(view.url).not.toContain(`:${password}@`);
    expect(view.url).toContain(':****@');
    expect(view.changed?.by).toBe('김토스');
    expect(view.register).not.toBeNull();
    expect(await registersIn(db.url)).toContainEqual(view.register);
    await h.core.sharedStore.flush();
    expect(await h.ok('store:status', {})).toEqual({ state: 'online', waiting: 0 });
    expect(JSON.stringify(all)).not.toContain(`:${password}@`);

    // Off again: the register stops replicating, and says so.
    const off = await h.ok('store:save-url', { url: null });
    expect(off.url).toBeNull();
    expect(off.status).toEqual({ state: 'off' });
  });

  it('is refused to the training manager, whose PIN is public', async () => {
    const h = await withCore({ firstStart: true });
    await h.ok('staff:use-training-manager', {});
    expect(await h.fail('store:save-url', { url: db.url })).toMatchObject({ code: 'TRAINING_MANAGER_LIMITED' });
    expect(await h.fail('store:save-register-name', { name: '연습' })).toMatchObject({
      code: 'TRAINING_MANAGER_LIMITED',
    });
  });

  it('POS_STORE_URL wins over the setting and is shown masked too', async () => {
    const h = await managerCore({ env: { POS_STORE_URL: db.url } });
    const view = await h.ok('store:settings', {});
    expect(view.fromEnvironment).toBe(true);
    expect(view.url).toContain(':****@');
    await h.core.sharedStore.flush();
    expect(view.register?.id).toMatch(/^reg-/);
    expect(await h.ok('store:status', {})).toEqual({ state: 'online', waiting: 0 });
  });
});
