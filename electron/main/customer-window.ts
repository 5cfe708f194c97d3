import type { BrowserWindow, Display, Screen } from 'electron';
import { CUSTOMER_PAGE } from '../../shared/ipc/pages';
import { APP_ORIGIN_ARG } from './app-origin';

/** The display the customer faces: any but the primary one (the cashier's), or none. */
export function customerDisplayOf(
  displays: readonly Pick<Display, 'id' | 'bounds'>[],
  primaryId: number,
): Pick<Display, 'id' | 'bounds'> | null {
  return displays.find((display) => display.id !== primaryId) ?? null;
}

export interface CustomerWindowDeps {
  screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay' | 'on'>;
  create: (options: ConstructorParameters<typeof BrowserWindow>[0]) => BrowserWindow;
  preloadPath: string;
  appOrigin: string;
}

/**
 * The customer's screen on a second monitor, opened when one is there (now or plugged in later)
 * and closed when it goes. Its preload reaches the display's reading channels only, and main
 * refuses it anything else.
 */
export function keepCustomerWindow(deps: CustomerWindowDeps): { window(): BrowserWindow | null } {
  let window: BrowserWindow | null = null;
  const sync = () => {
    const target = customerDisplayOf(deps.screen.getAllDisplays(), deps.screen.getPrimaryDisplay().id);
    if (target === null) {
      window?.close();
      window = null;
      return;
    }
    if (window !== null && !window.isDestroyed()) return;
    window = deps.create({
      ...target.bounds,
      fullscreen: true,
      frame: false,
      title: 'Toss POS — customer',
      webPreferences: {
        preload: deps.preloadPath,
        additionalArguments: [`${APP_ORIGIN_ARG}${deps.appOrigin}`],
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webviewTag: false,
      },
    });
    void window.loadURL(`${deps.appOrigin}${CUSTOMER_PAGE}`);
  };
  deps.screen.on('display-added', sync);
  deps.screen.on('display-removed', sync);
  sync();
  return { window: () => window };
}
