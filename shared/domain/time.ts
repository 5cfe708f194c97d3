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
