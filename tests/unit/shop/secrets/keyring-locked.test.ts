import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import { describe, expect, it } from 'vitest';
import { startPos, type StartPosOptions } from '../../../../electron/compose/start-pos';
import { plainTextCipher } from '../../../../electron/core/shop/secrets/key-cipher';
import { KEYRING_WAIT_AT_START, type KeyringWait } from '../../../../electron/core/shop/secrets/keyring-wait';
import { SealedFile } from '../../../../electron/core/shop/secrets/sealed-file';
import { SECRET_KEY_FILE } from '../../../../electron/core/shop/secrets/secret-key-file';
import { STAFF_KEY_FILE } from '../../../../electron/core/shop/staff/staff-key';
import { diskIo } from '../../../../electron/core/platform/disk/file-io';
import {
  ANSWER_WITHIN_MS as APP_ANSWER_WITHIN_MS,
  safeStorageCipher,
} from '../../../../electron/main/safe-storage-cipher';
import { onCleanup } from '../../helpers/cleanup';
import { silentLog, startOwnSimulator, withCatalog, withOwner } from '../../helpers/pos';
import { CARD, payWindow, waitFor } from '../../helpers/toss-window';
import { tempDir } from '../../helpers/temp-dir';

type Backend = ReturnType<SafeStorage['getSelectedStorageBackend']>;

const OWNER_PIN = '482913';
/** Three retries, a few milliseconds apart: the start's 30 s wait, shortened. */
const QUICK: KeyringWait = { delaysMs: [5, 10, 20], retryEveryMs: 50 };
/** How long the stand-in keyring may take before it counts as locked (2 s in the app). */
const ANSWER_WITHIN_MS = 100;

/**
 * Electron's safeStorage (async API) in front of a keyring that can be locked: while it is, the
 * availability check says no, or (`lockedDecrypts`) a decrypt fails the way Chromium's async
 * encryptor says "temporarily unavailable". A reset keychain fails the way a wrong key does.
 */
class LockableSafeStorage {
  backend: Backend = 'gnome_libsecret';
  keychain = 'keychain-1';
  /** How many more availability checks answer "not available" (the keyring daemon not up yet). */
  lockedChecks = 0;
  /** How many more decrypts fail as "temporarily unavailable" (the keyring locked). */
  lockedDecrypts = 0;
  /** The availability check never answers (an unanswered unlock prompt). */
  hangs = false;
  checks = 0;

  isAsyncEncryptionAvailable = async () => {
    this.checks += 1;
    if (this.hangs) return new Promise<boolean>(() => undefined);
    if (this.lockedChecks > 0) {
      this.lockedChecks -= 1;
      return false;
    }
    return true;
  };
  getSelectedStorageBackend = () => this.backend;
  isEncryptionAvailable = () => true;
  encryptStringAsync = async (text: string) => Buffer.from(`${this.keychain}:${Buffer.from(text).toString('hex')}`);
  decryptStringAsync = async (blob: Buffer) => {
    if (this.lockedDecrypts > 0) {
      this.lockedDecrypts -= 1;
      throw new Error('safeStorage.decryptStringAsync is temporarily unavailable. Please try again.');
    }
    const [keychain, hex] = blob.toString().split(':');
    if (keychain !== this.keychain || hex === undefined)
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptStringAsync.');
    return { result: Buffer.from(hex, 'hex').toString(), shouldReEncrypt: false };
  };
}

/**
 * A shop that went live with its keys saved (encrypted by the keyring), then restarts with only
 * what it saved. With `plainStaffKey` its staff signing key is kept as the browser host keeps it
 * (a plain-text, owner-only file), so the staff file opens whatever the keyring does and the
 * secret key's own path is what is seen.
 */
async function liveShop(shop: { plainStaffKey?: boolean; openLiveWork?: boolean } = {}) {
  const dataDir = await tempDir('keyring');
  await withCatalog(dataDir);
  const safe = new LockableSafeStorage();
  const cipher = safeStorageCipher(safe, 'linux', ANSWER_WITHIN_MS);
  await withOwner(dataDir, cipher);
  const own = await startOwnSimulator();
  const tossEnv = { TOSS_API_BASE: own.sim.apiBase, TOSS_SDK_SRC: own.sim.sdkSrc };
  const settleTiming = { sweepMs: 60_000, firstRetryMs: 60_000, maxRetryMs: 60_000 };
  const options = (env: NodeJS.ProcessEnv): StartPosOptions => ({
    env: { POS_DATA_DIR: dataDir, ...tossEnv, ...env },
    packaged: false,
    cipher,
    keepEnvironmentKey: true,
    log: silentLog,
    keyringWait: QUICK,
    tossTimeoutMs: 300,
    settleTiming,
  });
  const first = await startPos(options({ TOSS_CLIENT_KEY: own.clientKey, TOSS_SECRET_KEY: own.secretKey }));
  expect(first.mode()).toBe('live');
  let openOrderId: string | null = null;
  if (shop.openLiveWork) {
    // A card sale whose confirm answer was lost after Toss approved it: live work left open over the restart.
    expect(await first.dispatch('staff:unlock', { pin: OWNER_PIN })).toMatchObject({ ok: true });
    const rung = await first.dispatch('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
    if (!rung.ok) throw new Error(JSON.stringify(rung.error));
    const order = rung.data as { orderId: string; orderName: string; amount: number };
    const paymentKey = await payWindow(own.sim, own.clientKey, order, CARD.approves);
    own.sim.faults.add({ route: 'confirm', fault: { kind: 'reset', processed: true } });
    own.sim.faults.add({ route: 'lookup', times: 'always', fault: { kind: 'reset', processed: false } });
    expect(
      await first.dispatch('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount }),
    ).toMatchObject({ ok: false, error: { code: 'TOSS_UNREACHABLE' } });
    openOrderId = order.orderId;
  }
  await first.close();
  if (shop.plainStaffKey !== false) {
    const sealed = JSON.parse(await readFile(join(dataDir, STAFF_KEY_FILE), 'utf8')) as { data: string };
    const { text } = await cipher.decrypt(Buffer.from(sealed.data, 'base64'));
    const plain = { path: join(dataDir, STAFF_KEY_FILE), cipher: plainTextCipher, io: diskIo, log: silentLog };
    await new SealedFile({ ...plain, what: 'the staff signing key' }).write(text, 'plain-text');
  }
  const keyFile = () => readFile(join(dataDir, SECRET_KEY_FILE), 'utf8');
  const saved = await keyFile();
  const restart = async () => {
    const pos = await startPos(options({}));
    onCleanup(() => pos.close());
    return pos;
  };
  return { dataDir, safe, cipher, restart, keyFile, saved, own, openOrderId };
}

describe('a keyring that is locked for a while', () => {
  it('holds the start about 30 s at most, even when no keyring call ever answers', () => {
    const pauses = KEYRING_WAIT_AT_START.delaysMs.reduce((sum, ms) => sum + ms, 0);
    const attempts = KEYRING_WAIT_AT_START.delaysMs.length + 1;
    expect(pauses + attempts * APP_ANSWER_WITHIN_MS).toBeLessThanOrEqual(30_000);
    // Backoff: each pause at least as long as the one before.
    expect([...KEYRING_WAIT_AT_START.delaysMs].sort((a, b) => a - b)).toEqual(KEYRING_WAIT_AT_START.delaysMs);
  });

  it('is waited for at start: locked at boot, then unlocked, the till opens live with its saved key', async () => {
    const { safe, restart, keyFile, saved } = await liveShop();
    safe.lockedChecks = 2;
    const pos = await restart();
    expect(pos.mode()).toBe('live');
    expect(await pos.dispatch('app:info', {})).toMatchObject({ ok: true, data: { mode: 'live', notices: [] } });
    expect(await keyFile()).toBe(saved);
  });

  it('retries a decrypt refused as "temporarily unavailable" instead of moving the key aside', async () => {
    const { safe, restart, keyFile, saved } = await liveShop();
    safe.lockedDecrypts = 3;
    const pos = await restart();
    expect(pos.mode()).toBe('live');
    expect(safe.lockedDecrypts).toBe(0);
    expect(await keyFile()).toBe(saved);
  });

  it('still locked after the wait: starts in training saying the keyring is locked, the file left in place; unlocked later, a manager goes live without a restart', async () => {
    const { safe, restart, keyFile, saved, dataDir } = await liveShop();
    safe.lockedChecks = 1_000;
    safe.checks = 0;
    const pos = await restart();
    expect(pos.mode()).toBe('training');
    expect(await pos.dispatch('app:info', {})).toMatchObject({
      ok: true,
      data: { mode: 'training', notices: [{ code: 'KEYRING_LOCKED', detail: expect.stringMatching(/locked/) }] },
    });
    expect(await keyFile()).toBe(saved);
    expect((await readdir(dataDir)).filter((name) => name.startsWith('toss-secret-key'))).toEqual([SECRET_KEY_FILE]);
    // The keyring was asked again on each retry, not given up on at the first "no".
    expect(safe.checks).toBeGreaterThan(QUICK.delaysMs.length);

    expect(await pos.dispatch('staff:unlock', { pin: OWNER_PIN })).toMatchObject({ ok: true });
    expect(await pos.dispatch('settings:set-mode', { mode: 'live', confirm: true })).toMatchObject({
      ok: false,
      error: { code: 'KEYRING_LOCKED', retryable: true },
    });
    safe.lockedChecks = 0;
    expect(await pos.dispatch('settings:set-mode', { mode: 'live', confirm: true })).toMatchObject({
      ok: true,
      data: { toss: { mode: 'live' } },
    });
    expect(pos.mode()).toBe('live');
  });

  it('still locked at start, it is asked again while the app runs: once unlocked, live work left open settles with the saved key, the register staying in training', async () => {
    const { safe, restart, own, openOrderId } = await liveShop({ openLiveWork: true });
    safe.lockedChecks = 1_000;
    const pos = await restart();
    expect(pos.mode()).toBe('training');
    own.sim.faults.clear();
    const live = await pos.orders('live');
    expect((await live.get(openOrderId ?? ''))?.status).not.toBe('PAID');

    safe.lockedChecks = 0;
    let paid = false;
    const poll = setInterval(() => {
      void live.get(openOrderId ?? '').then((order) => (paid = order?.status === 'PAID'));
    }, 20);
    try {
      await waitFor(() => paid, 'the open live sale to settle once the keyring is unlocked', 5_000);
    } finally {
      clearInterval(poll);
    }
    expect(pos.mode()).toBe('training');
  });

  it('bounds an attempt that never answers (an unlock prompt nobody answers)', async () => {
    const { safe, restart, keyFile, saved } = await liveShop();
    safe.hangs = true;
    const started = Date.now();
    const pos = await restart();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await pos.dispatch('app:info', {})).toMatchObject({
      ok: true,
      data: {
        mode: 'training',
        notices: [{ code: 'KEYRING_LOCKED', detail: expect.stringMatching(/did not answer/) }],
      },
    });
    expect(await keyFile()).toBe(saved);
  });

  it('a key this keyring really cannot decrypt (reset keychain, moved profile) is still moved aside as before', async () => {
    const { safe, restart, dataDir } = await liveShop();
    safe.keychain = 'keychain-after-reset';
    const pos = await restart();
    expect(await pos.dispatch('app:info', {})).toMatchObject({
      ok: true,
      data: { mode: 'training', notices: [{ code: 'SECRET_KEY_UNREADABLE' }] },
    });
    const files = await readdir(dataDir);
    expect(files).not.toContain(SECRET_KEY_FILE);
    expect(files.some((name) => name.startsWith('toss-secret-key.unreadable-'))).toBe(true);
  });

  it('a staff key sealed by the same locked keyring stops the start saying so (not as a damaged file), and moves nothing', async () => {
    const { safe, restart, dataDir } = await liveShop({ plainStaffKey: false });
    const before = await readdir(dataDir);
    safe.lockedChecks = 1_000;
    await expect(restart()).rejects.toMatchObject({
      code: 'KEYRING_LOCKED',
      message: expect.stringMatching(/staff signing key .* locked .* unlock it and start Toss POS again/),
    });
    expect(await readdir(dataDir)).toEqual(before);
  });
});
