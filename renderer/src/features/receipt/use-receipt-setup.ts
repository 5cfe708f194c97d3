import { useEffect, useState } from 'react';
import type { PosErrorData } from '../../../../shared/domain/errors';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { call, toPosError } from '../../lib/ipc';

export type ReceiptSetup = ChannelOutput<'receipt:setup'>;

/** The shop's details, the paper and who prints, read from main each time a receipt is shown (Settings may have changed). */
export function useReceiptSetup(): { setup: ReceiptSetup | null; error: PosErrorData | null; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ setup: ReceiptSetup | null; error: PosErrorData | null }>({
    setup: null,
    error: null,
  });
  useEffect(() => {
    let current = true;
    call('receipt:setup', {}).then(
      (setup) => current && setState({ setup, error: null }),
      (error: unknown) => current && setState({ setup: null, error: toPosError(error) }),
    );
    return () => {
      current = false;
    };
  }, [attempt]);
  return {
    ...state,
    retry: () => {
      setState({ setup: null, error: null });
      setAttempt((n) => n + 1);
    },
  };
}
