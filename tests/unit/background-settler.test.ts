import { describe, expect, it } from 'vitest';
import { BackgroundSettler } from '../../electron/core/reconcile/background-settler';
import { silentLog } from './helpers/pos';

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
