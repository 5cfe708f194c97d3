/** Korea has no daylight saving time, so Seoul is always UTC+9. */
const SEOUL_OFFSET_MS = 9 * 60 * 60 * 1000;

/** The business day an instant belongs to in Seoul, as YYYY-MM-DD. */
export function seoulDay(at: Date): string {
  return new Date(at.getTime() + SEOUL_OFFSET_MS).toISOString().slice(0, 10);
}

/** ISO 8601 with the +09:00 offset, the way Toss writes times. */
export function seoulIso(at: Date): string {
  return new Date(at.getTime() + SEOUL_OFFSET_MS).toISOString().replace(/\.\d{3}Z$/, '+09:00');
}

/** A wall-clock time in Seoul as typed: a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:mm). */
export const SEOUL_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/**
 * The instant a Seoul wall-clock time names, as ISO with +09:00. A bare date is the start of
 * that day, or with `edge: 'end'` the start of the next (a window "until 12-31" includes the
 * 31st). Null when it is not a real date or time.
 */
export function seoulInstant(local: string, edge: 'start' | 'end'): string | null {
  const match = SEOUL_LOCAL.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute] = match
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part)));
  if (year === undefined || month === undefined || day === undefined) return null;
  const dateOnly = hour === undefined;
  const utc = Date.UTC(year, month - 1, day + (dateOnly && edge === 'end' ? 1 : 0), hour ?? 0, minute ?? 0);
  const check = new Date(Date.UTC(year, month - 1, day, hour ?? 0, minute ?? 0));
  // Date.UTC rolls 02-30 over to 03-02: only a date that reads back the same is real.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || (hour ?? 0) > 23 || (minute ?? 0) > 59)
    return null;
  return seoulIso(new Date(utc - SEOUL_OFFSET_MS));
}

/** "2026-12-05 14:03" in Seoul time, for messages and lists. */
export function formatSeoulTime(iso: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  return seoulIso(new Date(at)).slice(0, 16).replace('T', ' ');
}

/**
 * A window's end is exclusive: one "until 12-31" ends at 01-01 00:00. Shown as 12-31 24:00,
 * the day the manager typed, still the same instant.
 */
export function formatSeoulUntil(iso: string): string {
  const shown = formatSeoulTime(iso);
  if (!shown.endsWith(' 00:00')) return shown;
  return `${formatSeoulTime(new Date(Date.parse(iso) - 60_000).toISOString()).slice(0, 10)} 24:00`;
}
