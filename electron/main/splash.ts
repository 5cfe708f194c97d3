import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { SHELL_STRINGS } from './shell-strings';

/**
 * The splash's page as a data: URL: nothing to ship or serve, and it exists before the page server
 * does. No script runs in it (its CSP and `javascript: false` both say so) and it has no links, so
 * it never navigates; `loadURL` is not a navigation the guards judge.
 */
export function splashPageUrl(): string {
  const html = `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Toss POS</title>
<style>
html, body { margin: 0; height: 100%; }
body { display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 6px;
  background: #ffffff; color: #191f28; font: 18px/1.4 Pretendard, 'Noto Sans KR', 'Noto Sans CJK KR',
  'Apple SD Gothic Neo', 'Malgun Gothic', system-ui, sans-serif; }
p { margin: 0; }
p[lang="en"] { color: #4e5968; font-size: 15px; }
</style>
</head>
<body>
<p>${SHELL_STRINGS.ko.opening}</p>
<p lang="en">${SHELL_STRINGS.en.opening}</p>
</body>
</html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}

export const SPLASH_OPTIONS: BrowserWindowConstructorOptions = {
  width: 360,
  height: 160,
  center: true,
  frame: false,
  resizable: false,
  minimizable: false,
  maximizable: false,
  fullscreenable: false,
  show: true,
  backgroundColor: '#ffffff',
  title: 'Toss POS',
  webPreferences: {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    javascript: false,
    webviewTag: false,
    spellcheck: false,
  },
};

export interface Splash {
  close(): void;
}

/**
 * A small window shown the moment the app is ready, while the core opens (a first open after an
 * update can take a minute): the cashier sees the till is coming, not nothing.
 */
export function showSplash(
  create: (options: BrowserWindowConstructorOptions) => BrowserWindow,
  devTools: boolean,
): Splash {
  const window = create({ ...SPLASH_OPTIONS, webPreferences: { ...SPLASH_OPTIONS.webPreferences, devTools } });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  void window.loadURL(splashPageUrl());
  return {
    close: () => {
      if (!window.isDestroyed()) window.close();
    },
  };
}

/**
 * The splash first, then the opening (the core, the page, the register window), which closes the
 * splash when the register is on screen; an opening that fails closes it before the error shows.
 */
export async function openBehindSplash(show: () => Splash, open: (splash: Splash) => Promise<void>): Promise<void> {
  const splash = show();
  try {
    await open(splash);
  } catch (error) {
    splash.close();
    throw error;
  }
}
