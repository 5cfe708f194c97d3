import type { PosErrorData } from '../../../../shared/domain/errors';
import type { SettingsView } from '../../../../shared/domain/settings';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { useAction } from '../../lib/use-action';
import { callAsManager } from '../staff';

/** The settings a panel saves on its own; main answers each with the whole new view. */
type SettingsSave =
  | 'settings:save-store'
  | 'settings:save-receipt'
  | 'settings:save-discount-limits'
  | 'settings:save-refund-policy'
  | 'settings:save-mandatory-cash-receipt';

/** A settings panel's save: the new view goes to `onSaved` first, then to `done`. */
export function useSettingsSave<C extends SettingsSave>(channel: C, onSaved: (view: SettingsView) => void) {
  const { busy, error, setError, run } = useAction();

  function save(
    input: ChannelInput<C>,
    done: (view: SettingsView) => void,
    failed?: (error: PosErrorData) => void,
  ): void {
    run(
      () => callAsManager(channel, input),
      (view) => {
        onSaved(view);
        done(view);
      },
      failed,
    );
  }

  return { busy, error, clearError: () => setError(null), save };
}
