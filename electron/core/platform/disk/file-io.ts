import { randomBytes } from 'node:crypto';
import { constants, writeSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { crashPoint } from '../chaos/crash-points';

/** Everything in the data folder is the shop owner's alone: sales, keys, logs. */
export const OWNER_ONLY_FILE = 0o600;
export const OWNER_ONLY_DIR = 0o700;

/** A file held open for appends: each sale pays for its write and its sync, not for opening the file. */
export interface AppendFile {
  /** Adds text at the end and returns only once it is on disk. */
  append(text: string): Promise<void>;
  close(): Promise<void>;
}

/** The disk operations the books and files need. Tests pass a faulty disk; nothing else changes. */
export interface FileIo {
  /** The file's text, or null when it does not exist. */
  read(path: string): Promise<string | null>;
  /** Up to `length` bytes of the file from byte `position` (fewer at its end), or null when it does not exist. */
  readRange(path: string, position: number, length: number): Promise<Buffer | null>;
  /** The names of what a folder holds; none when it does not exist. */
  list(dir: string): Promise<string[]>;
  /** Replace the file so that a crash leaves either the old or the new text, never a mix. */
  writeAtomic(path: string, text: string): Promise<void>;
  /** Opens the file for durable appends, creating it (and making its name durable in its folder). */
  openAppend(path: string): Promise<AppendFile>;
}

// Stryker disable next-line BlockStatement: a sync that is skipped shows only after a power cut, which no test on a running machine can make (docs/mutation-survivors.md)
async function fsyncPath(path: string, flags: string): Promise<void> {
  const handle = await open(path, flags);
  // Stryker disable next-line BlockStatement: as above
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Appends opened with O_DSYNC where the OS has it: each write returns once its data and the
 * file's new size are on disk, in one call instead of a write and an fdatasync. The write is
 * made on the main thread, as better-sqlite3 makes SQLite's: a sale's line is about a kilobyte
 * and takes ~0.2 ms, and handing it to libuv's thread pool instead made one commit in fifty wait
 * 1–4 ms for the hand-back (history benchmark: commit p99 ~2 ms through the pool, ~0.6 ms here).
 */
const APPEND_DURABLY =
  constants.O_DSYNC === undefined
    ? null
    : constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_DSYNC;

export const diskIo: FileIo = {
  async read(path) {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  },

  async readRange(path, position, length) {
    let handle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      const bytes = Buffer.allocUnsafe(length);
      let filled = 0;
      while (filled < length) {
        const { bytesRead } = await handle.read(bytes, filled, length - filled, position + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return bytes.subarray(0, filled);
    } finally {
      await handle.close();
    }
  },

  async list(dir) {
    try {
      return await readdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  },

  // Temp file in the same folder, fsync, rename, then fsync the folder so the rename itself
  // survives a power cut (lowdb's own writer renames but never fsyncs).
  async writeAtomic(path, text) {
    const dir = dirname(path);
    await mkdir(dir, { recursive: true, mode: OWNER_ONLY_DIR });
    const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await open(temp, 'w', OWNER_ONLY_FILE);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, path);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    // Stryker disable next-line all: the folder's sync shows only after a power cut, and the branch is Windows' (no folder handles) on a machine that is not
    if (process.platform !== 'win32') await fsyncPath(dir, 'r');
  },

  async openAppend(path) {
    const dir = dirname(path);
    await mkdir(dir, { recursive: true, mode: OWNER_ONLY_DIR });
    // Stryker disable next-line StringLiteral: 'a' is for an OS without O_DSYNC (Windows), not this one
    const handle = await open(path, APPEND_DURABLY ?? 'a', OWNER_ONLY_FILE);
    // Stryker disable next-line BlockStatement: the new file's name made durable in its folder shows only after a power cut
    try {
      // A new file's name lives in the folder: sync that too, or a power cut could lose the file.
      // Stryker disable next-line all: as the folder's sync above: a power cut, or Windows, would tell
      if ((await handle.stat()).size === 0 && process.platform !== 'win32') await fsyncPath(dir, 'r');
    } catch (error) {
      await handle.close();
      throw error;
    }
    return {
      async append(text) {
        const bytes = Buffer.from(text, 'utf8');
        crashPoint('mid-append', () => writeSync(handle.fd, bytes, 0, Math.ceil(bytes.length / 2)));
        for (let written = 0; written < bytes.length;) written += writeSync(handle.fd, bytes, written);
        // Without O_DSYNC (Windows): fdatasync, as SQLite does. Either way the data and the file's new size are on disk.
        // Stryker disable next-line all: the Windows branch; here O_DSYNC has made the write durable already
        if (APPEND_DURABLY === null) await handle.datasync();
      },
      close: () => handle.close(),
    };
  },
};
