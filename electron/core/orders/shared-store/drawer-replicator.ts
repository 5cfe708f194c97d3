import type { FileIo } from '../../platform/disk/file-io';
import { retryDelayMs } from '../../platform/jobs/backoff';
import { SerialPasses } from '../../platform/jobs/serial-passes';
import type { Logger } from '../../platform/log/logger';
import type { PostgresClient } from '../../platform/postgres/postgres-pool';
import { inTransaction } from '../../platform/postgres/postgres-pool';
import { journalDays, journalPath } from '../journal-days';
import { readTail } from './journal-tail';
import { upsertRegister } from './shared-store-writes';

/** How soon a store that did not answer is tried again: doubling from `firstRetryMs` up to `maxRetryMs`. */
export interface DrawerReplicationTiming {
  firstRetryMs: number;
  maxRetryMs: number;
}

export const DRAWER_REPLICATION_TIMING: DrawerReplicationTiming = {
  firstRetryMs: 1_000,
  maxRetryMs: 30_000,
};

export interface DrawerReplicatorDeps {
  /** The live books' drawer folder: one journal a business day, each line a shift's whole new state. */
  drawerDir: string;
  /** The disk, as the books read it (a fault injected there reaches this outbox too). */
  io: FileIo;
  register: () => { id: string; name: string };
  /** A connection to the migrated store. */
  client: <T>(work: (client: PostgresClient) => Promise<T>) => Promise<T>;
  log: Logger;
  timing?: DrawerReplicationTiming;
}

/**
 * The drawer's outbox: every line of the live drawer journals reaches `drawer_shifts`, each shift
 * kept at its latest line. A drawer's day holds a handful of lines, so a day with more lines than
 * the store has is sent again from the first line the store lacks; where the store stands is read
 * from it (the highest line it has of each day), so nothing is kept on disk and a line sent twice
 * changes nothing. Like the orders' outbox it never stands in the way of the drawer: a store that
 * does not answer is tried again with backoff. It runs at the start and after each change of the
 * drawer (a pass then reads only the days whose journal grew), so it has no timer of its own while all is sent.
 */
export class DrawerReplicator {
  private readonly timing: DrawerReplicationTiming;
  /** Lines of each day the store has, read from it at the first pass. */
  private sent: Map<string, number> | null = null;
  /** How many bytes of each day's journal a pass has read and sent: a day whose file is that long is not read again. */
  private readonly read = new Map<string, number>();
  private failures = 0;
  private readonly passes = new SerialPasses(() => this.pass());

  constructor(private readonly deps: DrawerReplicatorDeps) {
    this.timing = deps.timing ?? DRAWER_REPLICATION_TIMING;
  }

  /** A shift was kept: sent now (or at the next try). */
  nudge(): void {
    this.passes.kick();
  }

  /** Sends what waits now, resolving once a pass is over. */
  async flush(): Promise<void> {
    await this.passes.flush();
  }

  async stop(): Promise<void> {
    await this.passes.stop();
  }

  private async pass(): Promise<void> {
    try {
      await this.send();
      this.failures = 0;
    } catch (error) {
      this.failures += 1;
      if (this.failures === 1)
        this.deps.log.warn('shared store: the drawer could not be sent, it is tried again', {
          error: error instanceof Error ? error.message : String(error),
        });
      this.passes.later(retryDelayMs(this.failures, this.timing));
    }
  }

  private async send(): Promise<void> {
    const register = this.deps.register();
    const sent = (this.sent ??= await this.stored(register.id));
    for (const day of await journalDays(this.deps.drawerDir, this.deps.io)) {
      const path = journalPath(this.deps.drawerDir, day);
      const readTo = this.read.get(day);
      // Nothing past what was read last time: the day's journal has not grown.
      if (readTo !== undefined && (await this.deps.io.readRange(path, readTo, 1))?.length === 0) continue;
      const lines = await readTail(this.deps.io, path, 0, Number.MAX_SAFE_INTEGER);
      const through = lines.at(-1)?.end ?? 0;
      const from = sent.get(day) ?? 0;
      if (lines.length <= from) {
        this.read.set(day, through);
        continue;
      }
      // The latest line of each shift among those the store lacks.
      const latest = new Map<string, { lineNo: number; shift: unknown }>();
      for (const [i, line] of lines.entries()) {
        if (i < from) continue;
        const shift = readShift(line.text);
        if (shift !== null) latest.set(shift.shiftId, { lineNo: i + 1, shift });
      }
      const rows = [...latest].map(([shiftId, { lineNo, shift }]) => ({
        shift_id: shiftId,
        line_no: lineNo,
        document: shift,
      }));
      await this.deps.client((client) =>
        inTransaction(client, async () => {
          await upsertRegister(client, register);
          await client.query(
            `INSERT INTO drawer_shifts (register_id, shift_id, business_day, line_no, document)
             SELECT $1, t.shift_id, $2::date, t.line_no, t.document
               FROM jsonb_to_recordset($3::jsonb) AS t (shift_id text, line_no integer, document jsonb)
             ON CONFLICT (register_id, shift_id) DO UPDATE
               SET line_no = EXCLUDED.line_no, document = EXCLUDED.document, updated_at = now()
             WHERE drawer_shifts.line_no < EXCLUDED.line_no`,
            [register.id, day, JSON.stringify(rows)],
          );
        }),
      );
      sent.set(day, lines.length);
      this.read.set(day, through);
    }
  }

  /** How many lines of each day the store has of this register: the highest line of any of the day's shifts. */
  private async stored(registerId: string): Promise<Map<string, number>> {
    const rows = await this.deps.client((client) =>
      client.query<{ day: string; lines: number }>(
        `SELECT to_char(business_day, 'YYYY-MM-DD') AS day, max(line_no)::int AS lines
           FROM drawer_shifts WHERE register_id = $1 GROUP BY business_day`,
        [registerId],
      ),
    );
    return new Map(rows.rows.map((row) => [row.day, row.lines]));
  }
}

/** A drawer journal line as the shift it records, or null when it does not read. */
function readShift(text: string): { shiftId: string } | null {
  try {
    const line: unknown = JSON.parse(text);
    if (typeof line === 'object' && line !== null && 'shiftId' in line && typeof line.shiftId === 'string')
      return line as { shiftId: string };
    return null;
  } catch {
    return null;
  }
}
