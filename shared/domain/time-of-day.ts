import { z } from 'zod';
import { seoulIso } from './time';

/** A Seoul wall-clock time of day to the minute, HH:mm. */
export const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day, HH:mm');

/**
 * Whether an instant's Seoul time of day, to the minute, is within from–to, both minutes
 * included (14:00–14:59 holds 14:59:30). A missing end leaves that side open; a window that
 * ends before it starts runs past midnight (22:00–02:00).
 */
export function withinTimeOfDay(at: string, from: string | undefined, to: string | undefined): boolean {
  if (from === undefined && to === undefined) return true;
  const instant = Date.parse(at);
  if (Number.isNaN(instant)) return false;
  const minute = seoulIso(new Date(instant)).slice(11, 16);
  if (from !== undefined && to !== undefined && to < from) return minute >= from || minute <= to;
  return (from === undefined || minute >= from) && (to === undefined || minute <= to);
}
