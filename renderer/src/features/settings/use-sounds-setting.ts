import { call } from '../../lib/ipc';
import { useSounds } from '../../lib/sounds';

/** The register's chimes: switched at once, kept by main as a preference, switched back if main refuses. */
export function useSoundsSetting(): { enabled: boolean; toggle: (next: boolean) => void } {
  const enabled = useSounds((state) => state.enabled);
  function toggle(next: boolean): void {
    useSounds.getState().adopt(next);
    void call('preferences:update', { sounds: next }).catch(() => useSounds.getState().adopt(!next));
  }
  return { enabled, toggle };
}
