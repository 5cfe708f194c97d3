import type { Logger } from '../../platform/log/logger';
import { indexFiles } from './index-files';

/**
 * The index's appends go to their files in the pauses between sales: once no sale has come for
 * `QUIET_MS`, and at the latest `MAX_DELAY_MS` after the first waiting one. A rush's rows go out
 * in one write per file, and not during the rush: on ext4 a journal's fsync also writes out
 * whatever other files have pending, so index data waiting would hold up a sale. A crash loses
 * at most that much of the index, caught up from the journals at the next open.
 */
const QUIET_MS = 200;
const MAX_DELAY_MS = 5_000;

/** Text waiting to be appended to the index's files, per file and in order, written behind the sales without fsync. */
export class IndexWriter {
  private readonly pending = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;
  /** When the oldest text now waiting was queued (ms). */
  private firstWaiting = 0;
  private draining: Promise<void> | null = null;
  /** Files appended to since the last `sync`. */
  private readonly unsynced = new Set<string>();
  /** An append or a sync failed: what the index holds on file is behind its journals until they are read again. */
  failed = false;

  constructor(private readonly log: Logger) {}

  /** Queues text to append to a file; a failed append is logged and marks the index as behind. */
  append(path: string, text: string): void {
    this.pending.set(path, `${this.pending.get(path) ?? ''}${text}`);
    this.schedule();
  }

  /** Writes what is queued now (a reader needs the files) and resolves once it is on file (not synced). */
  async written(): Promise<void> {
    // Stryker disable next-line ConditionalExpression: clearTimeout(null) does nothing; a timer left to run drains what is queued then, to the same files
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    while (this.pending.size > 0 || this.draining !== null) await this.startDrain();
  }

  /** Nothing is waiting or being written: the files say all that was appended. */
  get quiet(): boolean {
    return this.pending.size === 0 && this.draining === null;
  }

  /** A file was replaced whole (and synced): nothing appended to it before needs syncing. */
  // Stryker disable next-line BlockStatement: a replaced file synced again only costs an fsync
  replaced(path: string): void {
    this.unsynced.delete(path);
  }

  /** Makes durable every file appended to since the last time (a close without sales syncs nothing); one that cannot be is logged and marks the index behind. */
  async sync(): Promise<void> {
    await this.written();
    for (const path of this.unsynced)
      await indexFiles.sync(path).catch((error: unknown) => this.fellBehind(path, error));
    this.unsynced.clear();
  }

  private fellBehind(path: string, error: unknown): void {
    this.failed = true;
    this.log.warn('order index fell behind; it catches up from the journals at the next open', { path, error });
  }

  /** (Re)starts the wait for a pause, never past the longest delay since the first text waiting. */
  private schedule(): void {
    const now = Date.now();
    if (this.timer === null) this.firstWaiting = now;
    else clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(QUIET_MS, this.firstWaiting + MAX_DELAY_MS - now));
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.startDrain();
    }, wait);
  }

  /**
   * Writes one batch unless one is being written. It is let go of in a callback, never within the
   * call: a batch with nothing in it (a timer left from before a `written`) would otherwise be
   * let go of before it is held, and held for good, and `written` would wait on it for ever.
   */
  private startDrain(): Promise<void> {
    this.draining ??= this.drain().finally(() => {
      this.draining = null;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: reached only when the quiet timer fired during a write slower than 200 ms; rows it would strand are written at the next append, read or close all the same
      if (this.pending.size > 0 && this.timer === null) this.schedule();
    });
    return this.draining;
  }

  /** Writes one batch: what comes in meanwhile waits for the next pause. */
  private async drain(): Promise<void> {
    const batch = [...this.pending];
    this.pending.clear();
    for (const [path, text] of batch) {
      await indexFiles.append(path, text).then(
        () => void this.unsynced.add(path),
        (error: unknown) => this.fellBehind(path, error),
      );
    }
  }
}
