import type { SafeStorage } from 'electron';
import { describe, expect, it } from 'vitest';
import { safeStorageCipher } from '../../../electron/main/safe-storage-cipher';

type Backend = ReturnType<SafeStorage['getSelectedStorageBackend']>;

/** Electron's safeStorage as the weak-storage check sees it: available, on a chosen Linux backend. */
function safeStorageOn(backend: string) {
  return {
    isAsyncEncryptionAvailable: async () => true,
    // The async API can leave the backend unreported (""), a value outside Electron's typed list.
    getSelectedStorageBackend: () => backend as Backend,
    isEncryptionAvailable: () => true,
    encryptStringAsync: async (text: string) => Buffer.from(text),
    decryptStringAsync: async (blob: Buffer) => ({ result: blob.toString(), shouldReEncrypt: false }),
  };
}

describe('which stores count as encrypting the secret key', () => {
  it.each(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'])('on Linux, the %s keyring does', async (backend) => {
    expect(await safeStorageCipher(safeStorageOn(backend), 'linux').availability()).toEqual({
      available: true,
      protection: 'os-keychain',
      detail: `Linux keyring (${backend})`,
    });
  });

  it.each([
    ['basic_text', 'no keyring: a key anyone can derive'],
    ['unknown', 'asked before the app was ready'],
    ['', 'the async API left the backend unreported'],
    ['gnome_libsecret ', 'a near miss'],
    ['portal_secret', 'a store this build does not know'],
  ])('on Linux, backend "%s" (%s) is weak, never encrypted', async (backend) => {
    expect(await safeStorageCipher(safeStorageOn(backend), 'linux').availability()).toMatchObject({
      available: true,
      protection: 'weak',
      detail: expect.stringContaining(`"${backend}"`),
    });
  });

  it('a keyring the async API left unnamed is named by asking the synchronous encryptor once, and counts', async () => {
    let asked = 0;
    const storage = {
      ...safeStorageOn(''),
      // Electron names the backend only once the synchronous encryptor has started.
      getSelectedStorageBackend: () => (asked > 0 ? 'gnome_libsecret' : '') as Backend,
      isEncryptionAvailable: () => ((asked += 1), true),
    };
    expect(await safeStorageCipher(storage, 'linux').availability()).toEqual({
      available: true,
      protection: 'os-keychain',
      detail: 'Linux keyring (gnome_libsecret)',
    });
    expect(asked).toBe(1);
  });

  it.each([
    ['darwin', 'macOS Keychain'],
    ['win32', 'Windows DPAPI'],
  ] as const)('on %s the operating system store does, whatever a Linux backend would say', async (platform, detail) => {
    expect(await safeStorageCipher(safeStorageOn(''), platform).availability()).toEqual({
      available: true,
      protection: 'os-keychain',
      detail,
    });
  });

  it('a store that cannot be reached yet is locked, not absent', async () => {
    const safe = { ...safeStorageOn('gnome_libsecret'), isAsyncEncryptionAvailable: async () => false };
    expect(await safeStorageCipher(safe, 'linux').availability()).toMatchObject({ available: false, locked: true });
  });
});
