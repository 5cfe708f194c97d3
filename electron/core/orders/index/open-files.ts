import { closeSync, fstatSync, openSync, statSync } from 'node:fs';

/**
 * How many lookup files stay open: every approval bucket's sorted file and tail (200) and the
 * journals and ids of about a hundred days, so looking up old orders scattered over history reopens
 * few. Within the process's limit: Node raises its soft limit to the hard one at start (4,096 or
 * more on Linux, far more on macOS), and Chromium raises the desktop app's to 8,192.
 */
export const HELD = 384;

interface Held {
  fd: number;
  dev: number;
  ino: number;
  /** Where its path is in `paths`. */
  slot: number;
}

/** A file held open for reading, and its size when the lookup asked. */
export interface OpenFile {
  fd: number;
  size: number;
}

/**
 * The files history's lookups read, kept open (a bounded few) so a lookup does a stat and
 * positioned reads instead of an open and a close per file. A file not held is opened at once (the
 * open says whether it exists); the first use of a held file in a synchronous turn stats its path:
 * a file replaced since (a compaction's or a repair's rename) is a new inode and is opened again,
 * one removed answers null; one appended to or rewritten in place is the same file, read as it is
 * now. Lookups are synchronous, so no handle is let go of during one.
 */
export class OpenFiles {
  private readonly held = new Map<string, Held>();
  /** The held paths, in no order: one is picked at random without copying them. */
  private readonly paths: string[] = [];
  /**
   * The files already stated in this synchronous turn (a lookup asks for a journal twice: its length,
   * then its line). Forgotten at the turn's end: a rename or a write of ours finishes in a later
   * turn, so the next lookup stats again.
   */
  private readonly checked = new Map<string, OpenFile>();

  /**
   * The file open for reading with its current size, or null when it does not exist or is empty
   * (nothing to read; an emptied approval tail is still held, as it is asked for at each lookup).
   * Any other failure throws.
   */
  open(path: string): OpenFile | null {
    const seen = this.checked.get(path);
    if (seen !== undefined) return seen;
    const file = this.reopen(path);
    if (file !== null) {
      if (this.checked.size === 0) queueMicrotask(() => this.checked.clear());
      this.checked.set(path, file);
    }
    return file;
  }

  private reopen(path: string): OpenFile | null {
    const known = this.held.get(path);
    if (known !== undefined) {
      const stat = statSync(path, { throwIfNoEntry: false });
      if (stat === undefined) {
        this.letGo(path, known);
        return null;
      }
      if (known.ino === stat.ino && known.dev === stat.dev)
        return stat.size === 0 ? null : { fd: known.fd, size: stat.size };
      this.letGo(path, known);
    }
    let fd;
    try {
      fd = openSync(path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    // Not stated before the open: the open itself says whether it exists, and fstat what was opened.
    const opened = fstatSync(fd);
    // A file let go of at random, not the least recently used: lookups sweeping more files than are
    // held (a report over many days, the same few hundred orders looked up in turn) would otherwise
    // let go of each file just before it is asked for again, and open every one every time.
    if (this.held.size >= HELD) {
      const victim = this.paths[Math.floor(Math.random() * this.paths.length)] as string;
      this.letGo(victim, this.held.get(victim) as Held);
    }
    this.held.set(path, { fd, dev: opened.dev, ino: opened.ino, slot: this.paths.length });
    this.paths.push(path);
    return opened.size === 0 ? null : { fd, size: opened.size };
  }

  private letGo(path: string, known: Held): void {
    this.checked.delete(path);
    this.held.delete(path);
    // The last path takes the slot let go of.
    const last = this.paths.pop() as string;
    if (last !== path) {
      this.paths[known.slot] = last;
      (this.held.get(last) as Held).slot = known.slot;
    }
    closeSync(known.fd);
  }

  /** Lets go of every file (the books are closing). */
  close(): void {
    for (const [path, known] of [...this.held]) this.letGo(path, known);
  }
}
