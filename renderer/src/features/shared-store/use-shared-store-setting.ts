import { useEffect, useState } from 'react';
import type { PosErrorData } from '../../../../shared/domain/errors';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { toPosError } from '../../lib/ipc';
import { useAction } from '../../lib/use-action';
import { callAsManager } from '../staff';

export type SharedStoreView = ChannelOutput<'store:settings'>;

/** The shared store's settings and this register's name, and their saves (a manager's). */
export function useSharedStoreSetting() {
  const [view, setView] = useState<SharedStoreView | null>(null);
  const [loadError, setLoadError] = useState<PosErrorData | null>(null);
  const { busy, error, run } = useAction();

  useEffect(() => {
    let current = true;
    callAsManager('store:settings', {}).then(
      (loaded) => current && setView(loaded),
      (failure: unknown) => current && setLoadError(toPosError(failure)),
    );
    return () => {
      current = false;
    };
  }, []);

  function saveName(name: string, callNumbersFrom: number, done: () => void): void {
    run(
      () => callAsManager('store:save-register-name', { name, callNumbersFrom }),
      (next) => {
        setView(next);
        done();
      },
    );
  }

  function saveUrl(url: string | null, done: () => void): void {
    run(
      () => callAsManager('store:save-url', { url }),
      (next) => {
        setView(next);
        done();
      },
    );
  }

  return { view, loadError, busy, error, saveName, saveUrl };
}
