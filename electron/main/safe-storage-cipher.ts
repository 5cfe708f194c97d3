import type { SafeStorage } from 'electron';
import { KeyringLockedError, type CipherAvailability, type KeyCipher } from '../core/shop/secrets/key-cipher';

type AsyncSafeStorage = Pick<
  SafeStorage,
  | 'isAsyncEncryptionAvailable'
  | 'encryptStringAsync'
  | 'decryptStringAsync'
  | 'getSelectedStorageBackend'
  | 'isEncryptionAvailable'
>;

/**
 * The Linux stores whose key really is guarded (Electron 45's `getSelectedStorageBackend()` values
 * besides `basic_text` and `unknown`). An allowlist, not a blocklist: the async API can leave the
 * backend unreported (""), and a value we do not know is no promise of encryption either.
 */
const LINUX_KEYRINGS: ReadonlySet<string> = new Set(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']);

/**
 * What Chromium's async encryptor answers when the keyring is there but cannot be used yet (locked,
 * its daemon not up): "safeStorage.decryptStringAsync is temporarily unavailable. Please try again."
 */
const TEMPORARILY_UNAVAILABLE = /temporarily unavailable/i;

/**
 * How long a safeStorage call may take before the keyring counts as locked: the async encryptor
 * holds every call until the keyring answers, and an unlock prompt nobody answers never does.
 */
export const ANSWER_WITHIN_MS = 2_000;
const NO_ANSWER = Symbol('no answer');

async function within<T>(call: Promise<T>, ms: number): Promise<T | typeof NO_ANSWER> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof NO_ANSWER>((resolve) => {
    timer = setTimeout(() => resolve(NO_ANSWER), ms);
  });
  try {
    return await Promise.race([call, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Electron's safeStorage, asynchronous API only (the synchronous one is deprecated in 45). On
 * Linux only a real keyring counts as encrypted; Chromium's `basic_text` fallback (a constant key
 * anyone can use) and an unreported backend are reported as weak. Once the app is ready Electron
 * always has some store (Keychain, DPAPI, a keyring or basic_text), so "not available" means a
 * store that cannot be reached yet (a Keychain prompt unanswered, a keyring locked at boot).
 */
export function safeStorageCipher(
  safeStorage: AsyncSafeStorage,
  platform: NodeJS.Platform,
  answerWithinMs = ANSWER_WITHIN_MS,
): KeyCipher {
  return {
    async availability(): Promise<CipherAvailability> {
      const answered = await within(safeStorage.isAsyncEncryptionAvailable(), answerWithinMs);
      if (answered === NO_ANSWER) {
        return {
          available: false,
          locked: true,
          detail: `the operating system keychain or keyring did not answer within ${answerWithinMs} ms (locked, or waiting for someone to unlock it)`,
        };
      }
      if (!answered) {
        return {
          available: false,
          locked: true,
          detail: 'the operating system keychain or keyring is locked or not running yet',
        };
      }
      if (platform === 'linux') {
        let backend: string = safeStorage.getSelectedStorageBackend();
        // Only the synchronous encryptor names its backend: asked once (deprecated, never used to
        // encrypt), it makes a real keyring known instead of weak for want of a name.
        if (!LINUX_KEYRINGS.has(backend)) {
          safeStorage.isEncryptionAvailable();
          backend = safeStorage.getSelectedStorageBackend();
        }
        if (!LINUX_KEYRINGS.has(backend)) {
          return {
            available: true,
            protection: 'weak',
            detail: `no keyring (GNOME Keyring or KWallet) is known to be in use; Linux backend "${backend}" is not one that really encrypts`,
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
      try {
        const answered = await within(safeStorage.decryptStringAsync(blob), answerWithinMs);
        if (answered === NO_ANSWER)
          throw new KeyringLockedError(`the keychain or keyring did not answer within ${answerWithinMs} ms`);
        return { text: answered.result, shouldReEncrypt: answered.shouldReEncrypt };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (TEMPORARILY_UNAVAILABLE.test(message)) throw new KeyringLockedError(message);
        throw error;
      }
    },
  };
}
