import { useEffect, useRef } from 'react';
import { call } from '../../lib/ipc';

/** Often enough that another register's refund shows here within seconds of this register taking it in. */
const EVERY_MS = 3_000;

/**
 * Calls `changed` with the orders this register's books wrote since the list was read (another
 * register's refund taken in, a 현금영수증 settled in the background), or null when the list must
 * be read again (main restarted, or too much changed to say). Asked without extending the manager's session.
 */
export function useHistoryChanges(changed: (orderIds: string[] | null) => void): void {
  const latest = useRef(changed);
  useEffect(() => {
    latest.current = changed;
  });
  useEffect(() => {
    let current = true;
    let seen = -1;
    const ask = () =>
      void call('history:changes', { since: seen }).then(
        ({ version, orderIds }) => {
          if (!current) return;
          const first = seen < 0;
          seen = version;
          if (!first && (orderIds === null || orderIds.length > 0)) latest.current(orderIds);
        },
        // Locked, or main away for a moment: the next ask catches up.
        () => undefined,
      );
    ask();
    const timer = window.setInterval(ask, EVERY_MS);
    return () => {
      current = false;
      window.clearInterval(timer);
    };
  }, []);
}
