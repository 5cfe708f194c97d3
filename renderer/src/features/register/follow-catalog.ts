import { useEffect, useRef } from 'react';
import { usePolled } from '../../lib/use-polled';
import { useSession } from '../../session/session-store';

/** Often enough that a price changed at another register shows here within seconds. */
const POLL_MS = 3_000;

/**
 * Keeps the register's tiles in step with main's catalog when it changes without this page
 * asking: an edit made at another register of a shared store, applied by main. The catalog is
 * read again only when main's count of changes moves.
 */
export function useFollowCatalog(): void {
  const [{ version }] = usePolled('catalog:version', {}, { version: -1 }, POLL_MS);
  const seen = useRef(-1);
  useEffect(() => {
    if (version < 0) return;
    if (seen.current >= 0 && version !== seen.current) void useSession.getState().reloadCatalog();
    seen.current = version;
  }, [version]);
}
