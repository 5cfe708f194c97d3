import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatBusinessNumber, isBusinessNumber } from '../../../../shared/domain/business-number';
import { storeInfoSchema } from '../../../../shared/domain/settings';
import { keyPairProblem, maskKey } from '../../../../shared/domain/toss-keys';
import { seoulDay } from '../../../../shared/domain/time';
import { startPos } from '../../../../electron/compose/start-pos';
import { createLogger } from '../../../../electron/core/platform/log/logger';
import { plainTextCipher } from '../../../../electron/core/shop/secrets/key-cipher';
import { SECRET_KEY_FILE } from '../../../../electron/core/shop/secrets/secret-key-file';
import { startOwnSimulator, withCore, type CoreOptions, type OwnSimulator } from '../../helpers/pos';
import { onCleanup } from '../../helpers/cleanup';
import { tempDir } from '../../helpers/temp-dir';
import { CARD, payWindow } from '../../helpers/toss-window';

const STORE = {
  name: '토스 카페',
  owner: '김토스',
  businessNumber: '120-81-47521',
  address: '서울 강남구 테헤란로 131',
  phone: '02-1544-7772',
};

describe('사업자등록번호', () => {
  it.each(['120-81-47521', '1208147521', '220-81-62517', '101-81-00340'])(
    'accepts %s (check digit right)',
    (number) => {
      expect(isBusinessNumber(number)).toBe(true);
    },
  );
  it.each(['120-81-47522', '1234567890', '120-81-4752', '120-81-475211', 'abc-de-fghij', ''])(
    'refuses %j',
    (number) => {
      expect(isBusinessNumber(number)).toBe(false);
    },
  );
  it('is kept as digits and shown grouped', () => {
    expect(storeInfoSchema.parse(STORE).businessNumber).toBe('1208147521');
    expect(formatBusinessNumber('1208147521')).toBe('120-81-47521');
  });
});

describe('Toss key pairs', () => {
  it.each([
    ['test_ck_a', 'test_sk_b', null],
    ['live_ck_a', 'live_sk_b', null],
    ['test_ck_a', 'live_sk_b', 'MIXED_TEST_AND_LIVE'],
    ['test_gck_a', 'test_gsk_b', 'NOT_API_INDIVIDUAL'],
    ['test_sk_a', 'test_ck_b', 'NOT_API_INDIVIDUAL'],
    ['test_ck_a', 'test_ak_b', 'NOT_API_INDIVIDUAL'],
  ])('%s + %s → %s', (clientKey, secretKey, problem) => {
    expect(keyPairProblem(clientKey, secretKey)).toBe(problem);
  });
  it('are shown only as their kind and last four characters', () => {
    expect(maskKey('live_sk_zXLkKEypNArWmo50nX3lmeaxa1b2')).toBe('live_sk_…a1b2');
    expect(maskKey('test_ck_D5GePWvyJnrK0W0k6q8gLzN97Eoq')).toBe('test_ck_…7Eoq');
  });
});

/** A training core whose "live" Toss (TOSS_API_BASE) is a simulator the test owns, with an unlocked owner. */
async function managerCore(own: OwnSimulator, options: CoreOptions = {}) {
  const h = await withCore({
    ...options,
    env: { TOSS_API_BASE: own.sim.apiBase, TOSS_SDK_SRC: own.sim.sdkSrc, ...options.env },
  });
  await h.ok('staff:setup-owner', { name: '김토스', pin: '482913' });
  return h;
}

describe('settings (manager)', () => {
  it('keeps the shop’s details only when every field is right, and records who changed them', async () => {
    const own = await startOwnSimulator();
    const h = await managerCore(own);
    expect(await h.fail('settings:save-store', { ...STORE, businessNumber: '120-81-47522' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/check digit/),
    });
    expect(await h.fail('settings:save-store', { ...STORE, phone: 'call me' })).toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(await h.fail('settings:save-store', { ...STORE, name: '   ' })).toMatchObject({ code: 'INVALID_INPUT' });
    expect((await h.ok('settings:get', {})).store).toBeNull();
    const view = await h.ok('settings:save-store', STORE);
    expect(view.store).toMatchObject({ name: '토스 카페', businessNumber: '1208147521' });
    expect(view.storeChanged).toMatchObject({ by: '김토스' });
  });

  it('checks a key pair with Toss before keeping it, then shows only a masked tail', async () => {
    const own = await startOwnSimulator();
    const h = await managerCore(own);
    expect(
      await h.fail('settings:save-toss-keys', {
        clientKey: own.clientKey,
        secretKey: `${own.secretKey}x`,
        acceptUnencrypted: true,
      }),
    ).toMatchObject({ code: 'TOSS_KEY_REJECTED' });
    expect(
      await h.fail('settings:save-toss-keys', {
        clientKey: own.clientKey,
        secretKey: 'live_sk_abc',
        acceptUnencrypted: true,
      }),
    ).toMatchObject({ code: 'INVALID_INPUT' });
    // The browser host cannot encrypt: it says so, and keeps the key only when the owner accepts that.
    expect(
      await h.fail('settings:save-toss-keys', {
        clientKey: own.clientKey,
        secretKey: own.secretKey,
        acceptUnencrypted: false,
      }),
    ).toMatchObject({ code: 'KEY_STORAGE_UNENCRYPTED' });
    await expect(stat(join(h.dataDir, SECRET_KEY_FILE))).rejects.toThrow();

    const view = await h.ok('settings:save-toss-keys', {
      clientKey: own.clientKey,
      secretKey: own.secretKey,
      acceptUnencrypted: true,
    });
    expect(view.toss).toMatchObject({
      mode: 'training',
      clientKey: maskKey(own.clientKey),
      secretKey: maskKey(own.secretKey),
      changed: { by: '김토스' },
    });
    expect(view.keyStorage).toMatchObject({ protection: 'plain-text' });
    expect(JSON.stringify(view)).not.toContain(own.secretKey);
    expect((await stat(join(h.dataDir, SECRET_KEY_FILE))).mode & 0o777).toBe(0o600);
    // The lookup that proved the key asked Toss for an order that cannot exist.
    expect(
      own.sim
        .requests()
        .filter((r) => r.path.startsWith('/v1/payments/orders/keycheck-'))
        .map((r) => r.status),
    ).toEqual([401, 404]);
  });

  it('switches to live only with saved keys and an explicit confirmation, uses the new key at once, and keeps the choice for the next start', async () => {
    const own = await startOwnSimulator();
    const lines: string[] = [];
    const log = createLogger(
      () => [],
      (_level, line) => lines.push(line),
    );
    const h = await managerCore(own, { log });
    expect(await h.fail('settings:set-mode', { mode: 'live', confirm: true })).toMatchObject({
      code: 'LIVE_KEYS_MISSING',
    });
    expect(await h.fail('settings:set-mode', { mode: 'live', confirm: false } as never)).toMatchObject({
      code: 'INVALID_INPUT',
    });
    await h.ok('settings:save-toss-keys', {
      clientKey: own.clientKey,
      secretKey: own.secretKey,
      acceptUnencrypted: true,
    });
    expect((await h.ok('settings:set-mode', { mode: 'live', confirm: true })).toss).toMatchObject({
      mode: 'live',
      savedMode: 'live',
    });
    expect(await h.ok('app:info', {})).toMatchObject({
      mode: 'live',
      clientKey: own.clientKey,
      sdkSrc: own.sim.sdkSrc,
    });
    expect(h.core.csp()).toContain(own.sim.origin);

    // A live sale goes to the Toss the new key belongs to.
    const order = await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
    const paymentKey = await payWindow(own.sim, own.clientKey, order, CARD.approves);
    expect(await h.ok('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount })).toMatchObject({
      status: 'PAID',
      training: false,
    });

    await h.close();
    const again = await startPos({
      env: { POS_DATA_DIR: h.dataDir, TOSS_API_BASE: own.sim.apiBase, TOSS_SDK_SRC: own.sim.sdkSrc },
      packaged: false,
      cipher: plainTextCipher,
      keepEnvironmentKey: false,
      log,
    });
    onCleanup(() => again.close());
    expect(again.mode()).toBe('live');
    expect(await again.dispatch('app:info', {})).toMatchObject({
      ok: true,
      data: { mode: 'live', clientKey: own.clientKey },
    });
    expect(lines.join('\n')).not.toContain(own.secretKey);
  });

  it('scrubs a key saved while the app runs from every log line from then on', async () => {
    const own = await startOwnSimulator();
    const dataDir = await tempDir('scrub');
    // No log option: the app's own logger, which writes logs/YYYY-MM-DD.log.
    const pos = await startPos({
      env: { POS_DATA_DIR: dataDir, TOSS_API_BASE: own.sim.apiBase, TOSS_SDK_SRC: own.sim.sdkSrc },
      packaged: false,
      cipher: plainTextCipher,
      keepEnvironmentKey: false,
    });
    onCleanup(() => pos.close());
    await pos.dispatch('staff:setup-owner', { name: '김토스', pin: '482913' });
    expect(
      await pos.dispatch('settings:save-toss-keys', {
        clientKey: own.clientKey,
        secretKey: own.secretKey,
        acceptUnencrypted: true,
      }),
    ).toMatchObject({ ok: true });
    pos.log.error('a Toss error echoed the key', { text: `bad key ${own.secretKey}` });
    const logFile = join(dataDir, 'logs', `${seoulDay(new Date())}.log`);
    const logged = async () => (await readFile(logFile, 'utf8').catch(() => '')).includes('echoed the key');
    for (let i = 0; i < 200 && !(await logged()); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    const text = await readFile(logFile, 'utf8');
    expect(text).toContain('bad key [redacted]');
    expect(text).not.toContain(own.secretKey);
  });

  it('refuses to switch while a payment is being confirmed', async () => {
    const own = await startOwnSimulator({ confirmDelayMs: 400 });
    const h = await managerCore(own);
    await h.ok('settings:save-toss-keys', {
      clientKey: own.clientKey,
      secretKey: own.secretKey,
      acceptUnencrypted: true,
    });
    await h.ok('settings:set-mode', { mode: 'live', confirm: true });
    const order = await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
    const paymentKey = await payWindow(own.sim, own.clientKey, order, CARD.approves);
    const confirming = h.call('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await h.fail('settings:set-mode', { mode: 'training', confirm: true })).toMatchObject({
      code: 'PAYMENT_IN_FLIGHT',
    });
    expect(await confirming).toMatchObject({ ok: true });
    expect((await h.ok('settings:set-mode', { mode: 'training', confirm: true })).toss.mode).toBe('training');
    // The training books have no live order: it cannot be paid (or even found) against the training simulator.
    expect(await h.fail('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount })).toMatchObject(
      { code: 'ORDER_NOT_FOUND' },
    );
  });

  it('will not go live while only the training manager exists, and the training manager changes nothing that outlives training', async () => {
    const own = await startOwnSimulator();
    const h = await withCore({
      firstStart: true,
      env: { TOSS_API_BASE: own.sim.apiBase, TOSS_SDK_SRC: own.sim.sdkSrc },
    });
    await h.ok('staff:use-training-manager', {});
    const keys = { clientKey: own.clientKey, secretKey: own.secretKey, acceptUnencrypted: true };
    expect(await h.fail('settings:save-toss-keys', keys)).toMatchObject({ code: 'TRAINING_MANAGER_LIMITED' });
    expect(await h.fail('settings:set-mode', { mode: 'live', confirm: true })).toMatchObject({
      code: 'TRAINING_MANAGER_LIMITED',
    });
    expect(await h.fail('staff:add', { name: '몰래', role: 'manager', pin: '482913' })).toMatchObject({
      code: 'TRAINING_MANAGER_LIMITED',
    });
    // The owner is set up (no live manager exists yet, so the first-start owner is still offered) and goes live.
    await h.ok('staff:setup-owner', { name: '김토스', pin: '482913' });
    await h.ok('settings:save-toss-keys', keys);
    expect((await h.ok('settings:set-mode', { mode: 'live', confirm: true })).toss.mode).toBe('live');
    await h.ok('staff:lock', {});
    // The training manager's PIN opens nothing in live mode.
    expect(await h.fail('staff:unlock', { pin: '0000' })).toMatchObject({ code: 'PIN_WRONG' });
    expect(await h.ok('staff:status', {})).toMatchObject({
      setupNeeded: false,
      trainingManagerOffered: false,
      session: null,
    });
    expect(await h.fail('settings:get', {})).toMatchObject({ code: 'MANAGER_REQUIRED' });
  });

  it('refuses a live key whenever the Toss address is overridden (a test seam)', async () => {
    const own = await startOwnSimulator({ secretKey: 'live_sk_seamcheck_1234', clientKey: 'live_ck_seamcheck_1234' });
    const h = await managerCore(own);
    expect(
      await h.fail('settings:save-toss-keys', {
        clientKey: own.clientKey,
        secretKey: own.secretKey,
        acceptUnencrypted: true,
      }),
    ).toMatchObject({ code: 'TOSS_CONFIGURATION' });
    expect(own.sim.requests()).toEqual([]);
  });
});
