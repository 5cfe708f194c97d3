import { defineConfig } from '@playwright/test';

// Each test starts its own app (Electron, or the browser host) on its own data folder, so tests
// run in parallel without sharing state.
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-report.json' }]],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
});
