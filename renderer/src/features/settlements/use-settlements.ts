import { useCallback } from 'react';
import type { Settlement } from '../../../../shared/domain/settlements';
import { call } from '../../lib/ipc';
import { usePolled } from '../../lib/use-polled';

/** Often enough that an outcome shows within seconds of main learning it. */
const POLL_MS = 3_000;

/** The payments main is settling in the background, kept fresh; `dismiss` drops an outcome the cashier has seen. */
export function useSettlements(): { settlements: readonly Settlement[]; dismiss(orderId: string): void } {
  const [settlements, setSettlements] = usePolled('payment:settlements', {}, [], POLL_MS);

  const dismiss = useCallback(
    (orderId: string) => {
      void call('payment:dismiss-settlement', { orderId }).then(setSettlements, () => undefined);
    },
    [setSettlements],
  );

  return { settlements, dismiss };
}
