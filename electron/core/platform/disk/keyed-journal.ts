import type { z } from 'zod';
import { StoreFileCorruptError } from './corrupt-file-error';
import type { AppendFile, FileIo } from './file-io';

/** How long a journal's file stays open after its last append: through a rush, not through the night. */
const QUIET_MS = 10_000;

/**
 * A journal's text as its whole lines and what follows the last newline: a torn append (a crash
 * mid-write), never a record.
 */
export function wholeLines(text: string): { lines: string[]; torn: string } {
  const lines = text.split('\n');
  // Stryker disable next-line StringLiteral: split always answers at least one piece; the default is for the type checker
  const torn = lines.pop() ?? '';
  return { lines, torn };
}

/** A record as appended: where its line starts in the file, and how long it is, in bytes. */
export interface AppendedLine<T> {
  record: T;
  offset: number;
  length: number;
}

/**
 * Records as an append-only JSON-lines file: every change appends the record's new state as one
 * line, and the last line for a key is its current state. A change costs one small append,
 * however many records the file holds; every line read back is checked by the schema.
 */
export class KeyedJournal<T> {
  /** Appends one at a time, so two never interleave in the file. */
  private tail: Promise<unknown> = Promise.resolve();
  /** After a failed append the file may end in a partial (or whole but unconfirmed) write: cut back to what was confirmed, at once or before the next append. */
  private needsRepair = false;
  /** Opened at an append and kept while appends keep coming: let go of after a quiet spell, at `close`, or when a repair replaces the file. */
  private file: AppendFile | null = null;
  private quiet: NodeJS.Timeout | null = null;

  private constructor(
    private readonly path: string,
    private readonly io: FileIo,
    private readonly schema: z.ZodType<T>,
    private readonly keyOf: (record: T) => string,
    private readonly records: Map<string, T>,
    /** Bytes of the file confirmed on disk: the next line starts here. */
    private confirmedBytes: number,
  ) {}

  static async open<T>(
    path: string,
    io: FileIo,
    schema: z.ZodType<T>,
    keyOf: (record: T) => string,
  ): Promise<KeyedJournal<T>> {
    const text = await io.read(path);
    const records = new Map<string, T>();
    if (text === null) return new KeyedJournal(path, io, schema, keyOf, records, 0);
    const { lines, torn } = wholeLines(text);
    for (const [at, line] of lines.entries()) {
      let record: T;
      try {
        record = schema.parse(JSON.parse(line));
      } catch (error) {
        throw new StoreFileCorruptError(path, error, at + 1);
      }
      records.set(keyOf(record), record);
    }
    // A crash (or a failed write) mid-append: that change was never confirmed to anyone, so it
    // is dropped before anything is appended after it.
    const kept = text.slice(0, text.length - torn.length);
    if (torn !== '') await io.writeAtomic(path, kept);
    return new KeyedJournal(path, io, schema, keyOf, records, Buffer.byteLength(kept));
  }

  /**
   * A journal picked up at its end without reading it: the caller vouches that the file is
   * `bytes` long and ends with a whole line (the history index knows). It knows only the records
   * appended through it; the caller answers for the ones before.
   */
  static resume<T>(
    path: string,
    io: FileIo,
    schema: z.ZodType<T>,
    keyOf: (record: T) => string,
    bytes: number,
  ): KeyedJournal<T> {
    return new KeyedJournal(path, io, schema, keyOf, new Map(), bytes);
  }

  get(key: string): T | undefined {
    return this.records.get(key);
  }

  has(key: string): boolean {
    return this.records.has(key);
  }

  all(): IterableIterator<T> {
    return this.records.values();
  }

  get size(): number {
    return this.records.size;
  }

  /** Lets go of a record's state in memory; only for a resumed journal, whose caller answers for records not held. */
  forget(key: string): void {
    this.records.delete(key);
  }

  /** Records new states, all in one durable append; memory changes only once they are on disk. */
  append(...changed: T[]): Promise<Array<AppendedLine<T>>> {
    const run = this.tail.then(() => this.appendNow(changed));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async appendNow(changed: T[]): Promise<Array<AppendedLine<T>>> {
    try {
      return await this.appendLines(changed);
    } finally {
      if (this.quiet !== null) this.quiet.refresh();
      else {
        this.quiet = setTimeout(() => void this.close(), QUIET_MS);
        this.quiet.unref();
      }
    }
  }

  private async appendLines(changed: T[]): Promise<Array<AppendedLine<T>>> {
    const checked = changed.map((record) => this.schema.parse(record));
    if (checked.length === 0) return [];
    await this.repair();
    const lines = checked.map((record) => `${JSON.stringify(record)}\n`);
    try {
      this.file ??= await this.io.openAppend(this.path);
      await this.file.append(lines.join(''));
    } catch (error) {
      this.needsRepair = true;
      // Taken back before the caller hears of the failure: a write whose sync failed may still be
      // whole on disk, and the caller acts on "not written" (cancels the payment it recorded).
      // If the disk refuses this too, the next append tries again first.
      await this.repair().catch(() => undefined);
      throw error;
    }
    let offset = this.confirmedBytes;
    const appended = checked.map((record, i) => {
      // Stryker disable next-line StringLiteral: each checked record has its line; the default is for the type checker
      const length = Buffer.byteLength(lines[i] ?? '');
      const line = { record, offset, length };
      offset += length;
      return line;
    });
    this.confirmedBytes = offset;
    for (const record of checked) this.records.set(this.keyOf(record), record);
    return appended;
  }

  /** Lets appends under way finish, then lets go of the file (the next append opens it again). */
  close(): Promise<void> {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: clearTimeout(null) does nothing; a quiet timer left to run only closes the file again, and an append reopens it
    if (this.quiet !== null) clearTimeout(this.quiet);
    this.quiet = null;
    const run = this.tail.then(() => this.closeFile());
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async closeFile(): Promise<void> {
    const file = this.file;
    this.file = null;
    await file?.close();
  }

  /** Cuts off whatever a failed append left behind, so no unconfirmed line is ever read back. */
  private async repair(): Promise<void> {
    if (!this.needsRepair) return;
    // The file is replaced below: appends go to the new one.
    await this.closeFile().catch(() => undefined);
    // Stryker disable next-line StringLiteral: only a journal deleted under the running app reads as missing here
    const bytes = Buffer.from((await this.io.read(this.path)) ?? '', 'utf8');
    // Stryker disable next-line ConditionalExpression: a file already as long as what was confirmed is written again with the same bytes
    if (bytes.length !== this.confirmedBytes)
      await this.io.writeAtomic(this.path, bytes.subarray(0, this.confirmedBytes).toString('utf8'));
    // Stryker disable next-line BooleanLiteral: left set, every append first reads the file back and finds nothing to cut
    this.needsRepair = false;
  }
}
