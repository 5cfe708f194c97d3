import { existsSync } from 'node:fs';
import { win32 } from 'node:path';
import { chromium } from '@playwright/test';

/** Flags for Debian's Chromium on a machine with no network but loopback. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The browser the browser-host specs drive, and what it is (printed in `npm test`'s last line). */
export interface ChromiumChoice {
  path: string;
  name: string;
}

/** What the choice reads of the machine: passed in, so every OS can be tested from any. */
export interface ChromiumLookup {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  exists(path: string): boolean;
  /** Where Playwright's own Chromium is (or would be once `npx playwright install chromium` ran). */
  playwrightChromium(): string | null;
}

export class ChromiumNotFound extends Error {}

/**
 * Chrome and Edge where Playwright's own `channel: 'chrome'` / `'msedge'` look for them (on Windows
 * under each of these folders), so the browser run is one Playwright supports.
 */
const CHANNELS: Array<{ name: string; at: Partial<Record<NodeJS.Platform, string>> }> = [
  {
    name: 'Google Chrome',
    at: {
      linux: '/opt/google/chrome/chrome',
      darwin: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      win32: 'Google\\Chrome\\Application\\chrome.exe',
    },
  },
  {
    name: 'Microsoft Edge',
    at: {
      linux: '/opt/microsoft/msedge/msedge',
      darwin: '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      win32: 'Microsoft\\Edge\\Application\\msedge.exe',
    },
  },
];

/**
 * Chromium builds installed by the system. Ubuntu's `/usr/bin/chromium-browser` is left out: it
 * only starts the snap, which has a /tmp of its own, apart from the files Playwright makes there.
 */
const SYSTEM_CHROMIUM: Partial<Record<NodeJS.Platform, Array<{ name: string; path: string }>>> = {
  linux: [{ name: "the system's Chromium", path: '/usr/bin/chromium' }],
  darwin: [{ name: 'Chromium.app', path: '/Applications/Chromium.app/Contents/MacOS/Chromium' }],
};

function candidates(lookup: ChromiumLookup): ChromiumChoice[] {
  const { platform, env } = lookup;
  const found: ChromiumChoice[] = [...(SYSTEM_CHROMIUM[platform] ?? [])];
  const windowsFolders = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter(
    (folder): folder is string => Boolean(folder),
  );
  for (const channel of CHANNELS) {
    const at = channel.at[platform];
    if (at === undefined) continue;
    const paths = platform === 'win32' ? windowsFolders.map((folder) => win32.join(folder, at)) : [at];
    for (const path of paths) found.push({ name: channel.name, path });
  }
  const own = lookup.playwrightChromium();
  if (own !== null) found.push({ name: "Playwright's Chromium", path: own });
  return found;
}

const INSTALL_HELP = [
  'Install one, or set POS_CHROMIUM to a Chromium, Chrome or Edge executable:',
  '  Debian:          apt-get install -y chromium',
  '  Ubuntu, others:  npx playwright install --with-deps chromium',
  '  macOS:           npx playwright install chromium   (or install Google Chrome)',
  '  Windows:         npx playwright install chromium   (or use Google Chrome or Microsoft Edge)',
].join('\n');

/**
 * POS_CHROMIUM when set (it must exist: a path given by hand that is wrong is a mistake to name),
 * else the first found of the system's Chromium, Chrome, Edge, then Playwright's own Chromium.
 * Playwright cannot download browsers on every machine, so none found is an install step to name,
 * not a test to skip.
 */
export function findChromium(lookup: ChromiumLookup): ChromiumChoice {
  const given = lookup.env.POS_CHROMIUM;
  if (given !== undefined && given !== '') {
    if (!lookup.exists(given)) throw new ChromiumNotFound(`POS_CHROMIUM is ${given}, and there is no file there`);
    return { name: 'POS_CHROMIUM', path: given };
  }
  const all = candidates(lookup);
  const first = all.find((choice) => lookup.exists(choice.path));
  if (first !== undefined) return first;
  throw new ChromiumNotFound(
    `No Chromium for the browser-host specs. Looked at:\n${all.map((c) => `  ${c.path}`).join('\n')}\n${INSTALL_HELP}`,
  );
}

function playwrightChromium(): string | null {
  try {
    return chromium.executablePath();
  } catch {
    return null;
  }
}

/** This machine's choice. */
export function chooseChromium(): ChromiumChoice {
  return findChromium({ platform: process.platform, env: process.env, exists: existsSync, playwrightChromium });
}

/** The Chromium the browser tests drive (see `findChromium`). */
export function chromiumPath(): string {
  return chooseChromium().path;
}
