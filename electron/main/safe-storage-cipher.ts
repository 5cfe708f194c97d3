import type { SafeStorage } from 'electron';
import type { CipherAvailability, KeyCipher } from '../core/shop/secrets/key-cipher';

type AsyncSafeStorage = Pick<
  SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
>;

/**
 * Electron's safeStorage, asynchronous API only (the synchronous one is deprecated in 45). On
 * Linux without a keyring Chromium falls back to `basic_text`, whose key is a constant anyone
 * can use: that is reported as weak, never as encrypted.
 */
export function safeStorageCipher(safeStorage: AsyncSafeStorage, platform: NodeJS.Platform): KeyCipher {
  return {
    async availability(): Promise<CipherAvailability> {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) {
        return {
          available: false,
          detail: 'the operating system offers no encryption for saved secrets here (no keychain or keyring)',
        };
      }
      if (platform === 'linux') {
        const backend = safeStorage.getSelectedStorageBackend();
        if (backend === 'basic_text' || backend === 'unknown') {
          return {
            available: true,
            protection: 'weak',
            detail: `no keyring (GNOME Keyring or KWallet) is running; Linux backend "${backend}" does not really encrypt`,
          };
        }
        return { available: true, protection: 'os-keychain', detail: `Linux keyring (${backend})` };
      }
      return {
        available: true,
        protection: 'os-keychain',
        detail: platform === 'darwin' ? 'macOS Keychain' : 'Windows DPAPI',
      };
    },
    encrypt: (text) => safeStorage.encryptStringAsync(text),
    async decrypt(blob) {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(blob);
      return { text: result, shouldReEncrypt };
    },
  };
}
