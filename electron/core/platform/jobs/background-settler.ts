import type { Logger } from '../log/logger';
import { retryDelayMs } from './backoff';

/** One kind of open work the settler keeps asking about; resolves true once none of it is left open. */
export interface SettleJob {
  name: string;
  settle(): Promise<boolean>;
}

export interface SettlerTiming {
  /** How often work is looked at when nothing is known to be open (coupon holds expire, say). */
  sweepMs: number;
  /** The wait after a round that left work open; it doubles each time, up to `maxRetryMs`. */
  firstRetryMs: number;
  maxRetryMs: number;
}

export const SETTLER_TIMING: SettlerTiming = { sweepMs: 60_000, firstRetryMs: 1_000, maxRetryMs: 60_000 };

/**
 * Settles open work in the background while the app runs: a round asks about everything open,
 * in order (confirms before the coupons and refunds that follow them); a round that leaves work
 * open is repeated with backoff, so a Toss that comes back is noticed within a minute at most.
 */
export class BackgroundSettler {
  private timer: NodeJS.Timeout | undefined;
  private dueAt = Number.POSITIVE_INFINITY;
  private running: Promise<void> | undefined;
  private again = false;
  /** Rounds in a row that left work open. */
  private openRounds = 0;
  private stopped = false;

  constructor(
    private readonly deps: {
      jobs: readonly SettleJob[];
      timing: SettlerTiming;
      log: Logger;
      now: () => Date;
      scheduled?: (at: Date | null) => void;
    },
  ) {}

  /** Runs a round now (or right after the one under way); resolves when that round is done. */
  settleNow(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running.then(() => this.running ?? undefined);
    }
    clearTimeout(this.timer);
    this.dueAt = Number.POSITIVE_INFINITY;
    this.running = this.round().finally(() => {
      this.running = undefined;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.settleNow();
      }
    });
    return this.running;
  }

  /** New open work: the next round comes within the first retry wait, not after the idle sweep. */
  soon(): void {
    if (this.stopped || this.running || this.dueAt <= Date.now() + this.deps.timing.firstRetryMs) return;
    this.schedule(this.deps.timing.firstRetryMs);
  }

  /** No more rounds. One under way is not waited for: a slow Toss must not hold up quitting, and what it leaves open is settled at the next start. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private async round(): Promise<void> {
    let open = false;
    for (const job of this.deps.jobs) {
      try {
        if (!(await job.settle())) open = true;
      } catch (error) {
        open = true;
        this.deps.log.warn('settling did not finish', { job: job.name, error });
      }
    }
    if (this.stopped) return;
    this.openRounds = open ? this.openRounds + 1 : 0;
    const wait = open ? retryDelayMs(this.openRounds, this.deps.timing) : this.deps.timing.sweepMs;
    this.deps.scheduled?.(open ? new Date(this.deps.now().getTime() + wait) : null);
    this.schedule(wait);
  }

  private schedule(wait: number): void {
    clearTimeout(this.timer);
    this.dueAt = Date.now() + wait;
    this.timer = setTimeout(() => void this.settleNow(), wait);
    this.timer.unref();
  }
}
