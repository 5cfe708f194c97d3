import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

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
    },
  }),
);
