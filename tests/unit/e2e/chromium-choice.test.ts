import { describe, expect, it } from 'vitest';
import { ChromiumNotFound, findChromium, type ChromiumLookup } from '../../e2e/chromium';

const PLAYWRIGHTS = {
  linux: '/home/tester/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome',
  darwin:
    '/Users/tester/Library/Caches/ms-playwright/chromium-1255/chrome-mac-arm64/Chromium.app/Contents/MacOS/Chromium',
  win32: 'C:\\Users\\tester\\AppData\\Local\\ms-playwright\\chromium-1255\\chrome-win64\\chrome.exe',
} as const;

const WINDOWS_ENV = {
  LOCALAPPDATA: 'C:\\Users\\tester\\AppData\\Local',
  PROGRAMFILES: 'C:\\Program Files',
  'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
};

/** A machine with these files on it. */
function machine(
  platform: keyof typeof PLAYWRIGHTS,
  files: string[],
  env: NodeJS.ProcessEnv = platform === 'win32' ? WINDOWS_ENV : {},
): ChromiumLookup {
  return {
    platform,
    env,
    exists: (path) => files.includes(path),
    playwrightChromium: () => PLAYWRIGHTS[platform],
  };
}

describe('the Chromium the browser-host specs run in', () => {
  it('is POS_CHROMIUM when it is set and there, before any other', () => {
    const lookup = machine('linux', ['/usr/bin/chromium', '/opt/chromium/chrome'], {
      POS_CHROMIUM: '/opt/chromium/chrome',
    });
    expect(findChromium(lookup)).toEqual({ name: 'POS_CHROMIUM', path: '/opt/chromium/chrome' });
  });

  it('refuses a POS_CHROMIUM that is not there, naming it, rather than quietly taking another', () => {
    const lookup = machine('linux', ['/usr/bin/chromium'], { POS_CHROMIUM: '/opt/chromium/chrome' });
    expect(() => findChromium(lookup)).toThrow(ChromiumNotFound);
    expect(() => findChromium(lookup)).toThrow('POS_CHROMIUM is /opt/chromium/chrome, and there is no file there');
  });

  it("on Debian is the system's Chromium, ahead of Chrome and Playwright's own", () => {
    const lookup = machine('linux', ['/usr/bin/chromium', '/opt/google/chrome/chrome', PLAYWRIGHTS.linux]);
    expect(findChromium(lookup)).toEqual({ name: "the system's Chromium", path: '/usr/bin/chromium' });
  });

  it("on Ubuntu, whose chromium-browser is a snap, is Playwright's own once installed", () => {
    const lookup = machine('linux', ['/usr/bin/chromium-browser', '/snap/bin/chromium', PLAYWRIGHTS.linux]);
    expect(findChromium(lookup)).toEqual({ name: "Playwright's Chromium", path: PLAYWRIGHTS.linux });
  });

  it('on macOS is Chromium.app, else Google Chrome, else Edge, else Playwright’s own', () => {
    const chromiumApp = '/Applications/Chromium.app/Contents/MacOS/Chromium';
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    const edge = '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    const all = [chromiumApp, chrome, edge, PLAYWRIGHTS.darwin];
    const found = all.map((_, i) => findChromium(machine('darwin', all.slice(i))));
    expect(found).toEqual([
      { name: 'Chromium.app', path: chromiumApp },
      { name: 'Google Chrome', path: chrome },
      { name: 'Microsoft Edge', path: edge },
      { name: "Playwright's Chromium", path: PLAYWRIGHTS.darwin },
    ]);
  });

  it('on Windows is Chrome (per user or per machine), else Edge, under the folders Windows names', () => {
    const perUser = 'C:\\Users\\tester\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    const chrome = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findChromium(machine('win32', [chrome, perUser, edge]))).toEqual({ name: 'Google Chrome', path: perUser });
    expect(findChromium(machine('win32', [chrome, edge]))).toEqual({ name: 'Google Chrome', path: chrome });
    expect(findChromium(machine('win32', [edge, PLAYWRIGHTS.win32]))).toEqual({ name: 'Microsoft Edge', path: edge });
    expect(findChromium(machine('win32', [PLAYWRIGHTS.win32]))).toEqual({
      name: "Playwright's Chromium",
      path: PLAYWRIGHTS.win32,
    });
  });

  it('with none found, says where it looked and how to install one on each system', () => {
    let message = '';
    try {
      findChromium(machine('win32', []));
    } catch (error) {
      expect(error).toBeInstanceOf(ChromiumNotFound);
      message = (error as Error).message;
    }
    expect(message).toContain('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
    expect(message).toContain(PLAYWRIGHTS.win32);
    expect(message).toContain('POS_CHROMIUM');
    expect(message).toContain('apt-get install -y chromium');
    expect(message).toContain('macOS:           npx playwright install chromium');
    expect(message).toContain('Windows:         npx playwright install chromium');
  });

  it('without Playwright’s own browser to point at, still looks at the rest', () => {
    const lookup = { ...machine('linux', ['/opt/microsoft/msedge/msedge']), playwrightChromium: () => null };
    expect(findChromium(lookup)).toEqual({ name: 'Microsoft Edge', path: '/opt/microsoft/msedge/msedge' });
  });
});
