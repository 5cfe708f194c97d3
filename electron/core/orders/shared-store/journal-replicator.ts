import { join } from 'node:path';
import type { SharedStoreStatus } from '../../../../shared/domain/shared-store';
import type { FileIo } from '../../platform/disk/file-io';
import { retryDelayMs } from '../../platform/jobs/backoff';
import { SerialPasses } from '../../platform/jobs/serial-passes';
import type { Logger } from '../../platform/log/logger';
import { migrate } from '../../platform/postgres/migrator';
import { inTransaction, openPostgresPool, withClient, type PostgresPool } from '../../platform/postgres/postgres-pool';
import { maskPostgresUrl } from '../../platform/postgres/postgres-url';
import { journalDays, journalPath } from '../journal-days';
import { readTail } from './journal-tail';
import { ReplicationCursor, type DaySent } from './replication-cursor';
import { SHARED_STORE_MIGRATIONS } from './shared-store-schema';
import { upsertRegister, writeLines, type OutgoingLine } from './shared-store-writes';

/** How soon a database that did not answer is tried again: doubling from `firstRetryMs` up to `maxRetryMs`. */
export interface ReplicationTiming {
  firstRetryMs: number;
  maxRetryMs: number;
  /** Lines sent in one transaction. */
  batch: number;
  /** While all is sent, how often the store is asked anyway: a store gone away shows as offline without a sale, and `last_seen_at` stays fresh. */
  heartbeatMs: number;
  /** The most waiting lines counted (default `COUNT_CAP`). */
  countCap?: number;
}

/**
 * The badge counts waiting lines exactly up to this many, and shows "10,000+" beyond: counting a
 * backlog of months would mean reading all of it (the lines are sent as they are read anyway).
 * Ten thousand is more than a busy day's lines, so a day's outage is always counted exactly.
 */
export const COUNT_CAP = 10_000;

export const REPLICATION_TIMING: ReplicationTiming = {
  firstRetryMs: 1_000,
  maxRetryMs: 30_000,
  batch: 500,
  heartbeatMs: 15_000,
};

export interface ReplicatorDeps {
  /** The data folder: the live books' `orders/` are read, the cursor is kept beside them. */
  dataDir: string;
  url: string;
  register: () => { id: string; name: string };
  io: FileIo;
  log: Logger;
  now: () => Date;
  timing?: ReplicationTiming;
}

/**
 * The outbox: every line of the live books' journals, sent to the shared store in order, each
 * day's lines numbered as they sit in its journal. It runs beside the register and never in its
 * way: a sale appends to its journal and nudges the replicator, which sends when it can. While the
 * database does not answer it counts what waits and tries again with backoff; once it answers,
 * everything not yet sent goes, exactly once (a line the database already has is kept as it was).
 */
export class JournalReplicator {
  private readonly ordersDir: string;
  private readonly timing: ReplicationTiming;
  private readonly pool: PostgresPool;
  private cursor: ReplicationCursor | null = null;
  /** Days with lines that may not be sent yet, each with how often it was nudged (a nudge during a pass keeps it dirty). */
  private readonly dirty = new Map<string, number>();
  /** Days holding a line that does not read (a damaged journal): left until the doctor mends it and the app starts again. */
  private readonly stuck = new Set<string>();
  /** How far each dirty day's journal has been counted: its whole lines, and where they end. */
  private readonly counted = new Map<string, DaySent>();
  /** The count stopped at its cap with lines left uncounted: until some are sent, more sales leave it as it is. */
  private capped = false;
  private migrated = false;
  private offlineSince: Date | null = null;
  private failures = 0;
  private readonly passes = new SerialPasses(() => this.pass());
  private counting: Promise<void> = Promise.resolve();

  constructor(private readonly deps: ReplicatorDeps) {
    this.ordersDir = join(deps.dataDir, 'orders');
    this.timing = deps.timing ?? REPLICATION_TIMING;
    this.pool = openPostgresPool(deps.url, (error) =>
      deps.log.warn('shared store: a connection was lost', { error: error.message }),
    );
  }

  /** Finds what the journals hold beyond the cursor, then sends it (in the background). */
  async start(): Promise<void> {
    const target = `${maskPostgresUrl(this.deps.url)}#${this.deps.register().id}`;
    this.cursor = await ReplicationCursor.open(this.deps.dataDir, this.deps.io, target);
    for (const day of await journalDays(this.ordersDir, this.deps.io)) this.touch(day);
    await this.recount().catch((error: unknown) => this.unread(error));
    this.passes.kick();
  }

  /** A line was journaled for `day`: sent now, or counted as waiting while the database is away. */
  nudge(day: string): void {
    if (this.passes.stopped) return;
    this.touch(day);
    if (this.offlineSince === null) this.passes.kick();
    else this.counting = this.counting.then(() => this.recount()).catch(() => undefined);
  }

  status(): SharedStoreStatus {
    const waiting = this.waiting();
    const more = this.capped ? { more: true as const } : {};
    if (this.offlineSince === null) return { state: 'online', waiting, ...more };
    return { state: 'offline', since: this.offlineSince.toISOString(), waiting, ...more };
  }

  /** Sends what is waiting now, resolving once a pass is over (tests, and a manager's "try now"). */
  async flush(): Promise<void> {
    await this.passes.flush();
  }

  async stop(): Promise<void> {
    await this.passes.stop();
    await this.counting;
    await this.pool.end();
  }

  private touch(day: string): void {
    this.dirty.set(day, (this.dirty.get(day) ?? 0) + 1);
  }

  private waiting(): number {
    let waiting = 0;
    for (const day of this.dirty.keys()) {
      const sent = this.sent(day);
      waiting += Math.max(0, (this.counted.get(day)?.lines ?? 0) - sent.lines);
    }
    return waiting;
  }

  private sent(day: string): DaySent {
    if (this.cursor === null) throw new Error('the replicator is not started');
    return this.cursor.sent(day);
  }

  /**
   * Counts the whole lines the dirty days hold beyond what was counted before, oldest day first,
   * up to the cap: past it only one more line is read, to know that more wait.
   */
  private async recount(): Promise<void> {
    if (this.capped) return;
    let room = this.timing.countCap ?? COUNT_CAP;
    for (const day of [...this.dirty.keys()].sort()) {
      const sent = this.sent(day);
      const before = this.counted.get(day);
      const from = before !== undefined && before.bytes >= sent.bytes ? before : sent;
      room -= from.lines - sent.lines;
      const tail = await readTail(this.deps.io, journalPath(this.ordersDir, day), from.bytes, Math.max(0, room) + 1);
      const taken = tail.slice(0, Math.max(0, room));
      this.counted.set(day, { lines: from.lines + taken.length, bytes: taken.at(-1)?.end ?? from.bytes });
      room -= taken.length;
      if (tail.length > taken.length) {
        this.capped = true;
        return;
      }
    }
  }

  private unread(error: unknown): void {
    this.deps.log.warn('shared store: a journal could not be read; trying again', {
      error: error instanceof Error ? error.message : String(error),
    });
  }

  private async pass(): Promise<void> {
    try {
      await this.send();
      if (this.offlineSince !== null)
        this.deps.log.info('shared store: back online', { offlineSince: this.offlineSince.toISOString() });
      this.offlineSince = null;
      this.failures = 0;
      this.passes.later(this.timing.heartbeatMs);
    } catch (error) {
      this.failures += 1;
      if (error instanceof JournalUnread) {
        // The database answered this pass before the disk failed it.
        this.unread(error.cause);
        this.offlineSince = null;
      } else if (this.offlineSince === null) {
        this.offlineSince = this.deps.now();
        this.deps.log.warn('shared store: offline, selling goes on and lines wait', {
          store: maskPostgresUrl(this.deps.url),
          error: error instanceof Error ? error.message : String(error),
        });
      }
      this.passes.later(retryDelayMs(this.failures, this.timing));
    } finally {
      await this.recount().catch(() => undefined);
    }
  }

  /** Everything not yet sent, day by day in order, a batch per transaction, the cursor moved after each commit. */
  private async send(): Promise<void> {
    const register = this.deps.register();
    if (!this.migrated) {
      await migrate(this.pool, SHARED_STORE_MIGRATIONS);
      this.migrated = true;
    }
    await withClient(this.pool, (client) => upsertRegister(client, register));
    for (const [day, nudges] of [...this.dirty].sort(([a], [b]) => a.localeCompare(b))) {
      if (this.stuck.has(day)) continue;
      await this.sendDay(register.id, day);
      if (this.dirty.get(day) === nudges) {
        this.dirty.delete(day);
        this.counted.delete(day);
      }
    }
  }

  private async sendDay(registerId: string, day: string): Promise<void> {
    for (;;) {
      const sent = this.sent(day);
      const tail = await readTail(this.deps.io, journalPath(this.ordersDir, day), sent.bytes, this.timing.batch).catch(
        (error: unknown) => {
          throw new JournalUnread(error);
        },
      );
      if (tail.length === 0) return;
      const lines: OutgoingLine[] = [];
      for (const [i, entry] of tail.entries()) {
        const line = readLine(entry.text);
        if (line === null) {
          this.stuck.add(day);
          this.deps.log.error('shared store: a journal line does not read; that day waits for npm run doctor', {
            day,
            lineNo: sent.lines + i + 1,
          });
          break;
        }
        lines.push({ lineNo: sent.lines + i + 1, orderId: line.orderId, line });
      }
      const last = tail[lines.length - 1];
      if (last === undefined) return;
      await withClient(this.pool, (client) => inTransaction(client, () => writeLines(client, registerId, day, lines)));
      await this.cursor?.advance(day, { lines: sent.lines + lines.length, bytes: last.end });
      // Lines went: the count may go under its cap again.
      this.capped = false;
      if (this.stuck.has(day)) return;
    }
  }
}

/** The disk, not the database, failed a pass: the store is not offline for it. */
class JournalUnread extends Error {
  constructor(cause: unknown) {
    super('a journal could not be read', { cause });
  }
}

/** A journal line as the order it records, or null when it is not one (damaged). */
function readLine(text: string): { orderId: string } | null {
  try {
    const line: unknown = JSON.parse(text);
    if (typeof line === 'object' && line !== null && 'orderId' in line && typeof line.orderId === 'string')
      return line as { orderId: string };
    return null;
  } catch {
    return null;
  }
}
