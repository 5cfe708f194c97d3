import { useEffect, useState } from 'react';
import type { PosErrorData } from '../../../../shared/domain/errors';
import type { ChannelInput, ChannelOutput } from '../../../../shared/ipc/contract';
import { toPosError } from '../../lib/ipc';
import { callAsManager } from './staff-store';

/** The manager channels that read a whole list or view and take no input. */
type ManagerRead = 'staff:list' | 'catalog:manage' | 'settings:get' | 'coupons:definitions';

/** What a manager screen shows, read from main; `reload` asks again after a change. */
export function useManagerData<C extends ManagerRead>(
  channel: C,
): { data: ChannelOutput<C> | null; error: PosErrorData | null; reload: () => void } {
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<{ data: ChannelOutput<C> | null; error: PosErrorData | null }>({
    data: null,
    error: null,
  });
  useEffect(() => {
    let current = true;
    callAsManager(channel, {} as ChannelInput<C>).then(
      (data) => current && setState({ data: data as ChannelOutput<C>, error: null }),
      (error: unknown) => current && setState((previous) => ({ ...previous, error: toPosError(error) })),
    );
    return () => {
      current = false;
    };
  }, [channel, version]);
  return { ...state, reload: () => setVersion((v) => v + 1) };
}
