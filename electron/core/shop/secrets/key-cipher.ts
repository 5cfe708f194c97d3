/**
 * How a secret is protected at rest. `os-keychain`: encrypted with a key the operating system
 * guards (Keychain, DPAPI, libsecret/KWallet). `weak`: "encrypted" with a key anyone holding
 * the file can derive (Chromium's basic_text store on Linux). `plain-text`: not encrypted at all
 * (the browser host), readable by whoever can read the owner-only file.
 */
export type KeyProtection = 'os-keychain' | 'weak' | 'plain-text';

export type CipherAvailability =
  { available: true; protection: KeyProtection; detail: string } | { available: false; detail: string };

/** The shell's encryption, passed into the secret key file so it runs (and is tested) in plain Node. */
export interface KeyCipher {
  availability(): Promise<CipherAvailability>;
  encrypt(text: string): Promise<Buffer>;
  /** Throws when the blob cannot be decrypted here (profile moved, keychain reset). */
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
