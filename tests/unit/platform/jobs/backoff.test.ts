import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../../../electron/core/platform/jobs/backoff';

const TIMING = { firstRetryMs: 1_000, maxRetryMs: 60_000 };

describe('the backoff of a pass tried again', () => {
  it('waits the first wait after one failure, twice as long after each further one, up to the longest', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((failures) => retryDelayMs(failures, TIMING))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000,
    ]);
  });

  it('never waits longer than the longest, nor less than the first, however many failures', () => {
    for (const failures of [0, 1, 30, 1_024, 100_000, Number.MAX_SAFE_INTEGER]) {
      const wait = retryDelayMs(failures, TIMING);
      expect(wait).toBeGreaterThanOrEqual(TIMING.firstRetryMs);
      expect(wait).toBeLessThanOrEqual(TIMING.maxRetryMs);
    }
    expect(retryDelayMs(0, TIMING)).toBe(1_000);
  });
});
