import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { APP_ORIGIN_ARG } from './app-origin';

export interface MainWindowOptions {
  create: (options: BrowserWindowConstructorOptions) => BrowserWindow;
  /** The cashier's display's work area (the primary display, taskbar excluded). */
  workArea: Rectangle;
  devTools: boolean;
  preloadPath: string;
  pageUrl: string;
  appOrigin: string;
  /** The register is on screen: the splash goes. */
  onShown: () => void;
}

const PREFERRED = { width: 1280, height: 800, minWidth: 1024, minHeight: 700 };

/**
 * Where the window sits before it is maximised (and when un-maximised): centred in the work area,
 * never larger than it, and never asking for a minimum it cannot have (a 1024×768 terminal's work
 * area is shorter than 768 once the taskbar is counted).
 */
export function registerWindowBounds(
  workArea: Rectangle,
): Required<Pick<BrowserWindowConstructorOptions, 'x' | 'y' | 'width' | 'height' | 'minWidth' | 'minHeight'>> {
  const width = Math.min(PREFERRED.width, workArea.width);
  const height = Math.min(PREFERRED.height, workArea.height);
  return {
    x: workArea.x + Math.floor((workArea.width - width) / 2),
    y: workArea.y + Math.floor((workArea.height - height) / 2),
    width,
    height,
    minWidth: Math.min(PREFERRED.minWidth, workArea.width),
    minHeight: Math.min(PREFERRED.minHeight, workArea.height),
  };
}

/** The register window, locked down: no Node, sandboxed, isolated. Its navigation rules are attached to every web contents. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = options.create({
    ...registerWindowBounds(options.workArea),
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
      devTools: options.devTools,
      // Middle-click would open links in new windows, around the window-open handler's rules.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => {
    // maximize() also shows a hidden window (without focus); show() then gives it the focus.
    window.maximize();
    window.show();
    options.onShown();
  });
  void window.loadURL(options.pageUrl);
  return window;
}
