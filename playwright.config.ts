import { defineConfig } from '@playwright/test';

// Each test starts its own app (Electron, or the browser host) on its own data folder, so tests
// run in parallel without sharing state. A test's time limit is a limit, not a speed goal: two
// specs with the payment window on 2 busy cores can take past 30 s.
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-report.json' }]],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
});
