import { useSounds } from '../../lib/sounds';
import { call } from '../../lib/ipc';
import { useSettingsStrings } from './settings-strings';

/** How the register behaves: its chimes (kept by main as a preference). */
export function RegisterPanel() {
  const text = useSettingsStrings();
  const enabled = useSounds((state) => state.enabled);

  function toggle(next: boolean): void {
    useSounds.getState().adopt(next);
    void call('preferences:update', { sounds: next }).catch(() => useSounds.getState().adopt(!next));
  }

  return (
    <section className="panel" aria-labelledby="register-title">
      <h2 id="register-title">{text.registerTitle}</h2>
      <label className="checkbox">
        <input type="checkbox" checked={enabled} onChange={(event) => toggle(event.target.checked)} data-testid="sounds-toggle" />
        <span>{text.sounds}</span>
      </label>
    </section>
  );
}
