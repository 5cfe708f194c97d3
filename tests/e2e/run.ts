import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { electronBinaryPath } from '../../electron/launcher/electron-binary';
import { chooseChromium, ChromiumNotFound, type ChromiumChoice } from './chromium';

/**
 * Runs the Playwright specs, then closes with a plain count and the one line that says which
 * mode they ran in. Electron needs a display: on Linux without one the specs run under
 * `xvfb-run` (Debian: `apt-get install -y xvfb`). Without Electron the specs need a Chromium:
 * none found stops here, before Playwright, with the install step for each OS.
 */
const electron = electronBinaryPath();
let browser: ChromiumChoice | null = null;
if (electron === null) {
  try {
    browser = chooseChromium();
  } catch (error) {
    if (!(error instanceof ChromiumNotFound)) throw error;
    console.error(`e2e: ${error.message}`);
    process.exit(1);
  }
}
// Playwright's CLI through node itself: Windows cannot spawn `npx` (a .cmd) without a shell.
const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
const playwright = [process.execPath, cli, 'test', ...process.argv.slice(2)];
const needsDisplay = electron !== null && process.platform === 'linux' && !process.env.DISPLAY;
if (needsDisplay && spawnSync('xvfb-run', ['--help'], { stdio: 'ignore' }).error) {
  console.error('e2e: the Electron specs need a display; install xvfb (apt-get install -y xvfb) or set DISPLAY');
  process.exit(1);
}
const [command = process.execPath, ...args] = needsDisplay ? ['xvfb-run', '-a', ...playwright] : playwright;
const result = spawnSync(command, args, { stdio: 'inherit' });

try {
  const { stats } = JSON.parse(readFileSync('test-results/e2e-report.json', 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  console.log(`e2e: ${stats.expected} passed, ${stats.unexpected + stats.flaky} failed, ${stats.skipped} skipped`);
} catch {
  console.log('e2e: no report (Playwright did not finish)');
}
console.log(
  browser === null
    ? `e2e mode: Electron (specs launched the built app with _electron.launch${needsDisplay ? ', under xvfb-run' : ''})`
    : `e2e mode: browser host (the Electron binary is not installed here; specs ran against out/main/host.js in ${browser.name} (${browser.path}))`,
);
process.exit(result.status ?? 1);
