import type { App, Session } from 'electron';
import { mayDownload } from '../core/platform/security/download-rules';
import { loggableUrl } from '../core/platform/security/loggable-url';

/** The part of a `will-download` Electron 45 hands over that the guard reads. */
interface DownloadEvent {
  preventDefault(): void;
}
interface DownloadItem {
  getURL(): string;
  getFilename(): string;
}

export interface DownloadGuardOptions {
  appOrigin: string;
  onRefused(url: string, fileName: string): void;
}

/** Refuses every download one session would start, but our own page's exports. */
export function guardDownloads(session: Pick<Session, 'on'>, options: DownloadGuardOptions): void {
  session.on('will-download', (event: DownloadEvent, item: DownloadItem) => {
    const url = item.getURL();
    if (mayDownload(url, options.appOrigin)) return;
    // Electron cancels the download; `item` is gone from the next tick on, so it is read first.
    event.preventDefault();
    options.onRefused(loggableUrl(url), item.getFilename());
  });
}

/** The default session now and any session made later (a partition a window might be given). */
export function guardAllDownloads(
  app: Pick<App, 'on'>,
  defaultSession: Pick<Session, 'on'>,
  options: DownloadGuardOptions,
): void {
  const guarded = new WeakSet<object>();
  const guard = (session: Pick<Session, 'on'>) => {
    if (guarded.has(session)) return;
    guarded.add(session);
    guardDownloads(session, options);
  };
  guard(defaultSession);
  app.on('session-created', guard);
}
