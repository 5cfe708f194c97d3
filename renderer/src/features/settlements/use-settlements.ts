import { useCallback, useEffect, useState } from 'react';
import type { Settlement } from '../../../../shared/domain/settlements';
import { call } from '../../lib/ipc';

/** Often enough that an outcome shows within seconds of main learning it. */
const POLL_MS = 3_000;

/** The payments main is settling in the background, kept fresh; `dismiss` drops an outcome the cashier has seen. */
export function useSettlements(): { settlements: readonly Settlement[]; dismiss(orderId: string): void } {
  const [settlements, setSettlements] = useState<readonly Settlement[]>([]);

  useEffect(() => {
    let current = true;
    const refresh = () =>
      void call('payment:settlements', {}).then(
        (list) => current && setSettlements(list),
        // Main unreachable for a moment: the last list stays until the next poll.
        () => undefined,
      );
    refresh();
    const timer = window.setInterval(refresh, POLL_MS);
    return () => {
      current = false;
      window.clearInterval(timer);
    };
  }, []);

  const dismiss = useCallback((orderId: string) => {
    void call('payment:dismiss-settlement', { orderId }).then(setSettlements, () => undefined);
  }, []);

  return { settlements, dismiss };
}
