import { spawnSync } from 'node:child_process';
import { electronBinaryPath } from '../../electron/launcher/electron-binary';

/** Runs the Playwright specs and ends with the one line that says which mode they ran in. */
const electron = electronBinaryPath();
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit' });
console.log(
  electron
    ? 'e2e mode: Electron (specs launched the built app with _electron.launch)'
    : 'e2e mode: browser host (the Electron binary is not installed here; specs ran against out/main/host.js in /usr/bin/chromium)',
);
process.exit(result.status ?? 1);
