/** How soon a failed pass is tried again: first after `firstRetryMs`, twice as long after each further failure. */
export interface RetryTiming {
  firstRetryMs: number;
  /** The longest wait, however many times it failed. */
  maxRetryMs: number;
}

/**
 * The wait before trying again after `failures` failures in a row (1 after the first): the
 * outboxes', the shop's change log's and the settler's one backoff. Never more than `maxRetryMs`,
 * however many failures (a store down for days does not overflow it into no retry at all).
 */
export function retryDelayMs(failures: number, timing: RetryTiming): number {
  return Math.min(timing.maxRetryMs, timing.firstRetryMs * 2 ** (Math.max(failures, 1) - 1));
}
