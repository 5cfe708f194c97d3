import { BrowserWindow } from 'electron';
import { APP_ORIGIN_ARG } from './app-origin';

export interface MainWindowOptions {
  preloadPath: string;
  pageUrl: string;
  appOrigin: string;
}

/** The register window, locked down: no Node, sandboxed, isolated. Its navigation rules are attached to every web contents. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    title: 'Toss POS',
    show: false,
    webPreferences: {
      preload: options.preloadPath,
      additionalArguments: [`${APP_ORIGIN_ARG}${options.appOrigin}`],
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would open links in new windows, around the window-open handler's rules.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.pageUrl);
  return window;
}
