/**
 * How a secret is protected at rest. `os-keychain`: encrypted with a key the operating system
 * guards (Keychain, DPAPI, libsecret/KWallet). `weak`: "encrypted" with a key anyone holding
 * the file can derive (Chromium's basic_text store on Linux). `plain-text`: not encrypted at all
 * (the browser host), readable by whoever can read the owner-only file.
 */
export type KeyProtection = 'os-keychain' | 'weak' | 'plain-text';

/**
 * `locked`: the operating system's store exists but cannot be reached yet (a keyring locked at
 * boot, its daemon not up, a Keychain prompt unanswered): asking again later may succeed.
 */
export type CipherAvailability =
  | { available: true; protection: KeyProtection; detail: string }
  | { available: false; detail: string; locked?: boolean };

/** A decrypt refused for now (the keyring is locked), as opposed to a blob this computer can never open. */
export class KeyringLockedError extends Error {
  override readonly name = 'KeyringLockedError';
}

/** The shell's encryption, passed into the secret key file so it runs (and is tested) in plain Node. */
export interface KeyCipher {
  availability(): Promise<CipherAvailability>;
  encrypt(text: string): Promise<Buffer>;
  /**
   * Throws when the blob cannot be decrypted here (profile moved, keychain reset), or
   * KeyringLockedError when it may be later (the keyring is locked).
   */
  decrypt(blob: Buffer): Promise<{ text: string; shouldReEncrypt: boolean }>;
}

/** The browser host keeps the key as it is, in an owner-only file, and says so. */
export const plainTextCipher: KeyCipher = {
  availability: async () => ({
    available: true,
    protection: 'plain-text',
    detail: 'the browser host stores the key unencrypted in an owner-only (0600) file',
  }),
  encrypt: async (text) => Buffer.from(text, 'utf8'),
  decrypt: async (blob) => ({ text: blob.toString('utf8'), shouldReEncrypt: false }),
};
