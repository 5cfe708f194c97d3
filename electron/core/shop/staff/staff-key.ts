import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Logger } from '../../platform/log/logger';
import type { KeyCipher } from '../secrets/key-cipher';
import { SealedFile } from '../secrets/sealed-file';
import type { FileIo } from '../../platform/disk/file-io';

export const STAFF_KEY_FILE = 'staff-key.json';
const KEY_BYTES = 32;

/**
 * This install's staff signing key: missing (a folder from before signatures, or a first start),
 * open, sealed by the desktop app's keychain where this shell cannot open it, sealed by a keyring
 * that is locked for now, or not usable at all.
 */
export type StaffKey =
  { state: 'absent' } | { state: 'open'; key: Buffer } | { state: 'elsewhere' | 'locked' | 'unusable'; reason: string };

export interface StaffKeyFileDeps {
  dataDir: string;
  cipher: KeyCipher;
  io: FileIo;
  log: Logger;
}

function keyProblem(text: string): string | null {
  return /^[A-Za-z0-9+/]+=*$/.test(text) && Buffer.from(text, 'base64').length === KEY_BYTES
    ? null
    : 'what it holds is not a staff signing key';
}

/**
 * The key staff records are signed with, kept as the Toss secret key is (through the shell's
 * KeyCipher: safeStorage in Electron, an owner-only plain-text file in the browser host). Unlike
 * the secret key it is never moved aside: staff.json cannot be trusted without it, so the start
 * stops and says why.
 */
export class StaffKeyFile {
  private readonly file: SealedFile;

  constructor(private readonly deps: StaffKeyFileDeps) {
    this.file = new SealedFile({
      path: join(deps.dataDir, STAFF_KEY_FILE),
      cipher: deps.cipher,
      io: deps.io,
      log: deps.log,
      what: 'the staff signing key',
    });
  }

  async read(): Promise<StaffKey> {
    const opened = await this.file.read(keyProblem);
    if (opened.state === 'absent') return opened;
    if (opened.state === 'open') return { state: 'open', key: Buffer.from(opened.text, 'base64') };
    if (opened.state === 'elsewhere') {
      return {
        state: 'elsewhere',
        reason: `it was encrypted by the desktop app's keychain (${opened.protection}), which this shell cannot open: start Toss POS as the desktop app`,
      };
    }
    if (opened.state === 'locked') return opened;
    return { state: 'unusable', reason: opened.reason };
  }

  /** A new key, protected as well as the shell can (plain text in an owner-only file where it offers nothing better). */
  async create(): Promise<Buffer> {
    const key = randomBytes(KEY_BYTES);
    const availability = await this.deps.cipher.availability();
    const protection = availability.available ? availability.protection : 'plain-text';
    await this.file.write(key.toString('base64'), protection);
    this.deps.log.info('staff signing key made', { protection });
    return key;
  }
}
