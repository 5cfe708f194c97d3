import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import { describe, expect, it } from 'vitest';
import { startPos } from '../../../../electron/compose/start-pos';
import { plainTextCipher } from '../../../../electron/core/shop/secrets/key-cipher';
import { SECRET_KEY_FILE, SecretKeyFile } from '../../../../electron/core/shop/secrets/secret-key-file';
import { diskIo } from '../../../../electron/core/platform/disk/file-io';
import { safeStorageCipher } from '../../../../electron/main/safe-storage-cipher';
import { onCleanup } from '../../helpers/cleanup';
import { faultyIo } from '../../helpers/faulty-io';
import { silentLog, startOwnSimulator, withCatalog } from '../../helpers/pos';
import { tempDir } from '../../helpers/temp-dir';

const KEY = 'live_sk_Kx7Qm2Zp9Lr4Wt6Yv8Nb';
const NOW = () => new Date('2026-12-01T03:00:00Z');

type Backend = ReturnType<SafeStorage['getSelectedStorageBackend']>;

/**
 * A stand-in for Electron's safeStorage (async API): a reversible "encryption" tagged with the
 * keychain it was made with, so a moved profile or a reset keychain cannot decrypt it.
 */
class FakeSafeStorage {
  available = true;
  backend: Backend = 'gnome_libsecret';
  keychain = 'keychain-1';
  /** The keychain rotated its key: decrypting still works but asks for re-encryption. */
  rotated = false;
  encryptions = 0;

  isAsyncEncryptionAvailable = async () => this.available;
  getSelectedStorageBackend = () => this.backend;
  isEncryptionAvailable = () => true;
  encryptStringAsync = async (text: string) => {
    this.encryptions += 1;
    return Buffer.from(`${this.keychain}:${Buffer.from(text).toString('hex')}`);
  };
  decryptStringAsync = async (blob: Buffer) => {
    const [keychain, hex] = blob.toString().split(':');
    if (keychain !== this.keychain || hex === undefined)
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return { result: Buffer.from(hex, 'hex').toString(), shouldReEncrypt: this.rotated };
  };
}

async function setup(platform: NodeJS.Platform = 'linux') {
  const dataDir = await tempDir('keys');
  const safe = new FakeSafeStorage();
  const store = (cipher = safeStorageCipher(safe, platform)) =>
    new SecretKeyFile({ dataDir, cipher, io: diskIo, now: NOW, log: silentLog });
  const onDisk = () => readFile(join(dataDir, SECRET_KEY_FILE), 'utf8');
  return { dataDir, safe, store, onDisk };
}

describe('the secret key at rest (safeStorage, asynchronous API)', () => {
  it('stores the key encrypted, owner-only, and reads it back', async () => {
    const { store, onDisk, dataDir } = await setup();
    expect(await store().save(KEY, { acceptWeakProtection: false })).toBe('os-keychain');
    expect(await onDisk()).not.toContain(KEY);
    expect(JSON.parse(await onDisk())).toMatchObject({ version: 1, protection: 'os-keychain' });
    expect((await stat(join(dataDir, SECRET_KEY_FILE))).mode & 0o777).toBe(0o600);
    expect(await store().read()).toEqual({ state: 'stored', key: KEY, protection: 'os-keychain' });
  });

  it('treats a key this computer cannot decrypt as no key, keeps the file aside and says why', async () => {
    const { store, safe, dataDir } = await setup();
    await store().save(KEY, { acceptWeakProtection: false });
    safe.keychain = 'keychain-after-reset';
    const read = await store().read();
    expect(read).toMatchObject({ state: 'unreadable', reason: expect.stringMatching(/cannot be decrypted/) });
    const files = await readdir(dataDir);
    expect(files).not.toContain(SECRET_KEY_FILE);
    const aside = files.find((name) => name.startsWith('toss-secret-key.unreadable-'));
    expect(aside).toBeDefined();
    expect(read).toMatchObject({ movedTo: join(dataDir, aside ?? '') });
    // Nothing was lost: the moved file is the one that was written.
    expect(JSON.parse(await readFile(join(dataDir, aside ?? ''), 'utf8'))).toMatchObject({ protection: 'os-keychain' });
    expect(await store().read()).toEqual({ state: 'absent' });
  });

  it.each([
    ['not JSON', 'garbage'],
    ['another shape', JSON.stringify({ key: KEY })],
    ['the old raw blob format', 'keychain-1:6c697665'],
  ])('moves a key file that is %s aside instead of failing', async (_label, content) => {
    const { store, dataDir } = await setup();
    await writeFile(join(dataDir, SECRET_KEY_FILE), content);
    expect(await store().read()).toMatchObject({ state: 'unreadable', reason: expect.stringMatching(/format/) });
  });

  it('moves aside a file that decrypts to something that is not a secret key', async () => {
    const { store, safe, dataDir } = await setup();
    const blob = await safe.encryptStringAsync('test_ck_this_is_a_client_key');
    await writeFile(
      join(dataDir, SECRET_KEY_FILE),
      JSON.stringify({ version: 1, protection: 'os-keychain', data: blob.toString('base64') }),
    );
    expect(await store().read()).toMatchObject({
      state: 'unreadable',
      reason: expect.stringMatching(/not a Toss secret key/),
    });
  });

  it('re-encrypts when safeStorage asks (shouldReEncrypt), atomically', async () => {
    const { store, safe, onDisk } = await setup();
    await store().save(KEY, { acceptWeakProtection: false });
    safe.rotated = true;
    safe.keychain = 'keychain-1';
    const before = safe.encryptions;
    expect(await store().read()).toMatchObject({ state: 'stored', key: KEY });
    expect(safe.encryptions).toBe(before + 1);
    safe.rotated = false;
    expect(await store().read()).toMatchObject({ state: 'stored', key: KEY });
    expect(JSON.parse(await onDisk())).toMatchObject({ protection: 'os-keychain' });
  });

  it('on Linux without a keyring (basic_text) refuses to pretend, unless the owner accepts a plain warning', async () => {
    const { store, safe, dataDir } = await setup('linux');
    safe.backend = 'basic_text';
    await expect(store().save(KEY, { acceptWeakProtection: false })).rejects.toMatchObject({
      code: 'KEY_STORAGE_UNENCRYPTED',
      message: expect.stringMatching(/basic_text/),
    });
    expect(await readdir(dataDir)).toEqual([]);
    expect(await store().save(KEY, { acceptWeakProtection: true })).toBe('weak');
    expect(await store().read()).toEqual({ state: 'stored', key: KEY, protection: 'weak' });
  });

  it('stores nothing while the keychain cannot be reached (locked), and says it is locked', async () => {
    const { store, safe, dataDir } = await setup('darwin');
    safe.available = false;
    await expect(store().save(KEY, { acceptWeakProtection: true })).rejects.toMatchObject({
      code: 'KEYRING_LOCKED',
      retryable: true,
    });
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('leaves the previous key in place when writing the new one fails (disk full)', async () => {
    const dataDir = await tempDir('keys-faulty');
    let diskFull = false;
    const { io } = faultyIo(() => diskFull);
    const safe = new FakeSafeStorage();
    const store = new SecretKeyFile({
      dataDir,
      cipher: safeStorageCipher(safe, 'win32'),
      io,
      now: NOW,
      log: silentLog,
    });
    await store.save(KEY, { acceptWeakProtection: false });
    diskFull = true;
    await expect(store.save('live_sk_another_key_1234', { acceptWeakProtection: false })).rejects.toThrow(/ENOSPC/);
    expect(await store.read()).toMatchObject({ state: 'stored', key: KEY });
  });

  it('reads a key the browser host kept in plain text, and encrypts it once a keychain can take it', async () => {
    const { store, onDisk } = await setup();
    await store(plainTextCipher).save(KEY, { acceptWeakProtection: true });
    expect(JSON.parse(await onDisk())).toMatchObject({ protection: 'plain-text' });
    expect(await store().read()).toEqual({ state: 'stored', key: KEY, protection: 'os-keychain' });
    expect(await onDisk()).not.toContain(Buffer.from(KEY).toString('base64'));
  });

  it('in the browser host leaves a keychain-encrypted key alone: it cannot open it, and says so', async () => {
    const { store, onDisk } = await setup();
    await store().save(KEY, { acceptWeakProtection: false });
    const before = await onDisk();
    expect(await store(plainTextCipher).read()).toEqual({ state: 'elsewhere', protection: 'os-keychain' });
    expect(await onDisk()).toBe(before);
  });
});

describe('start-up with a stored key', () => {
  it('starts in training mode with a notice, instead of stopping, when the saved key cannot be read', async () => {
    const dataDir = await tempDir('start-unreadable');
    await withCatalog(dataDir);
    const safe = new FakeSafeStorage();
    const cipher = safeStorageCipher(safe, 'darwin');
    const own = await startOwnSimulator();
    const env = {
      POS_DATA_DIR: dataDir,
      TOSS_CLIENT_KEY: own.clientKey,
      TOSS_SECRET_KEY: own.secretKey,
      TOSS_API_BASE: own.sim.apiBase,
      TOSS_SDK_SRC: own.sim.sdkSrc,
    };
    const first = await startPos({ env, packaged: false, cipher, keepEnvironmentKey: true, log: silentLog });
    expect(first.mode()).toBe('live');
    await first.close();

    // Next start: keys only from what was saved. Then the keychain is reset.
    const saved = await startPos({
      env: { POS_DATA_DIR: dataDir, TOSS_API_BASE: own.sim.apiBase, TOSS_SDK_SRC: own.sim.sdkSrc },
      packaged: false,
      cipher,
      keepEnvironmentKey: true,
      log: silentLog,
    });
    expect(saved.mode()).toBe('live');
    await saved.close();
    safe.keychain = 'reset';
    const after = await startPos({
      env: { POS_DATA_DIR: dataDir },
      packaged: false,
      cipher,
      keepEnvironmentKey: true,
      log: silentLog,
    });
    onCleanup(() => after.close());
    expect(after.mode()).toBe('training');
    const info = await after.dispatch('app:info', {});
    expect(info).toMatchObject({
      ok: true,
      data: {
        mode: 'training',
        notices: [
          { code: 'SECRET_KEY_UNREADABLE', detail: expect.stringMatching(/moved to .*toss-secret-key\.unreadable-/) },
        ],
      },
    });
  });

  it('reports a key it could not store instead of ignoring it, and still runs with it', async () => {
    const dataDir = await tempDir('start-weak');
    await withCatalog(dataDir);
    const safe = new FakeSafeStorage();
    safe.backend = 'basic_text';
    const own = await startOwnSimulator();
    const env = {
      POS_DATA_DIR: dataDir,
      TOSS_CLIENT_KEY: own.clientKey,
      TOSS_SECRET_KEY: own.secretKey,
      TOSS_API_BASE: own.sim.apiBase,
      TOSS_SDK_SRC: own.sim.sdkSrc,
    };
    const pos = await startPos({
      env,
      packaged: false,
      cipher: safeStorageCipher(safe, 'linux'),
      keepEnvironmentKey: true,
      log: silentLog,
    });
    onCleanup(() => pos.close());
    expect(await pos.dispatch('app:info', {})).toMatchObject({
      ok: true,
      data: { mode: 'live', notices: [{ code: 'SECRET_KEY_NOT_SAVED', detail: expect.stringMatching(/basic_text/) }] },
    });
    expect(await readdir(dataDir)).not.toContain(SECRET_KEY_FILE);
  });
});
