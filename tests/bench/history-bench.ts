import { writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { formatTable, type BenchJson } from './history/report';
import { runHistoryBench } from './history/run';

/**
 * The history benchmark of issue 9: our order store (day journals + the history index) against
 * SQLite (better-sqlite3, WAL, synchronous=FULL) on the same synthetic history, side by side.
 *
 *   tsx tests/bench/history-bench.ts [--orders N[,N…]]… [--json PATH] [--dir DIR] [--keep] [--profile DIR]
 *
 * `--orders` picks the counts (default 10000,100000,1000000, in sequence; 5000000 completes too: 55 minutes on 2 cores under load, see README).
 * Each count: generate the history (streamed, a day at a time), time our first open as the index
 * build, then measure commit, open, page30, by_id, by_approval, search30 and totals365 for our
 * store and for SQLite, each in its own child process (ours first), and check that both answered
 * the same. `--json PATH` writes `{ orders, results: [{ op, p50_ms, p99_ms, sqlite_p50_ms,
 * sqlite_p99_ms }], rss_mib: { open, after_queries } }` for one count, or an array of such
 * objects, one per count in the order run, when several are given. `--profile DIR` writes
 * `node --cpu-prof` profiles of our store's processes there. It prints figures and never fails on
 * time; it exits 1 only when the two stores answered differently.
 */
const { values } = parseArgs({
  options: {
    orders: { type: 'string', multiple: true },
    json: { type: 'string' },
    dir: { type: 'string' },
    keep: { type: 'boolean', default: false },
    profile: { type: 'string' },
    repeats: { type: 'string' },
    commits: { type: 'string' },
  },
});

const counts = (values.orders ?? ['10000,100000,1000000'])
  .flatMap((text) => text.split(','))
  .map((text) => Number(text.replaceAll('_', '')));
if (counts.some((n) => !Number.isSafeInteger(n) || n < 1))
  throw new Error(`--orders wants whole numbers: ${values.orders?.join(' ')}`);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

const written: BenchJson[] = [];
let agreed = true;
for (const orders of counts) {
  const started = performance.now();
  const result = await runHistoryBench({
    orders,
    isolate: true,
    keep: values.keep,
    ...(values.dir !== undefined ? { dir: values.dir } : {}),
    ...(values.profile !== undefined ? { profileDir: values.profile } : {}),
    ...(values.repeats !== undefined ? { repeats: Number(values.repeats) } : {}),
    ...(values.commits !== undefined ? { commits: Number(values.commits) } : {}),
    log: (line) => console.log(`  ${line}`),
  });
  console.log(formatTable(orders, result.ours, result.sqlite));
  console.log(
    `index build (first open, every journal read once): ${(result.index.buildMs / 1000).toFixed(2)} s, peak RSS ${result.index.peakRssMiB.toFixed(0)} MiB; ` +
      `disk: journals ${mib(result.disk.journals)}, our index ${mib(result.disk.index)}, SQLite ${mib(result.disk.sqlite)}`,
  );
  if (result.disagreements.length > 0) {
    agreed = false;
    console.log(
      `THE STORES DISAGREE (${result.disagreements.length}):\n  ${result.disagreements.slice(0, 10).join('\n  ')}`,
    );
  } else {
    console.log(
      'agreement: both stores gave the same first pages, orders by id and approval number, searches and totals',
    );
  }
  console.log(
    `(${orders.toLocaleString('en-US')} orders took ${((performance.now() - started) / 1000).toFixed(0)} s in all)\n`,
  );
  written.push(result.json);
  if (values.json !== undefined)
    await writeFile(
      values.json,
      `${JSON.stringify(written.length === 1 && counts.length === 1 ? written[0] : written, null, 2)}\n`,
    );
}
if (!agreed) process.exitCode = 1;
