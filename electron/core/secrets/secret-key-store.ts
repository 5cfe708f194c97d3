import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { PosError } from '../../../shared/domain/errors';
import { isSecretKey } from '../../../shared/domain/toss-keys';
import type { Logger } from '../log/logger';
import type { FileIo } from '../store/file-io';
import type { CipherAvailability, KeyCipher, KeyProtection } from './key-cipher';

export const SECRET_KEY_FILE = 'toss-secret-key.json';

/** On disk: the protection it was written with, so a shell never mistakes one kind for another. */
const envelopeSchema = z.strictObject({
  version: z.literal(1),
  protection: z.enum(['os-keychain', 'weak', 'plain-text']),
  data: z.base64(),
});

/**
 * What the owner needs to know about the stored key. `elsewhere`: written encrypted by the
 * Electron app, so this shell (the browser host) cannot open it; it is left alone.
 * `unreadable`: it could not be decrypted here; the file was moved aside and the owner must
 * enter the key again.
 */
export type StoredKey =
  | { state: 'absent' }
  | { state: 'stored'; key: string; protection: KeyProtection }
  | { state: 'elsewhere'; protection: KeyProtection }
  | { state: 'unreadable'; movedTo: string | null; reason: string };

export interface SecretKeyStoreDeps {
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
export class SecretKeyStore {
  private readonly path: string;

  constructor(private readonly deps: SecretKeyStoreDeps) {
    this.path = join(deps.dataDir, SECRET_KEY_FILE);
  }

  /** How a key saved now would be protected (the settings screen says so before the owner saves). */
  availability(): Promise<CipherAvailability> {
    return this.deps.cipher.availability();
  }

  async read(): Promise<StoredKey> {
    const text = await this.deps.io.read(this.path);
    if (text === null) return { state: 'absent' };
    const envelope = parseEnvelope(text);
    if (envelope === null) return this.setAside('the key file is not in the expected format');

    const availability = await this.deps.cipher.availability();
    const canDecrypt = availability.available && availability.protection !== 'plain-text';
    if (envelope.protection !== 'plain-text' && !canDecrypt) return { state: 'elsewhere', protection: envelope.protection };

    let key: string;
    let reEncrypt: boolean;
    try {
      const blob = Buffer.from(envelope.data, 'base64');
      const opened = envelope.protection === 'plain-text' ? { text: blob.toString('utf8'), shouldReEncrypt: false } : await this.deps.cipher.decrypt(blob);
      key = opened.text;
      // A key kept in plain text (by the browser host) is encrypted as soon as a keychain can take it.
      reEncrypt = opened.shouldReEncrypt || (envelope.protection === 'plain-text' && canDecrypt && availability.protection === 'os-keychain');
    } catch (error) {
      return this.setAside(`it cannot be decrypted on this computer (${error instanceof Error ? error.message : 'unknown error'})`);
    }
    if (!isSecretKey(key)) return this.setAside('what it holds is not a Toss secret key');

    let protection = envelope.protection;
    if (reEncrypt && availability.available) {
      try {
        await this.write(key, availability.protection);
        protection = availability.protection;
      } catch (error) {
        this.deps.log.warn('could not re-encrypt the stored secret key; keeping the old copy', { error });
      }
    }
    return { state: 'stored', key, protection };
  }

  /**
   * Keeps the key. Refuses when the shell cannot protect it as promised: no encryption at all,
   * or a weak one the owner has not explicitly accepted.
   */
  async save(key: string, options: { acceptWeakProtection: boolean }): Promise<KeyProtection> {
    if (!isSecretKey(key)) throw new PosError('INVALID_INPUT', 'not a Toss secret key');
    const protection = await this.protectionFor(options);
    await this.write(key, protection);
    return protection;
  }

  /** How a key saved now would be kept; refuses what `save` would refuse, before anything else is done. */
  async protectionFor(options: { acceptWeakProtection: boolean }): Promise<KeyProtection> {
    const availability = await this.deps.cipher.availability();
    if (!availability.available) throw new PosError('KEY_STORAGE_UNAVAILABLE', availability.detail);
    if (availability.protection !== 'os-keychain' && !options.acceptWeakProtection) {
      throw new PosError('KEY_STORAGE_UNENCRYPTED', availability.detail);
    }
    return availability.protection;
  }

  private async write(key: string, protection: KeyProtection): Promise<void> {
    const blob = protection === 'plain-text' ? Buffer.from(key, 'utf8') : await this.deps.cipher.encrypt(key);
    const envelope: z.infer<typeof envelopeSchema> = { version: 1, protection, data: blob.toString('base64') };
    await this.deps.io.writeAtomic(this.path, JSON.stringify(envelope));
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

function parseEnvelope(text: string): z.infer<typeof envelopeSchema> | null {
  try {
    const parsed = envelopeSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
