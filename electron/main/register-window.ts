import type { App, BrowserWindow } from 'electron';
import { bringToFront } from './lifecycle';

/** What the keeper uses of a BrowserWindow. */
export interface RegisterWindow extends Pick<
  BrowserWindow,
  'isDestroyed' | 'isMinimized' | 'restore' | 'show' | 'focus'
> {
  on(event: 'closed', listener: () => void): unknown;
}

export interface RegisterWindowKeeper<W extends RegisterWindow> {
  /** Opens the register window (once the core is open); `create` is kept to open it again. */
  open(create: () => W): W;
  /** The register window while it is there; null once it has closed. */
  current(): W | null;
  /** A second launch: the register comes to the front, or opens again if it is gone; nothing while quitting. */
  secondLaunch(): void;
}

/**
 * The register window is the app: closing it quits, even with the customer's screen still open on
 * the second monitor (Electron's `window-all-closed` never fires then). The splash or the customer
 * screen closing never quits.
 */
export function keepRegisterWindow<W extends RegisterWindow>(app: Pick<App, 'on' | 'quit'>): RegisterWindowKeeper<W> {
  let window: W | null = null;
  let create: (() => W) | null = null;
  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  // Listening is what stops Electron quitting by itself when the last window closes (the splash, before the register opens).
  app.on('window-all-closed', () => undefined);
  const current = () => (window !== null && !window.isDestroyed() ? window : null);
  const open = (make: () => W): W => {
    create = make;
    const opened = make();
    window = opened;
    opened.on('closed', () => {
      if (window === opened) window = null;
      app.quit();
    });
    return opened;
  };
  return {
    open,
    current,
    secondLaunch: () => {
      if (quitting) return;
      const shown = current();
      if (shown !== null) bringToFront(shown);
      else if (create !== null) open(create);
    },
  };
}

/**
 * Windows' shutdown or log-off (`session-end`, Windows only): the session ends whatever we do and
 * the OS does not wait for windows to close, so the core closes at once, like a quit (`closeNow`
 * closes it once however often it is asked).
 */
export function closeOnSessionEnd(
  window: { on(event: 'session-end', listener: () => void): unknown },
  closeNow: () => void,
): void {
  window.on('session-end', () => closeNow());
}
