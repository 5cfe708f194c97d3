import type { BrowserWindow, Screen } from 'electron';
import { customerDisplayOf, type CustomerScreenChoice } from '../../shared/domain/customer-screen';
import { CUSTOMER_PAGE } from '../../shared/ipc/pages';
import { APP_ORIGIN_ARG } from './app-origin';

type Bounds = { x: number; y: number; width: number; height: number };

export interface CustomerWindowDeps {
  screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay' | 'on'>;
  /** The manager's choice of display, and a way to hear when it changes. */
  choice: { current(): CustomerScreenChoice; onChange(listener: () => void): void };
  create: (options: ConstructorParameters<typeof BrowserWindow>[0]) => BrowserWindow;
  preloadPath: string;
  appOrigin: string;
  /** DevTools in the customer window: only where the app runs unpackaged. */
  devTools: boolean;
}

function sameBounds(a: Bounds, b: Bounds): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

/**
 * Fullscreen on the display's bounds. Leaving fullscreen first lets the window move (a fullscreen
 * window keeps its size on X11 and Windows); the bounds go before the fullscreen request because
 * native Wayland ignores a window's position but puts a fullscreen window on the output its bounds
 * are on.
 */
function place(window: BrowserWindow, bounds: Bounds): void {
  if (window.isFullScreen()) window.setFullScreen(false);
  window.setBounds(bounds);
  window.setFullScreen(true);
}

/**
 * The customer's screen on the display the manager chose (자동: any but the cashier's), opened when
 * that display is there (now or plugged in later), moved when the choice or the displays change,
 * and closed when there is none. It never takes focus: shown inactive and unfocusable, so a scan
 * or a keypress always reaches the register. Its preload reaches the display's reading channels
 * only, and main refuses it anything else.
 */
export function keepCustomerWindow(deps: CustomerWindowDeps): { window(): BrowserWindow | null } {
  let window: BrowserWindow | null = null;
  let placed: { displayId: number; bounds: Bounds } | null = null;

  const close = () => {
    if (window !== null && !window.isDestroyed()) window.close();
    window = null;
    placed = null;
  };

  const open = (displayId: number, bounds: Bounds) => {
    const opened = deps.create({
      ...bounds,
      show: false,
      focusable: false,
      skipTaskbar: true,
      frame: false,
      title: 'Toss POS — customer',
      webPreferences: {
        preload: deps.preloadPath,
        additionalArguments: [`${APP_ORIGIN_ARG}${deps.appOrigin}`],
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webviewTag: false,
        devTools: deps.devTools,
      },
    });
    window = opened;
    placed = { displayId, bounds };
    opened.setBounds(bounds);
    opened.showInactive();
    opened.setFullScreen(true);
    void opened.loadURL(`${deps.appOrigin}${CUSTOMER_PAGE}`);
  };

  const sync = () => {
    if (window?.isDestroyed()) close();
    const target = customerDisplayOf(
      deps.screen.getAllDisplays(),
      deps.screen.getPrimaryDisplay().id,
      deps.choice.current(),
    );
    if (target === null) return close();
    if (window === null || placed === null) return open(target.id, target.bounds);
    // Another display: a new window there, since a fullscreen window moved between displays lands
    // unreliably (macOS spaces, Wayland), while a new one opens fullscreen where it is told.
    if (placed.displayId !== target.id) {
      close();
      return open(target.id, target.bounds);
    }
    if (!sameBounds(placed.bounds, target.bounds)) {
      placed = { displayId: target.id, bounds: target.bounds };
      place(window, target.bounds);
    }
  };

  deps.screen.on('display-added', sync);
  deps.screen.on('display-removed', sync);
  // A resolution, arrangement or scale change moves the display's bounds: the window follows.
  deps.screen.on('display-metrics-changed', sync);
  deps.choice.onChange(sync);
  sync();
  return { window: () => window };
}
