import { join } from 'node:path';
import { z } from 'zod';
import type { FileIo } from '../../platform/disk/file-io';
import { JsonDocument } from '../../platform/disk/json-document';

/** How far one day's journal has been sent: its first `lines` lines, which end at byte `bytes`. */
export interface DaySent {
  lines: number;
  bytes: number;
}

const cursorSchema = z.strictObject({
  /** Which database and register the counts are for: another one starts again from the first line. */
  target: z.string().nullable().default(null),
  days: z.record(z.string(), z.strictObject({ lines: z.number().int().min(0), bytes: z.number().int().min(0) })),
});
type Cursor = z.infer<typeof cursorSchema>;

export const CURSOR_FILE = 'shared-store-cursor.json';

/**
 * The outbox's place in the live journals (`shared-store-cursor.json`), written only after the
 * database has committed what it counts. A crash in between leaves it behind, never ahead: those
 * lines are sent again, and the database keeps the first copy.
 */
export class ReplicationCursor {
  private constructor(private readonly doc: JsonDocument<Cursor>) {}

  static async open(dataDir: string, io: FileIo, target: string): Promise<ReplicationCursor> {
    const doc = await JsonDocument.open(join(dataDir, CURSOR_FILE), cursorSchema, { target, days: {} }, io);
    const cursor = new ReplicationCursor(doc);
    if (doc.data.target !== target) {
      await doc.update((draft) => {
        draft.target = target;
        draft.days = {};
      });
    }
    return cursor;
  }

  sent(day: string): DaySent {
    return this.doc.data.days[day] ?? { lines: 0, bytes: 0 };
  }

  advance(day: string, sent: DaySent): Promise<void> {
    return this.doc.update((draft) => {
      draft.days[day] = sent;
    });
  }
}
