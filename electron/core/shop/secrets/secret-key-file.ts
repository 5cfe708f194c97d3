import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { PosError } from '../../../../shared/domain/errors';
import { isSecretKey } from '../../../../shared/domain/toss-keys';
import type { Logger } from '../../platform/log/logger';
import type { FileIo } from '../../platform/disk/file-io';
import type { CipherAvailability, KeyCipher, KeyProtection } from './key-cipher';
import { SealedFile } from './sealed-file';

export const SECRET_KEY_FILE = 'toss-secret-key.json';

/**
 * What the owner needs to know about the stored key. `elsewhere`: written encrypted by the
 * Electron app, so this shell (the browser host) cannot open it; it is left alone.
 * `locked`: the keyring is locked or not up yet; the file is left alone and may open later.
 * `unreadable`: it could not be decrypted here; the file was moved aside and the owner must
 * enter the key again.
 */
export type StoredKey =
  | { state: 'absent' }
  | { state: 'stored'; key: string; protection: KeyProtection }
  | { state: 'elsewhere'; protection: KeyProtection }
  | { state: 'locked'; reason: string }
  | { state: 'unreadable'; movedTo: string | null; reason: string };

export interface SecretKeyFileDeps {
  dataDir: string;
  cipher: KeyCipher;
  io: FileIo;
  now: () => Date;
  log: Logger;
}

/**
 * The shop's Toss secret key at rest. It never stops the app: a key that cannot be read is
 * "no key" plus a clear reason, and its file is kept aside, never deleted. Writes are atomic
 * (temp, fsync, rename) and owner-only.
 */
export class SecretKeyFile {
  private readonly path: string;
  private readonly file: SealedFile;

  constructor(private readonly deps: SecretKeyFileDeps) {
    this.path = join(deps.dataDir, SECRET_KEY_FILE);
    this.file = new SealedFile({
      path: this.path,
      cipher: deps.cipher,
      io: deps.io,
      log: deps.log,
      what: 'the stored secret key',
    });
  }

  /** How a key saved now would be protected (the settings screen says so before the owner saves). */
  availability(): Promise<CipherAvailability> {
    return this.deps.cipher.availability();
  }

  async read(): Promise<StoredKey> {
    const opened = await this.file.read((text) =>
      isSecretKey(text) ? null : 'what it holds is not a Toss secret key',
    );
    if (opened.state === 'unreadable') return this.setAside(opened.reason);
    if (opened.state === 'open') return { state: 'stored', key: opened.text, protection: opened.protection };
    return opened;
  }

  /**
   * Keeps the key. Refuses when the shell cannot protect it as promised: no encryption at all,
   * or a weak one the owner has not explicitly accepted.
   */
  async save(key: string, options: { acceptWeakProtection: boolean }): Promise<KeyProtection> {
    if (!isSecretKey(key)) throw new PosError('INVALID_INPUT', 'not a Toss secret key');
    const protection = await this.protectionFor(options);
    await this.file.write(key, protection);
    return protection;
  }

  /** How a key saved now would be kept; refuses what `save` would refuse, before anything else is done. */
  async protectionFor(options: { acceptWeakProtection: boolean }): Promise<KeyProtection> {
    const availability = await this.deps.cipher.availability();
    if (!availability.available && availability.locked === true)
      throw new PosError('KEYRING_LOCKED', availability.detail, { retryable: true });
    if (!availability.available) throw new PosError('KEY_STORAGE_UNAVAILABLE', availability.detail);
    if (availability.protection !== 'os-keychain' && !options.acceptWeakProtection) {
      throw new PosError('KEY_STORAGE_UNENCRYPTED', availability.detail);
    }
    return availability.protection;
  }

  /** Moves an unusable key file out of the way (never deletes it) and says why. */
  private async setAside(reason: string): Promise<StoredKey> {
    const stamp = this.deps.now().toISOString().replace(/[:.]/g, '-');
    const movedTo = join(this.deps.dataDir, `toss-secret-key.unreadable-${stamp}.json`);
    try {
      await rename(this.path, movedTo);
    } catch (error) {
      this.deps.log.error('could not move the unreadable secret key file aside', { error });
      return { state: 'unreadable', movedTo: null, reason };
    }
    this.deps.log.warn('the stored secret key could not be read; moved aside', { reason, movedTo });
    return { state: 'unreadable', movedTo, reason };
  }
}
