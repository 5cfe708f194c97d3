import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { mayGrow } from '../../../../electron/core/platform/memory/young-generation';

/*
 * V8's young generation is measured in a node process of its own: vitest's heap is busy with
 * everything else the test runner does, and the growth factor is a flag of the whole process.
 */

const MIB = 1024 * 1024;

interface Churned {
  /** The largest semi-space seen while objects were made and a third of them kept (MiB). */
  first: number;
  /** After the kept objects were let go and V8 shrank new space (a heap snapshot collects all it can). */
  shrunk: number;
  /** The largest semi-space seen in the same churn again after that. */
  again: number;
}

/** The child bundled for plain Node: churns as main does (yielding between batches), prints what it saw. */
let bundled: Promise<string> | null = null;
function churnScript(): Promise<string> {
  bundled ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'toss-pos-young-gen-'));
    afterAll(() => rm(dir, { recursive: true, force: true }));
    const entry = join(dir, 'entry.ts');
    const module = fileURLToPath(
      new URL('../../../../electron/core/platform/memory/young-generation.ts', import.meta.url),
    );
    await writeFile(
      entry,
      `import { getHeapSnapshot } from 'node:v8';
       import { capYoungGeneration, semiSpaceBytes } from ${JSON.stringify(module)};
       const MIB = 1024 * 1024;
       let kept = [];
       async function churn() {
         let most = 0;
         for (let i = 0; i < 300000; i += 1) {
           const order = { line: 'x'.repeat(50) + i, parts: [i, i + 1, { at: i }] };
           if (i % 3 === 0) kept.push(order);
           if (i % 2000 === 0) {
             most = Math.max(most, semiSpaceBytes());
             await new Promise((resolve) => setImmediate(resolve));
           }
         }
         return Math.max(most, semiSpaceBytes()) / MIB;
       }
       const stop = process.argv[2] === 'capped' ? capYoungGeneration(8) : () => {};
       const first = await churn();
       kept = [];
       for await (const chunk of getHeapSnapshot()) void chunk;
       await new Promise((resolve) => setImmediate(resolve));
       const shrunk = semiSpaceBytes() / MIB;
       const again = await churn();
       stop();
       console.log(JSON.stringify({ first, shrunk, again }));`,
    );
    const outfile = join(dir, 'churn.mjs');
    await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'warning' });
    return outfile;
  })();
  return bundled;
}

async function churn(mode: 'capped' | 'free'): Promise<Churned> {
  const { stdout } = await promisify(execFile)(process.execPath, [await churnScript(), mode]);
  return JSON.parse(stdout) as Churned;
}

describe('the young generation cap', () => {
  it('keeps a semi-space within 8 MiB where V8 alone grows it past', async () => {
    const [capped, free] = await Promise.all([churn('capped'), churn('free')]);
    expect(free.first).toBeGreaterThan(8);
    expect(capped.first).toBeLessThanOrEqual(8);
    // It did grow up to the cap: a scavenge every megabyte would cost the lookups' p99.
    expect(capped.first).toBeGreaterThan(4);
  });

  it('lets new space grow again up to the cap once V8 has shrunk it', async () => {
    const { shrunk, again } = await churn('capped');
    expect(shrunk).toBeLessThanOrEqual(4);
    expect(again).toBeGreaterThan(4);
    expect(again).toBeLessThanOrEqual(8);
  });

  it('grows only while doubling keeps a semi-space within the cap', () => {
    expect(mayGrow(1 * MIB, 8)).toBe(true);
    expect(mayGrow(4 * MIB, 8)).toBe(true);
    expect(mayGrow(5 * MIB, 8)).toBe(false);
    expect(mayGrow(8 * MIB, 8)).toBe(false);
  });
});
