import type { App, BrowserWindow } from 'electron';

/**
 * One app per profile: a second launch hands over to the running one, which comes to the front,
 * instead of opening the same data folder and failing on its lock. False means: quit now.
 */
export function holdSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'on' | 'quit'>,
  focus: () => void,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', focus);
  return true;
}

export function bringToFront(window: Pick<BrowserWindow, 'isMinimized' | 'restore' | 'show' | 'focus'> | null): void {
  if (window === null) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/**
 * Quitting waits for the core to close (writes on disk, data folder unlocked) before the process
 * ends: Electron's quit is held back once, then `exit` follows the close. Signals quit the same way.
 * The function returned closes and exits at once, without closing windows first (the OS is ending
 * the session); whichever comes first, the core is closed once.
 */
export function quitAfterClosing(
  app: Pick<App, 'on' | 'quit' | 'exit'>,
  signals: Pick<NodeJS.Process, 'on'>,
  close: () => Promise<void>,
  onError: (error: unknown) => void,
): () => void {
  let closing = false;
  const closeAndExit = () => {
    if (closing) return;
    closing = true;
    close()
      .catch(onError)
      .finally(() => app.exit(0));
  };
  app.on('will-quit', (event) => {
    event.preventDefault();
    closeAndExit();
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) signals.on(signal, () => app.quit());
  return closeAndExit;
}
