import { ConfigError } from '../config';

/**
 * The steps at which a test build can be made to die abruptly (`POS_CRASH_AT`), so the chaos
 * matrix can prove a kill at each of them loses no sale and no won. The one list of names: the
 * composition checks a switch against it, the services name their step from it.
 */
export const CRASH_POINTS = [
  /** The order's PENDING line is on disk; the register has not been told its id. */
  'order-stored',
  /** CONFIRMING and the attempt are journaled; nothing has been sent to Toss yet. */
  'attempt-journaled',
  /** Toss answered the confirm DONE (for this order and amount); PAID is not journaled yet. */
  'toss-answered',
  /** Half a journal line is written, then death: a torn append. */
  'mid-append',
  /** Toss answered the compensating cancel; the compensation is not journaled yet. */
  'compensation-sent',
  /** The refund is journaled as REFUNDING; Toss has not been asked yet. */
  'refund-journaled',
  /** Toss answered the refund's cancel; its outcome is not journaled yet. */
  'refund-answered',
  /** The coupon is held for the order just stored (in memory: the order's line is the record). */
  'coupon-reserved',
  /** The coupon's used line is on disk. */
  'coupon-consumed',
  /** A part of an order paid in parts is recorded PAID (card or cash); the order is not paid in full yet. */
  'part-paid',
] as const;
export type CrashPointName = (typeof CRASH_POINTS)[number];

export interface CrashAt {
  point: CrashPointName;
  /** Dies the n-th time the point is reached (1: the first). */
  hit: number;
}

/** `<point>` or `<point>:<n>`; anything else is refused, so a typo never makes a run that silently cannot crash. */
export function parseCrashAt(text: string): CrashAt {
  const match = /^([a-z-]+)(?::([1-9]\d{0,5}))?$/.exec(text.trim());
  const point = CRASH_POINTS.find((name) => name === match?.[1]);
  if (!match || point === undefined)
    throw new ConfigError(
      `POS_CRASH_AT must be <point> or <point>:<n>, with a point among ${CRASH_POINTS.join(', ')}; got "${text}"`,
    );
  return { point, hit: match[2] === undefined ? 1 : Number(match[2]) };
}

let armed: CrashAt | null = null;
let reached = 0;

/** Arms one crash point for the life of this process (the composition does, in a test build only). */
export function armCrashPoint(at: CrashAt): void {
  armed = at;
  reached = 0;
}

/**
 * Marks a step. When it is the armed one, reached for the armed time, the process dies at once,
 * as under kill -9: no handler, no flush, no close. `lastAct` runs just before (a half write).
 */
export function crashPoint(name: CrashPointName, lastAct?: () => void): void {
  if (armed?.point !== name) return;
  reached += 1;
  if (reached < armed.hit) return;
  lastAct?.();
  process.kill(process.pid, 'SIGKILL');
}
