import { existsSync } from 'node:fs';

/** Flags for Debian's Chromium on a machine with no network but loopback. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The Chromium the browser tests drive: POS_CHROMIUM, else Debian's. Playwright cannot download
 * its own browsers here, so a missing one is an install step to name, not a test to skip.
 */
export function chromiumPath(): string {
  const path = process.env.POS_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(path))
    throw new Error(`Chromium not found at ${path}: run 'apt-get install -y chromium' (or set POS_CHROMIUM)`);
  return path;
}
