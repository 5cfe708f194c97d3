import { useEffect, useState } from 'react';
import type { SharedStoreStatus } from '../../../../shared/domain/shared-store';
import { call } from '../../lib/ipc';

/** Often enough that the badge shows within seconds of the store going away or coming back. */
const POLL_MS = 3_000;

/** Whether this register's sales are reaching the shop's shared store, kept fresh. */
export function useSharedStoreStatus(): SharedStoreStatus {
  const [status, setStatus] = useState<SharedStoreStatus>({ state: 'off' });
  useEffect(() => {
    let current = true;
    const refresh = () =>
      void call('store:status', {}).then(
        (next) => current && setStatus(next),
        // Main unreachable for a moment: the last status stays until the next poll.
        () => undefined,
      );
    refresh();
    const timer = window.setInterval(refresh, POLL_MS);
    return () => {
      current = false;
      window.clearInterval(timer);
    };
  }, []);
  return status;
}
