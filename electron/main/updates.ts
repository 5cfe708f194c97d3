import type { App } from 'electron';
import type { AppUpdater, UpdateDownloadedEvent } from 'electron-updater';
import type { Logger } from '../core/platform/log/logger';
import type { UpdateGate } from '../core/app/update-gate';

/** The part of electron-updater's `autoUpdater` used here (a stand-in in tests). */
export type Updater = Pick<
  AppUpdater,
  'autoDownload' | 'autoInstallOnAppQuit' | 'logger' | 'checkForUpdates' | 'quitAndInstall'
> & {
  on(event: 'update-downloaded', listener: (info: UpdateDownloadedEvent) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
};

export const UPDATE_TIMING = {
  /** The first check waits until the register has been up a while: a start is never slowed by it. */
  firstCheckMs: 10 * 60_000,
  everyMs: 4 * 60 * 60_000,
  /** After a day close, time for its report to be read and printed before the app restarts. */
  afterDayCloseMs: 2 * 60_000,
};

/**
 * Keeps the installed app up to date with electron-updater: checked and downloaded in the
 * background, installed when the app quits, or after the day close when the gate finds the
 * counter idle — never mid-sale. With updates off in Settings nothing is asked at all, and an
 * update fetched before is not installed. Only for the packaged app (it needs app-update.yml).
 */
export function keepUpdated(deps: {
  updater: Updater;
  app: Pick<App, 'on'>;
  gate: Pick<UpdateGate, 'enabled' | 'hold' | 'onDayClosed'>;
  log: Logger;
  timing?: typeof UPDATE_TIMING;
}): void {
  const { updater, gate, log } = deps;
  const timing = deps.timing ?? UPDATE_TIMING;
  let downloaded: string | null = null;
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = gate.enabled();
  updater.logger = {
    info: (message?: unknown) => log.info('updater', { message: String(message) }),
    warn: (message?: unknown) => log.warn('updater', { message: String(message) }),
    error: (message?: unknown) => log.error('updater', { message: String(message) }),
  };
  updater.on('update-downloaded', (info) => {
    downloaded = info.version;
    log.info('update downloaded', { version: info.version });
  });
  updater.on('error', (error) => log.warn('update failed', { error: error.message }));

  const check = () => {
    updater.autoInstallOnAppQuit = gate.enabled();
    if (!gate.enabled()) return;
    updater.checkForUpdates().catch((error: unknown) => log.warn('update check failed', { error: String(error) }));
  };
  const first = setTimeout(() => {
    check();
    timers.push(setInterval(check, timing.everyMs));
  }, timing.firstCheckMs);
  const timers: NodeJS.Timeout[] = [first];

  gate.onDayClosed(() => {
    if (downloaded === null) return;
    const version = downloaded;
    timers.push(
      setTimeout(() => {
        const hold = gate.hold();
        if (hold !== null) {
          log.info('update waits for the quit', { version, hold });
          return;
        }
        log.info('update installs after the day close', { version });
        updater.quitAndInstall(true, true);
      }, timing.afterDayCloseMs),
    );
  });

  // The switch read as the app quits: an update fetched before it was turned off stays uninstalled.
  deps.app.on('will-quit', () => {
    updater.autoInstallOnAppQuit = gate.enabled();
    for (const timer of timers) clearTimeout(timer);
  });
}
