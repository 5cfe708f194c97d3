import { useEffect, useState } from 'react';
import type { PosErrorData } from '../../../../shared/domain/errors';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { toPosError } from '../../lib/ipc';
import { useAction } from '../../lib/use-action';
import { callAsManager } from '../staff';

export type OpenWorkElsewhere = ChannelOutput<'refund:open-elsewhere'>[number];

/** Confirms, refunds and 현금영수증 other registers left under way, and settling one of them here (a manager's). */
export function useOpenWorkElsewhere() {
  const [rows, setRows] = useState<OpenWorkElsewhere[] | null>(null);
  const [loadError, setLoadError] = useState<PosErrorData | null>(null);
  const [asked, setAsked] = useState(0);
  const { busy, error, run } = useAction();

  useEffect(() => {
    let current = true;
    callAsManager('refund:open-elsewhere', {}).then(
      (loaded) => {
        if (!current) return;
        setRows(loaded);
        setLoadError(null);
      },
      (failure: unknown) => current && setLoadError(toPosError(failure)),
    );
    return () => {
      current = false;
    };
  }, [asked]);

  function settle(orderId: string): void {
    // Asked again either way: what is still open after the try is what the list shows.
    const again = () => setAsked((n) => n + 1);
    run(() => callAsManager('refund:settle-elsewhere', { orderId }), again, again);
  }

  return { rows, loadError, busy, error, settle };
}
