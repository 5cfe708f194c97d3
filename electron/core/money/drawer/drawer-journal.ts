import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { drawerShiftSchema, type DrawerShift } from '../../../../shared/domain/drawer';
import type { FileIo } from '../../platform/disk/file-io';
import { KeyedJournal } from '../../platform/disk/keyed-journal';

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/;

/** The drawer's folder in a books' folder. */
export const DRAWER_DIR = 'drawer';

/** The business day a file in the drawer's folder is the journal of, or null for any other file. */
export function dayOfDrawerFile(name: string): string | null {
  return DAY_FILE.exec(name)?.[1] ?? null;
}

/** The business day a shift was opened in: the start of its id. */
function dayOfShift(shiftId: string): string {
  return shiftId.slice(0, 10);
}

/**
 * The drawer's shifts on disk, one append-only journal per business day the shift was opened in
 * (`drawer/YYYY-MM-DD.jsonl`): every change (opened, paid in or out, closed) appends the shift's
 * whole new state in one durable line, the last line of a shift being its state. A crash leaves
 * the shift as its last whole line says; a day's file stays small, and a report reads only its day.
 */
export class DrawerJournal {
  private readonly dir: string;
  private readonly days = new Map<string, Promise<KeyedJournal<DrawerShift>>>();

  constructor(
    booksDir: string,
    private readonly io: FileIo,
  ) {
    this.dir = join(booksDir, DRAWER_DIR);
  }

  private journal(day: string): Promise<KeyedJournal<DrawerShift>> {
    let found = this.days.get(day);
    if (found === undefined) {
      found = KeyedJournal.open(join(this.dir, `${day}.jsonl`), this.io, drawerShiftSchema, (s) => s.shiftId);
      found.catch(() => this.days.delete(day));
      this.days.set(day, found);
    }
    return found;
  }

  /** The shifts opened in a business day, in the order they were opened. */
  async shiftsOf(day: string): Promise<DrawerShift[]> {
    return [...(await this.journal(day)).all()].map((shift) => structuredClone(shift));
  }

  /** The newest business day with a shift, or null before the first shift. */
  async latestDay(): Promise<string | null> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return (
      names
        .map(dayOfDrawerFile)
        .filter((day): day is string => day !== null)
        .sort()
        .pop() ?? null
    );
  }

  /** Keeps the shift's new state; memory changes only once it is on disk. */
  async save(shift: DrawerShift): Promise<void> {
    await (await this.journal(dayOfShift(shift.shiftId))).append(shift);
  }

  async close(): Promise<void> {
    for (const journal of this.days.values()) await (await journal.catch(() => null))?.close();
  }
}
