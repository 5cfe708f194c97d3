import { useEffect, useState } from 'react';
import type { PosErrorData } from '../../../../shared/domain/errors';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { toPosError } from '../../lib/ipc';
import { callAsManager } from '../staff';

export type Printers = ChannelOutput<'receipt:printers'>;

/** This computer's printers, as the shell lists them (none in a browser). */
export function usePrinters(): { printers: Printers | null; error: PosErrorData | null } {
  const [state, setState] = useState<{ printers: Printers | null; error: PosErrorData | null }>({
    printers: null,
    error: null,
  });
  useEffect(() => {
    let current = true;
    callAsManager('receipt:printers', {}).then(
      (printers) => current && setState({ printers, error: null }),
      (error: unknown) => current && setState({ printers: null, error: toPosError(error) }),
    );
    return () => {
      current = false;
    };
  }, []);
  return state;
}
