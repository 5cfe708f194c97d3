import { appendFile, mkdir, open, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { OWNER_ONLY_DIR, OWNER_ONLY_FILE } from '../../platform/disk/file-io';

/** The shared read buffer of `withBytes` (a day's rows are about half a megabyte) and the reads' turn. */
const scratch: { buffer: Buffer; turn: Promise<unknown> } = {
  buffer: Buffer.allocUnsafeSlow(1 << 20),
  turn: Promise.resolve(),
};

/**
 * Plain file access for the derived indexes. They are rebuilt from the journals when in doubt,
 * so their appends skip fsync; the journals stay the truth, written through FileIo.
 */
export const indexFiles = {
  async read(path: string): Promise<string | null> {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  },

  /**
   * Hands `use` the file's bytes (null when it does not exist) in a buffer that every read shares,
   * one read at a time: looking into old days one after another reuses the same memory instead of
   * growing the process by a fresh half-megabyte for each. The bytes are valid only during `use`.
   */
  withBytes<T>(path: string, use: (bytes: Buffer | null) => T): Promise<T> {
    const run = scratch.turn.then(async () => {
      let handle;
      try {
        handle = await open(path, 'r');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return use(null);
        throw error;
      }
      try {
        const size = (await handle.stat()).size;
        // Stryker disable next-line EqualityOperator: a buffer of exactly the size fits either way
        if (size > scratch.buffer.length)
          scratch.buffer = Buffer.allocUnsafeSlow(Math.max(size, 2 * scratch.buffer.length));
        let read = 0;
        // Stryker disable next-line EqualityOperator: one more read at the end reads nothing and stops
        while (read < size) {
          // Stryker disable next-line ArithmeticOperator: a regular file gives all that is asked in one read, so the loop turns once
          const { bytesRead } = await handle.read(scratch.buffer, read, size - read, read);
          // Stryker disable next-line ConditionalExpression: a guard for a file that shrinks between its size and its read, which no test can time
          if (bytesRead === 0) break;
          read += bytesRead;
        }
        return use(scratch.buffer.subarray(0, read));
      } finally {
        await handle.close();
      }
    });
    scratch.turn = run.catch(() => undefined);
    return run;
  },

  async write(path: string, text: string): Promise<void> {
    await mkdir(dirname(path), { recursive: true, mode: OWNER_ONLY_DIR });
    await writeFile(path, text, { encoding: 'utf8', mode: OWNER_ONLY_FILE });
  },

  async append(path: string, text: string): Promise<void> {
    await mkdir(dirname(path), { recursive: true, mode: OWNER_ONLY_DIR });
    await appendFile(path, text, { encoding: 'utf8', mode: OWNER_ONLY_FILE });
  },

  /** Bytes of a file, or 0 when it does not exist. */
  async size(path: string): Promise<number> {
    try {
      return (await stat(path)).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
  },

  /** `length` bytes of a file from `offset` (to the end when absent), as text. */
  async readRange(path: string, offset: number, length?: number): Promise<string> {
    const handle = await open(path, 'r');
    try {
      // Stryker disable next-line ArithmeticOperator: a larger buffer than the rest of the file is read up to the end all the same
      const size = length ?? Math.max(0, (await handle.stat()).size - offset);
      const buffer = Buffer.alloc(size);
      let read = 0;
      // Stryker disable next-line EqualityOperator: as in withBytes
      while (read < size) {
        const { bytesRead } = await handle.read(buffer, read, size - read, offset + read);
        if (bytesRead === 0) break;
        read += bytesRead;
      }
      return buffer.subarray(0, read).toString('utf8');
    } finally {
      await handle.close();
    }
  },

  /** Makes what was appended durable (at a clean close, before the dirty list is cleared). */
  async sync(path: string): Promise<void> {
    let handle;
    try {
      handle = await open(path, 'r+');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    // Stryker disable next-line BlockStatement: a skipped sync shows only after a power cut
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
};
