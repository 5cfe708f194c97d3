import { useState } from 'react';
import type { SettingsView } from '../../../../shared/domain/settings';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { useAction } from '../../lib/use-action';
import { callAsManager } from '../staff';

/** The Toss panel's work with main: saving the keys (main checks them with Toss first) and switching the mode. */
export function useTossSettings(onSaved: (view: SettingsView) => void, onModeSwitched: () => void) {
  const { busy, error, run } = useAction();
  // Only saving the keys shows as busy; the switch reloads the page when it is done.
  const [task, setTask] = useState<'keys' | 'mode'>('keys');

  return {
    savingKeys: busy && task === 'keys',
    error,
    saveKeys(keys: ChannelInput<'settings:save-toss-keys'>, done: () => void): void {
      const started = run(
        () => callAsManager('settings:save-toss-keys', keys),
        (view) => {
          onSaved(view);
          done();
        },
      );
      if (started) setTask('keys');
    },
    switchMode(mode: 'training' | 'live'): void {
      if (run(() => callAsManager('settings:set-mode', { mode, confirm: true }), onModeSwitched)) setTask('mode');
    },
  };
}
