import { execFileSync, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { seoulDay } from '../../../shared/domain/time';
import { SEARCH_TERMS } from './catalog';
import { generateHistory, type HistoryCounts } from './generator';
import { buildIndex, runOurs } from './ours';
import { timed, type BenchPlan, type RunnerResult } from './plan';
import { Rng } from '../../support/rng';
import { benchJson, disagreements, type BenchJson } from './report';
import { runSqlite, SqliteLoader } from './sqlite';

export interface RunOptions {
  orders: number;
  /** Where to put the data (a new temp folder when absent); removed afterwards unless `keep`. */
  dir?: string;
  keep?: boolean;
  /** Each store's measurements in its own child process, so RSS is its own (the benchmark); in-process for the smoke test. */
  isolate?: boolean;
  /** With `isolate`: `node --cpu-prof` profiles of our store's child processes go here. */
  profileDir?: string;
  commits?: number;
  repeats?: number;
  opens?: number;
  validate?: boolean;
  today?: string;
  log?: (line: string) => void;
}

export interface RunResult {
  plan: BenchPlan;
  counts: HistoryCounts;
  generateMs: number;
  sqliteIndexMs: number;
  index: { buildMs: number; closeMs: number; peakRssMiB: number };
  ours: RunnerResult;
  sqlite: RunnerResult;
  json: BenchJson;
  disagreements: string[];
  disk: { journals: number; index: number; sqlite: number };
}

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../..', import.meta.url));

let bundled: Promise<string> | null = null;

/**
 * child.ts and the store bundled into one file for plain Node, as the app ships its main process:
 * under tsx a process carries ~60 MiB of loader and transformed sources that the app never has.
 * (esbuild is tsx's own; better-sqlite3 stays a native module beside it.)
 */
function childBundle(): Promise<string> {
  bundled ??= (async () => {
    const dir = join(REPO, 'node_modules', '.cache', 'toss-pos-history-bench');
    await mkdir(dir, { recursive: true });
    // One per process: a test run and a bench run at the same time never share a half-written file.
    const outfile = join(dir, `child-${process.pid}.mjs`);
    process.once('exit', () => rmSync(outfile, { force: true }));
    await build({
      entryPoints: [CHILD],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile,
      external: ['better-sqlite3'],
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
      logLevel: 'warning',
    });
    return outfile;
  })();
  return bundled;
}

/** Writes back what the generator left in the page cache, so no measured fsync pays for it. */
function flushDisk(): void {
  if (process.platform === 'linux') execFileSync('sync');
}

/** Runs one task of child.ts in a fresh Node, so its memory and caches are its own. */
async function inChild<T>(task: 'index' | 'ours' | 'sqlite', plan: BenchPlan, profileDir?: string): Promise<T> {
  const planPath = join(plan.dataDir, `plan-${task}.json`);
  const outPath = join(plan.dataDir, `result-${task}.json`);
  await writeFile(planPath, JSON.stringify(plan));
  const script = await childBundle();
  const profile =
    profileDir !== undefined && task !== 'sqlite'
      ? ['--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-name', `${task}-${plan.orders}.cpuprofile`]
      : [];
  await new Promise<void>((resolve, reject) => {
    flushDisk();
    const child = spawn(process.execPath, [...profile, script, task, planPath, outPath], {
      cwd: REPO,
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`history bench child ${task} ended with ${code ?? signal}`)),
    );
  });
  const result = JSON.parse(await readFile(outPath, 'utf8')) as T;
  await rm(planPath, { force: true });
  await rm(outPath, { force: true });
  return result;
}

async function bytesUnder(path: string, keep: (name: string) => boolean = () => true, recurse = true): Promise<number> {
  let total = 0;
  let names: string[];
  try {
    names = await readdir(path);
  } catch {
    return 0;
  }
  for (const name of names) {
    const full = join(path, name);
    const info = await stat(full);
    if (info.isDirectory()) total += recurse ? await bytesUnder(full) : 0;
    else if (keep(name)) total += info.size;
  }
  return total;
}

/**
 * One order count, start to end: generates the history (our journals and the SQLite baseline in
 * one pass), builds our index (timed), then measures our store and SQLite with the same plan,
 * ours first, and compares what they answered.
 */
export async function runHistoryBench(options: RunOptions): Promise<RunResult> {
  const log = options.log ?? (() => undefined);
  const dataDir = options.dir ?? (await mkdtemp(join(tmpdir(), 'toss-pos-history-bench-')));
  try {
    const today = options.today ?? seoulDay(new Date());
    await mkdir(dataDir, { recursive: true });
    await rm(join(dataDir, 'orders'), { recursive: true, force: true });
    await rm(join(dataDir, 'history.sqlite'), { force: true });
    await rm(join(dataDir, 'history.sqlite-wal'), { force: true });
    const loader = new SqliteLoader(dataDir);
    log(`generating ${options.orders.toLocaleString('en-US')} orders in ${dataDir} …`);
    const generated = await timed(() =>
      generateHistory({ dataDir, orders: options.orders, today, sinks: [loader], validate: options.validate ?? false }),
    );
    const sqliteIndex = await timed(() => loader.finish());
    const { counts, probes, oldest } = generated.value;
    log(
      `generated in ${(generated.ms / 1000).toFixed(1)} s (SQLite indexes ${(sqliteIndex.ms / 1000).toFixed(1)} s): ${counts.days} days, ` +
        `${counts.paid} paid, ${counts.unpaid} unpaid, ${counts.training} training, ${counts.coupon} with a coupon, ${counts.refunded} refunded, ${counts.journalLines} journal lines; ` +
        `peak RSS of this process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB (generation streams a day at a time)`,
    );

    const repeats = options.repeats ?? 100;
    const shifts = new Rng(42);
    const plan: BenchPlan = {
      dataDir,
      orders: options.orders,
      today,
      oldest,
      oldIds: probes.oldIds,
      approvals: probes.approvals,
      warmIds: probes.warmIds,
      warmApprovals: probes.warmApprovals,
      searchTerms: [...SEARCH_TERMS],
      commits: options.commits ?? 1000,
      commitSeq: options.orders,
      opens: options.opens ?? 20,
      repeats,
      totalsShifts: Array.from({ length: repeats }, (_, i) =>
        i === 0 ? 0 : shifts.int(0, Math.min(30, counts.days - 1)),
      ),
    };

    const isolate = options.isolate ?? false;
    flushDisk();
    const index = isolate
      ? await inChild<RunResult['index']>('index', plan, options.profileDir)
      : await buildIndex(dataDir);
    log(
      `index build ${(index.buildMs / 1000).toFixed(2)} s (+ close ${index.closeMs.toFixed(0)} ms), peak RSS ${index.peakRssMiB.toFixed(0)} MiB`,
    );
    const disk = {
      journals: await bytesUnder(join(dataDir, 'orders'), (name) => name.endsWith('.jsonl'), false),
      index: await bytesUnder(join(dataDir, 'orders', 'index')),
      sqlite: await bytesUnder(dataDir, (name) => name.startsWith('history.sqlite'), false),
    };
    flushDisk();
    const ours = isolate ? await inChild<RunnerResult>('ours', plan, options.profileDir) : await runOurs(plan);
    flushDisk();
    const sqlite = isolate ? await inChild<RunnerResult>('sqlite', plan) : await runSqlite(plan);
    return {
      plan,
      counts,
      generateMs: generated.ms,
      sqliteIndexMs: sqliteIndex.ms,
      index,
      ours,
      sqlite,
      json: benchJson(options.orders, ours, sqlite),
      disagreements: disagreements(ours.answers, sqlite.answers),
      disk,
    };
  } finally {
    if (!options.keep) await rm(dataDir, { recursive: true, force: true });
  }
}
