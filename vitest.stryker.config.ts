import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * Quickest test files first. Stryker stops at a mutant's first failing test, and vitest's own
 * order runs the slowest files first: a mutant the store's unit tests kill in milliseconds would
 * wait for a whole payment flow through the core before them.
 */
class QuickestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return (await super.sort(files)).reverse();
  }
}

/**
 * The unit suite as Stryker runs it. Left out: the history benchmark's smoke run (a minute, and no
 * behaviour the unit tests do not assert); the file-modes test, which sets process.umask, refused
 * inside the worker threads Stryker's vitest runner always uses; and the lock race, whose locks
 * are taken in child processes Stryker does not watch (it would only slow every full run).
 */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: ['**/node_modules/**', 'tests/unit/history-bench.test.ts', 'tests/unit/file-modes.test.ts', 'tests/unit/data-dir-lock-race.test.ts'],
      sequence: { sequencer: QuickestFirst },
    },
  }),
);
