import { dayAfter } from '../../../../shared/domain/day-close';
import { PosError } from '../../../../shared/domain/errors';
import { seoulDay } from '../../../../shared/domain/time';
import { KeyedMutex } from '../../platform/disk/keyed-mutex';
import { businessDayAt, dayWindow } from './business-day';
import type { DayCloseFile } from './day-close-file';

/**
 * Which business day an instant belongs to, given the closes: a sale made after its day's Z
 * report belongs to the next day. A close and the choice of a new order's day take turns, so
 * no order is stored in a day that closed between the choice and the write.
 */
export class DayCalendar {
  /** Days whose close is under way, from when. */
  private readonly closing = new Map<string, string>();
  private readonly turns = new KeyedMutex();

  constructor(private readonly closes: DayCloseFile) {}

  /** When a day was closed (or began closing), or null while it is open. */
  async closedAt(day: string): Promise<string | null> {
    return this.closing.get(day) ?? (await this.closes.get(day))?.at ?? null;
  }

  async businessDayAt(at: Date): Promise<string> {
    return businessDayAt(at, await this.closedAt(seoulDay(at)));
  }

  /** The instants a business day spans (see `dayWindow`). */
  async window(day: string): Promise<{ from: string; until: string }> {
    return dayWindow(day, await this.closedAt(day), await this.closedAt(dayAfter(day, -1)));
  }

  /** Runs `task` with the business day of `at`, with no close of that day in between. */
  assign<T>(at: Date, task: (day: string) => Promise<T>): Promise<T> {
    return this.turns.run('day', async () => task(await this.businessDayAt(at)));
  }

  /** From `at` on, the day counts as closed: new sales go to the next day. Refused if it is closed already. */
  beginClose(day: string, at: string): Promise<void> {
    return this.turns.run('day', async () => {
      if ((await this.closedAt(day)) !== null) throw new PosError('DAY_ALREADY_CLOSED', `${day} is already closed`);
      this.closing.set(day, at);
    });
  }

  /** The close is kept (its file answers from now on) or was given up (the day is open again). */
  endClose(day: string): void {
    this.closing.delete(day);
  }
}
