import { describe, expect, it } from 'vitest';
import { OPS } from '../../bench/history/plan';
import { runHistoryBench } from '../../bench/history/run';
import { tempDir } from '../helpers/temp-dir';

/**
 * The history benchmark's smoke run (npm run bench runs it at 10k, 100k and 1M): 10,000 orders,
 * every synthetic order checked by the store's schema, both stores measured, and what they
 * answered compared. No timing is asserted: only that every op produced figures and that our
 * store and SQLite agree.
 */
describe('history benchmark at 10,000 orders', () => {
  it('generates a realistic history, measures every op on both stores, and both answer the same', async () => {
    const dir = await tempDir('history-bench');
    const result = await runHistoryBench({
      orders: 10_000,
      dir,
      keep: true,
      validate: true,
      commits: 40,
      repeats: 40,
      opens: 5,
      isolate: true,
    });

    const { counts } = result;
    expect(counts.orders).toBe(10_000);
    expect(counts.days).toBeGreaterThanOrEqual(9);
    expect(counts.coupon / counts.orders).toBeGreaterThan(0.07);
    expect(counts.coupon / counts.orders).toBeLessThan(0.13);
    expect(counts.refunded / counts.orders).toBeGreaterThan(0.02);
    expect(counts.refunded / counts.orders).toBeLessThan(0.04);
    expect(counts.unpaid / counts.orders).toBeGreaterThan(0.01);
    expect(counts.unpaid / counts.orders).toBeLessThan(0.03);
    expect(counts.training).toBeGreaterThan(0);

    expect(result.json.orders).toBe(10_000);
    expect(result.json.results.map((r) => r.op)).toEqual([...OPS]);
    for (const row of result.json.results) {
      for (const figure of [row.p50_ms, row.p99_ms, row.sqlite_p50_ms, row.sqlite_p99_ms])
        expect(Number.isFinite(figure), `${row.op}: ${figure}`).toBe(true);
    }
    expect(Object.keys(result.json.rss_mib)).toEqual(['open', 'after_queries']);
    expect(result.index.buildMs).toBeGreaterThan(0);

    // The check that matters: our store and SQLite answered every query alike.
    expect(result.disagreements).toEqual([]);
    const { answers } = result.ours;
    expect(answers.page30).toHaveLength(50);
    expect(answers.page30[0]?.createdAt.startsWith(result.plan.today)).toBe(true);
    expect(Object.values(answers.byId).every((order) => order !== null)).toBe(true);
    expect(Object.keys(answers.byApproval)).toHaveLength(40);
    expect(answers.search30['아메리카노']).toHaveLength(50);
    // The rarest term never fills a page, so the search reads the whole 30 days.
    expect((answers.search30['상품권'] ?? []).length).toBeLessThan(50);
    expect(Object.values(answers.totals365).every((totals) => totals.orders > 0 && totals.byMethod.length >= 2)).toBe(
      true,
    );
  }, 120_000);
});
