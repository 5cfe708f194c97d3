import { readFile, writeFile } from 'node:fs/promises';
import { capYoungGeneration } from '../../../electron/core/platform/memory/young-generation';
import { buildIndex, runOurs } from './ours';
import type { BenchPlan } from './plan';
import { runSqlite } from './sqlite';

/**
 * One measured task in its own process (run.ts starts it): `index` builds our index from the
 * journals, `ours` and `sqlite` run the plan. Reads the plan from argv[3], writes its result to argv[4].
 */
const [task, planPath, outPath] = process.argv.slice(2);
if (planPath === undefined || outPath === undefined)
  throw new Error('usage: child.ts index|ours|sqlite PLAN.json OUT.json');
const plan = JSON.parse(await readFile(planPath, 'utf8')) as BenchPlan;
// Both stores run in Node as the app's main does, which caps V8's young generation (startPos): the
// RSS of each is its store's, on the same footing.
capYoungGeneration();
const result =
  task === 'index'
    ? await buildIndex(plan.dataDir)
    : task === 'ours'
      ? await runOurs(plan)
      : task === 'sqlite'
        ? await runSqlite(plan)
        : null;
if (result === null) throw new Error(`unknown task ${task}`);
await writeFile(outPath, JSON.stringify(result));
