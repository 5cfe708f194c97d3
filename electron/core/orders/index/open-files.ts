import { closeSync, fstatSync, openSync, statSync } from 'node:fs';

/**
 * How many lookup files stay open: every approval bucket's sorted file (100) and a few dozen days'
 * journals and ids. Far below a process's usual limit (1,024 on Linux, 256 on macOS by default).
 */
export const HELD = 128;

interface Held {
  fd: number;
  dev: number;
  ino: number;
}

/** A file held open for reading, and its size when the lookup asked. */
export interface OpenFile {
  fd: number;
  size: number;
}

/**
 * The files history's lookups read, kept open (a bounded few, the least recently used let go of)
 * so a lookup does a stat and positioned reads instead of an open and a close per file. Each use
 * stats the path: a file replaced since (a compaction's or a repair's rename) is a new inode and
 * is opened again, one removed answers null; one appended to or rewritten in place is the same
 * file, read as it is now. Lookups are synchronous, so no handle is let go of during one.
 */
export class OpenFiles {
  private readonly held = new Map<string, Held>();

  /**
   * The file open for reading with its current size, or null when it does not exist or is empty
   * (nothing to read: an emptied approval tail is not held open). Any other failure throws.
   */
  open(path: string): OpenFile | null {
    let stat;
    try {
      stat = statSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.letGo(path);
      return null;
    }
    if (stat.size === 0) return null;
    const known = this.held.get(path);
    if (known !== undefined && known.ino === stat.ino && known.dev === stat.dev) {
      // Most recently used last.
      this.held.delete(path);
      this.held.set(path, known);
      return { fd: known.fd, size: stat.size };
    }
    this.letGo(path);
    let fd;
    try {
      fd = openSync(path, 'r');
    } catch (error) {
      // Removed between the stat and the open.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    // The file as opened: it may have been replaced between the stat and the open.
    const opened = fstatSync(fd);
    this.held.set(path, { fd, dev: opened.dev, ino: opened.ino });
    for (const oldest of this.held.keys()) {
      if (this.held.size <= HELD) break;
      this.letGo(oldest);
    }
    return { fd, size: opened.size };
  }

  private letGo(path: string): void {
    const known = this.held.get(path);
    if (known === undefined) return;
    this.held.delete(path);
    closeSync(known.fd);
  }

  /** Lets go of every file (the books are closing). */
  close(): void {
    for (const path of [...this.held.keys()]) this.letGo(path);
  }
}
