import { loggableUrl } from '../security/loggable-url';
import type { Logger } from './logger';

export interface CspViolation {
  page: string;
  directive: string;
  blockedUri: string;
  sourceFile: string;
  line: number;
  column: number;
}

/** At most this many violations a minute reach the log; a page in a loop cannot flood it. */
export const CSP_LOG_PER_MINUTE = 20;
const MINUTE_MS = 60_000;

/**
 * Writes the CSP violations our pages report to main's log, URLs cut to origin and path (a
 * payment page's query could hold card data), at most {@link CSP_LOG_PER_MINUTE} a minute. What
 * a minute drops is counted and said with the next line written after it.
 */
export class CspViolationLog {
  private windowStart = Number.NEGATIVE_INFINITY;
  private written = 0;
  private dropped = 0;

  constructor(
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when the violation was written, false when this minute's allowance was used up. */
  record(violation: CspViolation): boolean {
    const now = this.now();
    if (now - this.windowStart >= MINUTE_MS) {
      if (this.dropped > 0)
        this.log.warn('CSP violations not logged (more than the limit a minute)', {
          dropped: this.dropped,
          perMinute: CSP_LOG_PER_MINUTE,
        });
      this.windowStart = now;
      this.written = 0;
      this.dropped = 0;
    }
    if (this.written >= CSP_LOG_PER_MINUTE) {
      this.dropped += 1;
      return false;
    }
    this.written += 1;
    this.log.warn('CSP violation', {
      page: violation.page,
      directive: violation.directive,
      blockedUri: loggableUrl(violation.blockedUri),
      source: violation.sourceFile === '' ? null : loggableUrl(violation.sourceFile),
      line: violation.line,
      column: violation.column,
    });
    return true;
  }
}
