import { orderSchema } from '../../../../shared/domain/order';
import { StoreFileCorruptError } from '../../platform/disk/corrupt-file-error';
import { jsonOrNull } from '../../platform/disk/json-or-null';
import { wholeLines } from '../../platform/disk/keyed-journal';
import { canonicalHashOf } from './canonical-lines';
import { digestOf, type OrderDigest } from './order-digest';

/**
 * An order's digest and where its latest journal line is (bytes), so the whole order is one read
 * away; `lineHash` when that line is in the schema's form already (read back without the schema
 * while its text still has that hash).
 */
export interface IndexedDigest extends OrderDigest {
  offset: number;
  length: number;
  lineHash?: number;
}

/** Digests for the journal `path`'s lines in `text`, which starts at byte `start`; a torn last line is left out. */
export function digestLines(path: string, text: string, start: number): IndexedDigest[] {
  const found: IndexedDigest[] = [];
  let offset = start;
  for (const [at, line] of wholeLines(text).lines.entries()) offset = digestLine(path, line, at, offset, found);
  return found;
}

/** Lines parsed between two turns of the event loop in `digestLinesInSlices`: a few milliseconds' work. */
const SLICE_LINES = 32;

/**
 * As `digestLines`, a slice of lines at a time with `between` awaited after each: a day's journal
 * (thousands of lines, a few hundred milliseconds to check) never holds up a sale for longer than a slice.
 */
export async function digestLinesInSlices(
  path: string,
  text: string,
  start: number,
  between: () => Promise<void>,
): Promise<IndexedDigest[]> {
  const found: IndexedDigest[] = [];
  let offset = start;
  for (const [at, line] of wholeLines(text).lines.entries()) {
    offset = digestLine(path, line, at, offset, found);
    if ((at + 1) % SLICE_LINES === 0) await between();
  }
  return found;
}

/** Adds the digest of the line (the `at`th from the text's start, at byte `offset`) and answers where the next line starts. */
function digestLine(path: string, line: string, at: number, offset: number, found: IndexedDigest[]): number {
  const length = Buffer.byteLength(line) + 1;
  let order;
  try {
    order = orderSchema.parse(JSON.parse(line));
  } catch (error) {
    // The line counted from `start` (the caller adds the lines before it).
    throw new StoreFileCorruptError(path, error, at + 1);
  }
  const lineHash = canonicalHashOf(line, order);
  found.push({ ...digestOf(order), offset, length, ...(lineHash === undefined ? {} : { lineHash }) });
  return offset + length;
}

/** The one empty list every row without coupons or refunds (most rows) shares. */
const NONE: string[] = [];
Object.freeze(NONE);

/**
 * One business day's orders as history reads them: each order's latest digest, in the order the
 * journal first saw them, and how many bytes of the journal they account for.
 */
export class DayDigests {
  readonly rows = new Map<string, IndexedDigest>();
  /** One copy of each text the day's rows repeat (the day, statuses, methods, product names). */
  private readonly texts = new Map<string, string>();
  /** Bytes of the day's journal these rows cover; past it, the journal is read to catch up. */
  covered = 0;

  /**
   * From the day's rows file. A compacted file starts with a header saying how much of the
   * journal its rows (one per order) cover; rows after that are trusted only while they follow on
   * from each other through the journal: a row past a gap (an append that failed or was torn) is
   * left for the catch-up, which reads the journal from the gap on, and a row already covered
   * (appended again by a catch-up) is skipped.
   */
  static parse(bytes: Buffer | null): DayDigests {
    const day = new DayDigests();
    let compacted = false;
    // Line by line from the bytes: the day's text is never held whole as a string.
    // Stryker disable next-line EqualityOperator: one more turn at the very end reads an empty line, which is no row
    for (let start = 0; bytes !== null && start < bytes.length;) {
      const newline = bytes.indexOf(0x0a, start);
      const end = newline === -1 ? bytes.length : newline;
      const line = jsonOrNull(bytes.toString('utf8', start, end)) as (IndexedDigest & { covered?: number }) | null;
      if (start === 0 && typeof line?.covered === 'number') {
        day.covered = line.covered;
        compacted = true;
      } else if (line !== null && compacted && line.offset + line.length <= day.covered) {
        day.apply(line);
      } else if (line !== null) {
        compacted = false;
        if (line.offset === day.covered) day.apply(line);
      }
      start = end + 1;
    }
    return day;
  }

  /** The rows newest first, kept until a row changes: a search over 30 days sorts none of them again. */
  private sorted: readonly IndexedDigest[] | null = null;

  apply(row: IndexedDigest): void {
    this.rows.set(row.orderId, this.compact(row));
    this.covered = Math.max(this.covered, row.offset + row.length);
    this.sorted = null;
  }

  /**
   * The row as kept, for as long as the day is in memory (all day, for today): an object of its
   * own fields alone (one made by spreading a digest takes three times the memory) whose repeated
   * texts are shared with the day's other rows: about 350 bytes, not 1 KB, per order of a busy day.
   */
  private compact(row: IndexedDigest): IndexedDigest {
    return {
      // The id the map holds it under: each of an order's states comes with a copy of its own.
      orderId: this.rows.get(row.orderId)?.orderId ?? row.orderId,
      businessDay: this.shared(row.businessDay),
      createdAt: row.createdAt,
      status: this.shared(row.status),
      training: row.training,
      orderName: this.shared(row.orderName),
      amount: row.amount,
      refunded: row.refunded,
      method: this.shared(row.method),
      approveNo: row.approveNo,
      cardNumber: row.cardNumber,
      callNumber: row.callNumber,
      names: this.shared(row.names),
      orderStatus: this.shared(row.orderStatus),
      // Stryker disable next-line ConditionalExpression: sharing one empty list saves memory; the value is the same (the soak measures the memory)
      couponCodes: row.couponCodes.length === 0 ? NONE : row.couponCodes,
      // Stryker disable next-line ConditionalExpression: as above
      refundDays: row.refundDays.length === 0 ? NONE : row.refundDays,
      offset: row.offset,
      length: row.length,
      ...(row.lineHash === undefined ? {} : { lineHash: row.lineHash }),
      // Only an order paid in parts has these.
      ...(row.tenders === undefined ? {} : { tenders: row.tenders }),
      ...(row.approveNos === undefined ? {} : { approveNos: row.approveNos }),
      // Only an order whose 현금영수증 the tax office refused has this.
      ...(row.cashReceiptFailed ? { cashReceiptFailed: row.cashReceiptFailed } : {}),
      // Orders from before sign-in have none.
      ...(row.cashier == null ? {} : { cashier: row.cashier }),
    };
  }

  /** The day's one copy of a text. */
  private shared<T extends string | null>(text: T): T {
    // Stryker disable next-line all: sharing saves memory; an unshared copy, or null kept, reads the same
    if (text === null) return text;
    const kept = this.texts.get(text);
    // Stryker disable next-line ConditionalExpression: as above
    if (kept !== undefined) return kept as T;
    this.texts.set(text, text);
    return text;
  }

  /** Newest first: by creation time; orders of the same second in reverse order of creation. */
  newestFirst(): readonly IndexedDigest[] {
    this.sorted ??= [...this.rows.values()]
      .map((row, seen) => ({ row, seen }))
      .sort((a, b) =>
        a.row.createdAt === b.row.createdAt ? b.seen - a.seen : b.row.createdAt.localeCompare(a.row.createdAt),
      )
      .map(({ row }) => row);
    return this.sorted;
  }
}
