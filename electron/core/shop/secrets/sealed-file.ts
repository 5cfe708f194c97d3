import { z } from 'zod';
import type { Logger } from '../../platform/log/logger';
import type { FileIo } from '../../platform/disk/file-io';
import { KeyringLockedError, type KeyCipher, type KeyProtection } from './key-cipher';

/** On disk: the protection it was written with, so a shell never mistakes one kind for another. */
const envelopeSchema = z.strictObject({
  version: z.literal(1),
  protection: z.enum(['os-keychain', 'weak', 'plain-text']),
  data: z.base64(),
});

/**
 * What a sealed file holds for this shell. `elsewhere`: written encrypted by the Electron app, so
 * this shell (the browser host) cannot open it. `unreadable`: not an envelope, not decryptable
 * here, or not what it should hold (`reason` says which). `locked`: the keyring that can open it
 * is locked or not up yet; the file is fine and may open later.
 */
export type Unsealed =
  | { state: 'absent' }
  | { state: 'open'; text: string; protection: KeyProtection }
  | { state: 'elsewhere'; protection: KeyProtection }
  | { state: 'locked'; reason: string }
  | { state: 'unreadable'; reason: string };

export interface SealedFileDeps {
  path: string;
  cipher: KeyCipher;
  io: FileIo;
  log: Logger;
  /** What the file holds, for the log ("the stored secret key"). */
  what: string;
}

/**
 * One secret kept through the shell's KeyCipher (the Toss secret key, the staff signing key):
 * an envelope naming its protection, written atomically and owner-only, re-encrypted when the
 * OS asks or as soon as a keychain can take a plain-text one.
 */
export class SealedFile {
  constructor(private readonly deps: SealedFileDeps) {}

  /** `problem` says what is wrong with the opened text, or null when it is what the file should hold. */
  async read(problem: (text: string) => string | null): Promise<Unsealed> {
    const raw = await this.deps.io.read(this.deps.path);
    if (raw === null) return { state: 'absent' };
    const envelope = parseEnvelope(raw);
    if (envelope === null) return { state: 'unreadable', reason: 'the key file is not in the expected format' };

    const availability = await this.deps.cipher.availability();
    const canDecrypt = availability.available && availability.protection !== 'plain-text';
    if (envelope.protection !== 'plain-text' && !availability.available && availability.locked === true)
      return { state: 'locked', reason: availability.detail };
    if (envelope.protection !== 'plain-text' && !canDecrypt)
      return { state: 'elsewhere', protection: envelope.protection };

    let text: string;
    let reEncrypt: boolean;
    try {
      const blob = Buffer.from(envelope.data, 'base64');
      const opened =
        envelope.protection === 'plain-text'
          ? { text: blob.toString('utf8'), shouldReEncrypt: false }
          : await this.deps.cipher.decrypt(blob);
      text = opened.text;
      // A secret kept in plain text (by the browser host) is encrypted as soon as a keychain can take it.
      reEncrypt =
        opened.shouldReEncrypt ||
        (envelope.protection === 'plain-text' && canDecrypt && availability.protection === 'os-keychain');
    } catch (error) {
      if (error instanceof KeyringLockedError) return { state: 'locked', reason: error.message };
      return {
        state: 'unreadable',
        reason: `it cannot be decrypted on this computer (${error instanceof Error ? error.message : 'unknown error'})`,
      };
    }
    const wrong = problem(text);
    if (wrong !== null) return { state: 'unreadable', reason: wrong };

    let protection = envelope.protection;
    if (reEncrypt && availability.available) {
      try {
        await this.write(text, availability.protection);
        protection = availability.protection;
      } catch (error) {
        this.deps.log.warn(`could not re-encrypt ${this.deps.what}; keeping the old copy`, { error });
      }
    }
    return { state: 'open', text, protection };
  }

  async write(text: string, protection: KeyProtection): Promise<void> {
    const blob = protection === 'plain-text' ? Buffer.from(text, 'utf8') : await this.deps.cipher.encrypt(text);
    const envelope: z.infer<typeof envelopeSchema> = { version: 1, protection, data: blob.toString('base64') };
    await this.deps.io.writeAtomic(this.deps.path, JSON.stringify(envelope));
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
