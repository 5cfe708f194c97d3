import { describe, expect, it } from 'vitest';
import { BackgroundSettler } from '../../../../electron/core/platform/jobs/background-settler';
import { silentLog } from '../../helpers/pos';

const NOW = new Date('2026-03-02T03:00:00Z');

/** A settler whose one job stays open for `openRounds` rounds; what it schedules is recorded as waits in ms. */
function settlerOpenFor(openRounds: number, failing = false) {
  let rounds = 0;
  const waits: (number | null)[] = [];
  const settler = new BackgroundSettler({
    jobs: [
      {
        name: 'test',
        settle: async () => {
          rounds += 1;
          if (failing && rounds <= openRounds) throw new Error('Toss did not answer');
          return rounds > openRounds;
        },
      },
    ],
    timing: { sweepMs: 10_000, firstRetryMs: 5, maxRetryMs: 20 },
    log: silentLog,
    now: () => NOW,
    scheduled: (at) => waits.push(at === null ? null : at.getTime() - NOW.getTime()),
  });
  return { settler, waits, rounds: () => rounds };
}

async function roundsReach(count: () => number, target: number): Promise<void> {
  const start = Date.now();
  while (count() < target) {
    if (Date.now() - start > 5_000) throw new Error(`only ${count()} rounds`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('the background settler', () => {
  it('asks again with a doubling wait, capped, while work stays open; once settled it only sweeps', async () => {
    const s = settlerOpenFor(4);
    await s.settler.settleNow();
    await roundsReach(s.rounds, 5);
    await new Promise((resolve) => setTimeout(resolve, 30));
    s.settler.stop();
    expect(s.waits).toEqual([5, 10, 20, 20, null]);
    expect(s.rounds()).toBe(5);
  });

  it('a job that throws counts as still open, and the next round comes anyway', async () => {
    const s = settlerOpenFor(2, true);
    await s.settler.settleNow();
    await roundsReach(s.rounds, 3);
    s.settler.stop();
    expect(s.waits.slice(0, 3)).toEqual([5, 10, null]);
  });

  it('new work cuts the idle sweep short; a stopped settler runs no more rounds', async () => {
    const s = settlerOpenFor(0);
    await s.settler.settleNow();
    expect(s.waits).toEqual([null]);
    s.settler.soon();
    await roundsReach(s.rounds, 2);
    s.settler.stop();
    s.settler.soon();
    await s.settler.settleNow();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(s.rounds()).toBe(2);
  });

  it('asked while a round runs, it runs one more round right after, and the caller waits for that one', async () => {
    const s = settlerOpenFor(0);
    const first = s.settler.settleNow();
    const second = s.settler.settleNow();
    await first;
    await second;
    s.settler.stop();
    expect(s.rounds()).toBe(2);
  });
});

/** A settler whose one job waits at a gate the test opens; rounds begun and finished are counted. */
function gatedSettler(options: { scheduled?: (at: Date | null) => void; firstRetryMs?: number } = {}) {
  const gates: (() => void)[] = [];
  let running = 0;
  let most = 0;
  let finished = 0;
  const settler = new BackgroundSettler({
    jobs: [
      {
        name: 'gated',
        settle: async () => {
          running += 1;
          most = Math.max(most, running);
          await new Promise<void>((resolve) => gates.push(resolve));
          running -= 1;
          finished += 1;
          return true;
        },
      },
    ],
    timing: { sweepMs: 10_000, firstRetryMs: options.firstRetryMs ?? 5, maxRetryMs: 20 },
    log: silentLog,
    now: () => NOW,
    ...(options.scheduled ? { scheduled: options.scheduled } : {}),
  });
  const open = async () => {
    await roundsReach(() => gates.length, 1);
    gates.shift()?.();
  };
  return { settler, open, most: () => most, finished: () => finished, waiting: () => gates.length };
}

/** Lets every callback already due run (no timer involved). */
const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('the background settler’s rounds', () => {
  it('never runs two rounds at once; a caller who asked during a round is answered when the round it asked for is done', async () => {
    const s = gatedSettler();
    const first = s.settler.settleNow();
    let secondDone = false;
    const second = s.settler.settleNow().then(() => {
      secondDone = true;
    });
    await s.open();
    await first;
    await settled();
    expect(secondDone).toBe(false);
    await s.open();
    await second;
    s.settler.stop();
    expect(s.finished()).toBe(2);
    expect(s.most()).toBe(1);
  });

  it('a stream of new work does not keep putting off the round it asks for', async () => {
    let rounds = 0;
    const settler = new BackgroundSettler({
      jobs: [{ name: 'count', settle: async () => ((rounds += 1), true) }],
      timing: { sweepMs: 60_000, firstRetryMs: 200, maxRetryMs: 200 },
      log: silentLog,
      now: () => NOW,
    });
    await settler.settleNow();
    expect(rounds).toBe(1);
    // New work every 10 ms, well inside the 200 ms first wait: the round still comes.
    const newWork = setInterval(() => settler.soon(), 10);
    try {
      await roundsReach(() => rounds, 2);
    } finally {
      clearInterval(newWork);
      settler.stop();
    }
  });

  it('a round under way when the app stops schedules nothing after it', async () => {
    const told: (Date | null)[] = [];
    const s = gatedSettler({ scheduled: (at) => told.push(at) });
    const round = s.settler.settleNow();
    await roundsReach(s.waiting, 1);
    s.settler.stop();
    await s.open();
    await round;
    expect(s.finished()).toBe(1);
    expect(told).toEqual([]);
  });

  it('runs with no one to tell when the next round is due', async () => {
    const s = gatedSettler();
    const round = s.settler.settleNow();
    await s.open();
    await round;
    s.settler.stop();
    expect(s.finished()).toBe(1);
  });

  it('a job that throws is logged with its name, so the operator sees what did not settle', async () => {
    const warnings: [string, unknown][] = [];
    const error = new Error('Toss did not answer');
    const settler = new BackgroundSettler({
      jobs: [{ name: 'refunds', settle: () => Promise.reject(error) }],
      timing: { sweepMs: 10_000, firstRetryMs: 10_000, maxRetryMs: 10_000 },
      log: { ...silentLog, warn: (message, fields) => warnings.push([message, fields]) },
      now: () => NOW,
    });
    await settler.settleNow();
    settler.stop();
    expect(warnings).toEqual([['settling did not finish', { job: 'refunds', error }]]);
  });
});
