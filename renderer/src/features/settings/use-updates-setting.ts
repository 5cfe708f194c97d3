import { useEffect, useState } from 'react';
import type { PosErrorData } from '../../../../shared/domain/errors';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { toPosError } from '../../lib/ipc';
import { useAction } from '../../lib/use-action';
import { callAsManager } from '../staff';

export type UpdatesView = ChannelOutput<'updates:settings'>;

/** Whether the installed app updates itself, and its save (a manager's). */
export function useUpdatesSetting() {
  const [view, setView] = useState<UpdatesView | null>(null);
  const [loadError, setLoadError] = useState<PosErrorData | null>(null);
  const { busy, error, run } = useAction();

  useEffect(() => {
    let current = true;
    callAsManager('updates:settings', {}).then(
      (loaded) => current && setView(loaded),
      (failure: unknown) => current && setLoadError(toPosError(failure)),
    );
    return () => {
      current = false;
    };
  }, []);

  function save(enabled: boolean, done: () => void, failed: () => void): void {
    run(
      () => callAsManager('updates:save-settings', { enabled }),
      (next) => {
        setView(next);
        done();
      },
      failed,
    );
  }

  return { view, loadError, busy, error, save };
}
