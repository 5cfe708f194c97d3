import { dayAfter } from '../../../../shared/domain/day-close';
import { seoulDay, seoulInstant } from '../../../../shared/domain/time';

/** Midnight at the start of a day in Seoul, as ISO with +09:00. */
function midnight(day: string): string {
  const start = seoulInstant(day, 'start');
  if (start === null) throw new RangeError(`not a day: ${day}`);
  return start;
}

function earlier(a: string, b: string): string {
  return Date.parse(a) <= Date.parse(b) ? a : b;
}

/**
 * The business day a sale or refund made at `at` belongs to: its date in Seoul, unless that day
 * was already closed (its Z report made at or before `at`), when it is the next day.
 * `closedAt` is when the Seoul date of `at` was closed, or null while it is open.
 */
export function businessDayAt(at: Date, closedAt: string | null): string {
  const day = seoulDay(at);
  return closedAt !== null && Date.parse(closedAt) <= at.getTime() ? dayAfter(day) : day;
}

/**
 * The instants a business day spans, [from, until): from midnight, or from the day before's
 * close if that came before midnight; until the next midnight, or its own close if that came first.
 */
export function dayWindow(
  day: string,
  closedAt: string | null,
  dayBeforeClosedAt: string | null,
): { from: string; until: string } {
  const from = dayBeforeClosedAt === null ? midnight(day) : earlier(dayBeforeClosedAt, midnight(day));
  const nextMidnight = midnight(dayAfter(day));
  return { from, until: closedAt === null ? nextMidnight : earlier(closedAt, nextMidnight) };
}

/** Whether an instant falls in a window. */
export function inWindow(at: string, window: { from: string; until: string }): boolean {
  const time = Date.parse(at);
  return time >= Date.parse(window.from) && time < Date.parse(window.until);
}
