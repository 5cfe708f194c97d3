import { join } from 'node:path';
import { z } from 'zod';
import type { FileIo } from '../../platform/disk/file-io';
import { JsonDocument } from '../../platform/disk/json-document';
import { KeyedJournal } from '../../platform/disk/keyed-journal';
import { outboxLineSchema, type LocalShopChange, type OutboxLine, type ShopChange } from './shop-change';

export const SHOP_OUTBOX_FILE = 'shop-changes-outbox.jsonl';
export const SHOP_CURSOR_FILE = 'shop-changes-cursor.json';

const cursorSchema = z.strictObject({
  /** Which store and register the rest is for: another one is joined afresh. */
  target: z.string().nullable().default(null),
  /** Whether this register has joined the shop's log there (seeded it, or adopted the shop's). */
  joined: z.boolean().default(false),
  /** The last of this register's changes the store has committed. */
  sent: z.number().int().min(0).default(0),
  /** The last change of the shop's log applied here. */
  followed: z.number().int().min(0).default(0),
});
type Cursor = z.infer<typeof cursorSchema>;

/** What a change touches, by record: a foreign change is not applied over a local one still waiting to be sent (that one is later in the shop's order). */
export function touches(change: ShopChange): string[] {
  switch (change.kind) {
    case 'seed':
      return [];
    case 'catalog':
      return [
        ...change.change.products.map((p) => `product:${p.id}`),
        ...(change.change.categories === undefined ? [] : ['categories']),
        ...(change.change.optionGroups === undefined ? [] : ['optionGroups']),
      ];
    case 'staff':
      return [`staff:${change.change.id}`];
    case 'setting':
      return [`setting:${change.change.key}`];
  }
}

/**
 * This register's shop changes waiting for the shared store (`shop-changes-outbox.jsonl`, each
 * numbered here), and how far it has sent and followed the shop's log (`shop-changes-cursor.json`,
 * written after the store committed or the change was applied, so a crash between repeats work
 * that changes nothing, never skips it). Emptied once everything in it is sent.
 */
export class ShopChangeOutbox {
  /** Recorded, in order (their append may still be under way). */
  private waiting: OutboxLine[];
  private last: number;
  private files: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly dir: string,
    private readonly io: FileIo,
    private journal: KeyedJournal<OutboxLine>,
    private readonly cursor: JsonDocument<Cursor>,
  ) {
    const sent = cursor.data.sent;
    this.waiting = [...journal.all()].filter((line) => line.n > sent).sort((a, b) => a.n - b.n);
    this.last = Math.max(sent, ...[...journal.all()].map((line) => line.n));
  }

  static async open(dir: string, io: FileIo, target: string): Promise<ShopChangeOutbox> {
    const journal = await KeyedJournal.open(join(dir, SHOP_OUTBOX_FILE), io, outboxLineSchema, (l) => String(l.n));
    const cursor = await JsonDocument.open(
      join(dir, SHOP_CURSOR_FILE),
      cursorSchema,
      { target, joined: false, sent: 0, followed: 0 },
      io,
    );
    const outbox = new ShopChangeOutbox(dir, io, journal, cursor);
    if (cursor.data.target !== target) {
      // Another store (or this register under another id): what waited was for the other one.
      await cursor.update((draft) => {
        draft.target = target;
        draft.joined = false;
        draft.followed = 0;
        draft.sent = outbox.last;
      });
      outbox.waiting = [];
    }
    return outbox;
  }

  get joined(): boolean {
    return this.cursor.data.joined;
  }

  get followed(): number {
    return this.cursor.data.followed;
  }

  /**
   * Joined the shop's log: what this register recorded before is the seed it gave, or is given
   * up for the shop's (a register joining a shop adopts it); the log is followed from its start.
   */
  async join(): Promise<void> {
    const upTo = this.last;
    await this.cursor.update((draft) => {
      draft.joined = true;
      draft.sent = upTo;
      draft.followed = 0;
    });
    this.waiting = this.waiting.filter((line) => line.n > upTo);
  }

  /** Records a change of this register's: numbered and kept in memory at once, on disk when the append lands. */
  record(change: LocalShopChange): Promise<void> {
    const line: OutboxLine = { n: ++this.last, ...change };
    this.waiting.push(line);
    return this.queued(() => this.journal.append(line));
  }

  /** Whether a change of this register's touching `key` waits to be sent. */
  pending(key: string): boolean {
    return this.waiting.some((line) => touches(line).includes(key));
  }

  /** The changes waiting, in order, once their appends have landed (at most `limit`). */
  async unsent(limit: number): Promise<OutboxLine[]> {
    await this.files;
    return this.waiting.slice(0, limit);
  }

  count(): number {
    return this.waiting.length;
  }

  /** The store committed every change up to `n`. */
  async sent(n: number): Promise<void> {
    await this.cursor.update((draft) => {
      draft.sent = Math.max(draft.sent, n);
    });
    this.waiting = this.waiting.filter((line) => line.n > n);
    if (this.waiting.length === 0) await this.queued(() => this.empty());
  }

  /** The shop's log has been applied here up to `seq`. */
  async follow(seq: number): Promise<void> {
    if (seq <= this.cursor.data.followed) return;
    await this.cursor.update((draft) => {
      draft.followed = seq;
    });
  }

  async close(): Promise<void> {
    await this.files;
    await this.journal.close();
  }

  private queued<T>(work: () => Promise<T>): Promise<void> {
    const run = this.files.then(work);
    this.files = run.catch(() => undefined);
    return run.then(() => undefined);
  }

  /** Everything in the file is sent: it starts again empty (the numbers go on from the cursor). */
  private async empty(): Promise<void> {
    if (this.waiting.length !== 0 || this.journal.size === 0) return;
    const path = join(this.dir, SHOP_OUTBOX_FILE);
    await this.journal.close();
    await this.io.writeAtomic(path, '');
    this.journal = await KeyedJournal.open(path, this.io, outboxLineSchema, (l) => String(l.n));
  }
}
