import type { WebContents } from 'electron';
import type { Logger } from '../core/platform/log/logger';

export interface CrashReloadOptions {
  /** Reloads allowed within `perMs`; one more crash in that time is left on screen, not reloaded again. */
  maxReloads?: number;
  perMs?: number;
  now?: () => number;
}

/**
 * A renderer that dies (any reason but a clean exit) is loaded again: main keeps the cart and any
 * payment under way, so the reloaded page comes back to them. A page that crashes as it loads
 * would reload forever, so past `maxReloads` a minute it stays down and the log says so.
 */
export function reloadOnCrash(
  contents: Pick<WebContents, 'on' | 'reload' | 'isDestroyed'>,
  log: Pick<Logger, 'info' | 'warn' | 'error'>,
  name: string,
  options: CrashReloadOptions = {},
): void {
  const maxReloads = options.maxReloads ?? 3;
  const perMs = options.perMs ?? 60_000;
  const now = options.now ?? Date.now;
  let reloads: number[] = [];
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    log.error('renderer gone', { window: name, reason: details.reason, exitCode: details.exitCode });
    if (contents.isDestroyed()) return;
    const at = now();
    reloads = reloads.filter((time) => at - time < perMs);
    if (reloads.length >= maxReloads) {
      log.error('renderer keeps crashing: not reloaded again', { window: name, reloads: reloads.length, perMs });
      return;
    }
    reloads.push(at);
    contents.reload();
  });
  contents.on('unresponsive', () => log.warn('renderer unresponsive', { window: name }));
  contents.on('responsive', () => log.info('renderer responsive again', { window: name }));
}
