import { orderSchema } from '../../../../shared/domain/order';
import { StoreFileCorruptError } from '../corrupt-file-error';
import { digestOf, type OrderDigest } from '../../history/order-digest';

/** An order's digest and where its latest journal line is (bytes), so the whole order is one read away. */
export interface IndexedDigest extends OrderDigest {
  offset: number;
  length: number;
}

/** Digests for the journal `path`'s lines in `text`, which starts at byte `start`; a torn last line is left out. */
export function digestLines(path: string, text: string, start: number): IndexedDigest[] {
  const found: IndexedDigest[] = [];
  let offset = start;
  const lines = text.split('\n');
  lines.pop();
  for (const line of lines) {
    const length = Buffer.byteLength(line) + 1;
    let order;
    try {
      order = orderSchema.parse(JSON.parse(line));
    } catch (error) {
      throw new StoreFileCorruptError(path, error);
    }
    found.push({ ...digestOf(order), offset, length });
    offset += length;
  }
  return found;
}

/**
 * One business day's orders as history reads them: each order's latest digest, in the order the
 * journal first saw them, and how many bytes of the journal they account for.
 */
export class DayDigests {
  readonly rows = new Map<string, IndexedDigest>();
  /** Bytes of the day's journal these rows cover; past it, the journal is read to catch up. */
  covered = 0;

  /** From the day's rows file; a line that does not parse (a torn append) is skipped: the catch-up rewrites it. */
  static parse(text: string | null): DayDigests {
    const day = new DayDigests();
    for (const line of (text ?? '').split('\n')) {
      if (line === '') continue;
      try {
        day.apply(JSON.parse(line) as IndexedDigest);
      } catch {
        continue;
      }
    }
    return day;
  }

  apply(row: IndexedDigest): void {
    this.rows.set(row.orderId, row);
    this.covered = Math.max(this.covered, row.offset + row.length);
  }

  /** Newest first: by creation time; orders of the same second in reverse order of creation. */
  newestFirst(): IndexedDigest[] {
    return [...this.rows.values()]
      .map((row, seen) => ({ row, seen }))
      .sort((a, b) => (a.row.createdAt === b.row.createdAt ? b.seen - a.seen : b.row.createdAt.localeCompare(a.row.createdAt)))
      .map(({ row }) => row);
  }
}
