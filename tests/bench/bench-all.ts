import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BENCHES } from './bench-list';

/**
 * `npm run bench [-- --json PATH] [--only NAME]`: every benchmark in turn, each in its own process,
 * printing its figures. With `--json PATH`, the benches that write JSON each write theirs to a
 * file of their own, and PATH gets them all in one object keyed by the bench's name. A bench that
 * fails stops the run with its exit code (figures are never a failure; a bench fails only when its
 * stores disagree or it cannot run).
 */
const { values } = parseArgs({ options: { json: { type: 'string' }, only: { type: 'string', multiple: true } } });

const chosen = BENCHES.filter((bench) => values.only === undefined || values.only.includes(bench.name));
if (chosen.length === 0)
  throw new Error(`--only names no bench; the benches: ${BENCHES.map((b) => b.name).join(', ')}`);
const scratch = await mkdtemp(join(tmpdir(), 'pos-bench-json-'));
const gathered: Record<string, unknown> = {};
try {
  for (const bench of chosen) {
    console.log(`\n=== ${bench.name} ===`);
    const jsonPath = join(scratch, `${bench.name}.json`);
    const args = [...bench.args, ...(values.json !== undefined && bench.json ? ['--json', jsonPath] : [])];
    const run = spawnSync(process.execPath, [...bench.node, ...args], { stdio: 'inherit' });
    if (run.status !== 0) {
      process.exitCode = run.status ?? 1;
      console.error(`${bench.name} failed (exit ${run.status ?? run.signal})`);
      break;
    }
    if (values.json !== undefined && bench.json) gathered[bench.name] = JSON.parse(await readFile(jsonPath, 'utf8'));
  }
  if (values.json !== undefined) {
    await writeFile(values.json, `${JSON.stringify(gathered, null, 2)}\n`);
    console.log(`\nbench JSON written to ${values.json} (${Object.keys(gathered).join(', ')})`);
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}
