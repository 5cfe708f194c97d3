import { BrowserWindow, shell } from 'electron';
import { isAllowedExternalUrl } from '../core/security/toss-origins';
import { isAppUrl } from '../core/security/app-url';

export interface MainWindowOptions {
  preloadPath: string;
  appOrigin: string;
  sdkSrc: string;
}

/** The register window, locked down: no Node, sandboxed, isolated, navigation only within Toss. */
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

  const appOrigin = options.appOrigin;
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appOrigin)) event.preventDefault();
  });
  window.webContents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame) return;
    if (!isAllowedExternalUrl(event.url, options.sdkSrc)) event.preventDefault();
  });
  // Card-company steps open from Toss's window: those may open in a child window; a receipt link
  // opens in the system browser; nothing else opens at all.
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (!isAllowedExternalUrl(url, options.sdkSrc)) return { action: 'deny' };
    if (url.includes('/receipt')) {
      void shell.openExternal(url);
      return { action: 'deny' };
    }
    return {
      action: 'allow',
      overrideBrowserWindowOptions: { webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } },
    };
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${options.appOrigin}/`);
  return window;
}
