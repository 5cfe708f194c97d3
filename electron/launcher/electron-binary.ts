import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The installed Electron executable, or null. Checked without `require('electron')`, which would
 * try to download the binary (impossible on machines without internet).
 */
export function electronBinaryPath(): string | null {
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** Electron 45 fetches its binary on first use rather than at install: do that step explicitly. */
export function electronInstallScript(): string {
  return join(dirname(createRequire(import.meta.url).resolve('electron/package.json')), 'install.js');
}
