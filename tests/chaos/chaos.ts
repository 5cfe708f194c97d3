import { randomInt } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ViolationKind } from './invariants';
import { Rng } from '../support/rng';
import { runOnce, type RunResult } from './run-once';
import { SCENARIOS } from './scenarios';
import { openShop } from './shop';
import { startSimProcess } from './sim-process';

/**
 * `npm run chaos -- --runs N --seed S [--only TEXT]`: the crash, network and disk fault matrix.
 * Scenarios are dealt from the seed (every scenario once, in a seeded order, then again), each
 * run against a fresh copy of one shop and the simulator as its own process; prints a table and
 * one summary line, and exits 1 on any violation. The same seed replays the same runs.
 */
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    seed: { type: 'string' },
    only: { type: 'string' },
  },
});

const runs = Number(values.runs);
const seed = values.seed === undefined ? randomInt(2 ** 31) : Number(values.seed);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed) || seed < 0) {
  console.error('usage: npm run chaos -- --runs N --seed S [--only TEXT]');
  process.exit(2);
}
const scenarios = SCENARIOS.filter((scenario) => values.only === undefined || scenario.name.includes(values.only));
if (scenarios.length === 0) {
  console.error(`no scenario matches "${values.only}"; there are: ${SCENARIOS.map((s) => s.name).join('; ')}`);
  process.exit(2);
}

const replay = `npm run chaos -- --runs ${runs} --seed ${seed}${values.only === undefined ? '' : ` --only '${values.only}'`}`;
console.log(`chaos: seed ${seed} (replay: ${replay})`);

const rng = new Rng(seed);
const workDir = await mkdtemp(join(tmpdir(), 'toss-pos-chaos-'));
const sim = await startSimProcess(join(workDir, 'toss-ledger.json'));
const shop = await openShop(workDir, sim);
const started = Date.now();
const results: RunResult[] = [];
let deck: typeof scenarios = [];
try {
  for (let run = 1; run <= runs; run += 1) {
    if (deck.length === 0) deck = rng.shuffled(scenarios);
    const scenario = deck.shift() ?? scenarios[0];
    if (!scenario) break;
    const runRng = rng.fork();
    const at = Date.now();
    const result = await runOnce(shop, scenario, runRng);
    results.push(result);
    const switches = [result.plan.crashAt, result.plan.diskFault].filter(Boolean).join(' ');
    const verdict =
      result.violations.length === 0
        ? 'ok'
        : `${result.violations.length} VIOLATION(S), folder kept: ${result.dataDir}`;
    console.log(
      `  run ${String(run).padStart(3)}  ${scenario.name}${switches ? ` [${switches}]` : ''}  ${((Date.now() - at) / 1000).toFixed(1)} s  ${verdict}`,
    );
    for (const violation of result.violations) console.log(`           ${violation.kind}: ${violation.detail}`);
    if (result.violations.length === 0) await rm(result.dataDir, { recursive: true, force: true });
  }
} finally {
  await sim.stop();
}

const count = (result: RunResult, kind: ViolationKind) => result.violations.filter((v) => v.kind === kind).length;
const rows = new Map<string, { runs: number; violations: number; lost: number; double: number; orphan: number }>();
for (const result of results) {
  const row = rows.get(result.scenario) ?? { runs: 0, violations: 0, lost: 0, double: 0, orphan: 0 };
  row.runs += 1;
  row.violations += result.violations.length;
  row.lost += count(result, 'lost-order');
  row.double += count(result, 'double-charge');
  row.orphan += count(result, 'orphan-charge');
  rows.set(result.scenario, row);
}
const width = Math.max(...[...rows.keys()].map((name) => name.length), 'scenario'.length);
const header = ['runs', 'violations', 'lost orders', 'double charges', 'orphan charges'];
console.log(`\n${'scenario'.padEnd(width)}  ${header.join('  ')}`);
for (const [name, row] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
  const cells = [row.runs, row.violations, row.lost, row.double, row.orphan].map((n, i) =>
    String(n).padStart(header[i]?.length ?? 0),
  );
  console.log(`${name.padEnd(width)}  ${cells.join('  ')}`);
}
const total = (
  pick: (row: { runs: number; violations: number; lost: number; double: number; orphan: number }) => number,
) => [...rows.values()].reduce((sum, row) => sum + pick(row), 0);
const violations = total((row) => row.violations);
console.log(`\n${results.length} runs in ${((Date.now() - started) / 1000).toFixed(1)} s, seed ${seed}`);
if (violations === 0) await rm(workDir, { recursive: true, force: true });
console.log(
  `chaos: ${results.length} runs, ${violations} violations, ${total((r) => r.lost)} lost orders, ${total((r) => r.double)} double charges, ${total((r) => r.orphan)} orphan charges`,
);
process.exitCode = violations > 0 ? 1 : 0;
