import { useEffect, useState } from 'react';
import type { CustomerView } from '../../../shared/domain/register';
import { call } from '../lib/ipc';

/** Asked again after a failed watch (main restarting, a network blip in the browser host). */
const RETRY_MS = 1_000;

/** Follows main's view of the sale: each answer is the newest, and the next question waits for a change. */
export function useCustomerView(): CustomerView | null {
  const [view, setView] = useState<CustomerView | null>(null);
  useEffect(() => {
    let since = 0;
    let stopped = false;
    async function follow(): Promise<void> {
      while (!stopped) {
        try {
          const answer = await call('display:watch', { since });
          since = answer.version;
          if (!stopped) setView(answer.view);
        } catch {
          await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
        }
      }
    }
    void follow();
    return () => {
      stopped = true;
    };
  }, []);
  return view;
}
