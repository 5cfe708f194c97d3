import { useSharedStoreStrings } from './shared-store-strings';
import { useSharedStoreStatus } from './use-shared-store-status';
import './shared-store.css';

/** A small badge while the shared store is offline (selling goes on); nothing when it is online or off. */
export function SharedStoreBadge() {
  const status = useSharedStoreStatus();
  const text = useSharedStoreStrings();
  if (status.state !== 'offline') return null;
  return (
    <p className="shared-store-badge" role="status" title={text.offlineHint} data-testid="shared-store-offline">
      {text.offline(status.waiting, status.more)}
    </p>
  );
}
