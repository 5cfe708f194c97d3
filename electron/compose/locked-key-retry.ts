import type { Logger } from '../core/platform/log/logger';
import type { StoredKey } from '../core/shop/secrets/secret-key-file';

export interface LockedKeyRetryOptions {
  read: () => Promise<StoredKey>;
  everyMs: number;
  /** The key opened: live work can be settled with it (the register's mode stays a manager's choice). */
  opened: (stored: Extract<StoredKey, { state: 'stored' }>) => void;
  log: Logger;
}

/**
 * After a start that found the keyring still locked, asks again now and then, without a restart,
 * until the key opens or turns out to be something else (gone, or really unreadable).
 */
export function retryLockedKey(options: LockedKeyRetryOptions): { stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const next = () => {
    if (stopped) return;
    timer = setTimeout(() => void attempt(), options.everyMs);
    // Waiting for a keyring never keeps the process alive on its way out.
    timer.unref();
  };
  const attempt = async () => {
    const stored = await options.read().catch((error: unknown) => {
      options.log.warn('reading the stored secret key again failed', { error });
      return null;
    });
    if (stopped) return;
    if (stored === null || stored.state === 'locked') return next();
    if (stored.state === 'stored') {
      options.log.info('the keyring is unlocked: the saved secret key is ready for live mode again');
      options.opened(stored);
    }
  };
  next();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
