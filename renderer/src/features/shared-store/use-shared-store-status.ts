import type { SharedStoreStatus } from '../../../../shared/domain/shared-store';
import { usePolled } from '../../lib/use-polled';

/** Often enough that the badge shows within seconds of the store going away or coming back. */
const POLL_MS = 3_000;

/** Whether this register's sales are reaching the shop's shared store, kept fresh. */
export function useSharedStoreStatus(): SharedStoreStatus {
  return usePolled('store:status', {}, { state: 'off' }, POLL_MS)[0];
}
