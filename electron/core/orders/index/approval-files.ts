import { closeSync, fstatSync, readSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileIo } from '../../platform/disk/file-io';
import type { Logger } from '../../platform/log/logger';
import type { IndexedDigest } from './day-digests';
import { indexFiles } from './index-files';
import type { IndexWriter } from './index-writer';
import { approvalsOf } from './order-digest';
import { linesStartingBackwards } from './row-scan';
import { findSorted, KEY_CHARS, keyOf, recordsOf, sortedText } from './sorted-records';
import type { OpenFiles } from './open-files';
import { openIfExists } from './positioned-read';
import { RecentLookups } from './recent-lookups';

/** Room for an order id in a sorted record; a longer one (never the app's own, 21 characters) stays in the tail. */
const ID_CHARS = 32;
export const APPROVAL_WIDTH = KEY_CHARS + 1 + ID_CHARS + 1;
/** A tail is sorted in once it holds this many bytes, or a 32nd of its sorted file if more: each record is rewritten a bounded number of times. */
const TAIL_MERGE_BYTES = 8 * 1024;
const FIT_ID = /^[\x21-\x7e]{1,32}$/;
/** How many approval numbers' answers are kept (see `recent`). */
const RECENT_APPROVALS = 256;

/** The approval-number bucket a number lives in: its last two digits (Toss's numbers are digits). */
function bucketOf(approveNo: string): string {
  const tail = approveNo.replace(/\D/g, '').slice(-2);
  return tail.padStart(2, '0');
}

/** The buffer tails are read into (lookups are synchronous: one at a time), grown as a tail needs. */
let scratch = Buffer.allocUnsafeSlow(64 * 1024);

/** A file's bytes, valid until the next call, or null when it does not exist (kept open among `files` if given). */
function bytesOf(path: string, files?: OpenFiles): Buffer | null {
  const fd = files === undefined ? openIfExists(path) : null;
  const file = fd === null ? (files?.open(path) ?? null) : { fd, size: fstatSync(fd).size };
  if (file === null) return null;
  const { size } = file;
  try {
    if (size > scratch.length) scratch = Buffer.allocUnsafeSlow(Math.max(size, 2 * scratch.length));
    return scratch.subarray(0, readSync(file.fd, scratch, 0, size, 0));
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}

/**
 * Approval number → order ids, in 100 buckets (`index/approvals/NN.*`): a sorted file of
 * fixed-width records (the number's key, the order id) found by bisection, and an unsorted tail
 * (`NN.txt`, lines `number<TAB>orderId`) that new approvals are appended to, behind the sales and
 * without fsync. At a clean close a tail grown large enough is sorted into its bucket's file
 * (durably, before the tail is emptied); a crash leaves the tail as it is, and the days written
 * since are caught up from their journals. An order found twice (in both, after a crash) counts once.
 */
export class ApprovalFiles {
  /** Buckets appended to in this run: only theirs may have grown. */
  private readonly touched = new Set<string>();
  /**
   * The last numbers looked up, each with its bucket's count of changes when it was read: an
   * append to the bucket counts one, and an answer read before it is not used again.
   * Only this process writes the buckets (the data folder is locked to it), so no file is stated.
   */
  private readonly recent = new RecentLookups<{ changes: number; ids: string[] }>(RECENT_APPROVALS);
  private readonly changes = new Map<string, number>();

  constructor(
    private readonly dir: string,
    private readonly io: FileIo,
    private readonly writer: IndexWriter,
    private readonly log: Logger,
    /** The lookup files kept open, when the caller holds any. */
    private readonly files?: OpenFiles,
  ) {}

  private tailPath(bucket: string): string {
    return join(this.dir, `${bucket}.txt`);
  }

  private sortedPath(bucket: string): string {
    return join(this.dir, `${bucket}.sorted`);
  }

  /** Queues the rows' approval numbers for their buckets' tails. */
  append(rows: readonly IndexedDigest[]): void {
    const byBucket = new Map<string, string>();
    for (const row of rows) {
      for (const approveNo of approvalsOf(row)) {
        const bucket = bucketOf(approveNo);
        byBucket.set(bucket, `${byBucket.get(bucket) ?? ''}${approveNo}\t${row.orderId}\n`);
      }
    }
    for (const [bucket, text] of byBucket) {
      this.changed(bucket);
      this.writer.append(this.tailPath(bucket), text);
      this.touched.add(bucket);
    }
  }

  private changed(bucket: string): void {
    this.changes.set(bucket, (this.changes.get(bucket) ?? 0) + 1);
  }

  /** Order ids listed under this approval number (the caller checks each against its order), newest in the tail first. */
  lookup(approveNo: string): string[] {
    const changes = this.changes.get(bucketOf(approveNo)) ?? 0;
    const known = this.recent.get(approveNo);
    if (known?.changes === changes) return [...known.ids];
    const ids = this.read(approveNo);
    // Read with appends still waiting: the files do not say all yet, so the answer is not kept.
    if (this.writer.quiet) this.recent.set(approveNo, { changes, ids: [...ids] });
    return ids;
  }

  private read(approveNo: string): string[] {
    const bucket = bucketOf(approveNo);
    const ids = new Set<string>();
    const start = `${approveNo}\t`;
    for (const line of linesStartingBackwards(bytesOf(this.tailPath(bucket), this.files), start)) {
      const orderId = line.slice(start.length);
      // A line a torn append ran into holds more than an id: passed over (its day was caught up from its journal).
      if (orderId !== '' && !orderId.includes('\t')) ids.add(orderId);
    }
    for (const record of findSorted(this.sortedPath(bucket), keyOf(approveNo), APPROVAL_WIDTH, undefined, this.files) ??
      [])
      ids.add(record.trimEnd());
    return [...ids];
  }

  /** Sorts into their files the tails of this run's buckets that have grown large enough (at a clean close). */
  async compact(): Promise<void> {
    for (const bucket of [...this.touched]) {
      try {
        await this.sortIn(bucket);
        this.touched.delete(bucket);
      } catch (error) {
        // The tail stays as it is and is still searched: nothing is lost, a lookup reads more.
        this.log.warn('an approval bucket could not be sorted', { bucket, error });
      }
    }
  }

  private async sortIn(bucket: string): Promise<void> {
    await this.writer.written();
    const tailPath = this.tailPath(bucket);
    const sortedPath = this.sortedPath(bucket);
    const tail = await indexFiles.read(tailPath);
    const tailBytes = Buffer.byteLength(tail ?? '');
    if (tailBytes < Math.max(TAIL_MERGE_BYTES, sizeOf(sortedPath) / 32)) return;
    const records = new Set(recordsOf(await indexFiles.read(sortedPath), APPROVAL_WIDTH));
    const kept: string[] = [];
    for (const line of (tail ?? '').split('\n')) {
      const [approveNo, orderId, extra] = line.split('\t');
      // A torn line (cut short, or run into the next append) is passed over: its day was listed dirty, and caught up.
      if (approveNo === undefined || orderId === undefined || extra !== undefined || approveNo === '') continue;
      if (FIT_ID.test(orderId)) records.add(`${keyOf(approveNo)} ${orderId.padEnd(ID_CHARS)}`);
      else kept.push(`${line}\n`);
    }
    // Each record moves from the tail to the sorted file: every answer stays what it was, and those kept stay true.
    await this.io.writeAtomic(sortedPath, sortedText([...records], APPROVAL_WIDTH, []));
    // Emptied only if nothing was appended meanwhile (checked and cut with no turn for an append in between).
    await this.writer.written();
    if (sizeOf(tailPath) !== tailBytes) return;
    writeFileSync(tailPath, kept.join(''));
  }
}
