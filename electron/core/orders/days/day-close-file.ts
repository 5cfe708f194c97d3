import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { dayReportSchema, type DayReport } from '../../../../shared/domain/day-close';
import { PosError } from '../../../../shared/domain/errors';
import { StoreFileCorruptError } from '../../platform/disk/corrupt-file-error';
import type { FileIo } from '../../platform/disk/file-io';

const CLOSE_FILE = /^(\d{4}-\d{2}-\d{2})\.json$/;

/**
 * The Z reports, one file per closed day (`day-closes/YYYY-MM-DD.json`), each written once,
 * atomically, and never again: a closed day's figures are what its file says. Read by day and
 * kept in memory once read.
 */
export class DayCloseFile {
  private readonly dir: string;
  private readonly read = new Map<string, Promise<DayReport | null>>();

  constructor(
    dataDir: string,
    private readonly io: FileIo,
  ) {
    this.dir = join(dataDir, 'day-closes');
  }

  private path(day: string): string {
    return join(this.dir, `${day}.json`);
  }

  /** The day's Z report, or null while the day is open. */
  get(day: string): Promise<DayReport | null> {
    let found = this.read.get(day);
    if (found === undefined) {
      found = this.load(day);
      found.catch(() => this.read.delete(day));
      this.read.set(day, found);
    }
    return found;
  }

  private async load(day: string): Promise<DayReport | null> {
    const text = await this.io.read(this.path(day));
    if (text === null) return null;
    try {
      return dayReportSchema.parse(JSON.parse(text));
    } catch (error) {
      throw new StoreFileCorruptError(this.path(day), error);
    }
  }

  /** Keeps a Z report; a day already closed is refused (its file is never replaced). */
  async save(report: DayReport): Promise<void> {
    if ((await this.get(report.day)) !== null)
      throw new PosError('DAY_ALREADY_CLOSED', `${report.day} is already closed`);
    await this.io.writeAtomic(this.path(report.day), JSON.stringify(report, null, 2));
    this.read.set(report.day, Promise.resolve(dayReportSchema.parse(report)));
  }

  /** The closed days, newest first, at most `limit` of them. */
  async closedDays(limit: number): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return names
      .map((name) => CLOSE_FILE.exec(name)?.[1])
      .filter((day): day is string => day !== undefined)
      .sort()
      .reverse()
      .slice(0, limit);
  }
}
