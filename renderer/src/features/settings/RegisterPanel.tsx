import { useSettingsStrings } from './settings-strings';
import { useSoundsSetting } from './use-sounds-setting';

/** How the register behaves: its chimes (kept by main as a preference). */
export function RegisterPanel() {
  const text = useSettingsStrings();
  const { enabled, toggle } = useSoundsSetting();

  return (
    <section className="panel" aria-labelledby="register-title">
      <h2 id="register-title">{text.registerTitle}</h2>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={enabled}
          onChange={(event) => toggle(event.target.checked)}
          data-testid="sounds-toggle"
        />
        <span>{text.sounds}</span>
      </label>
    </section>
  );
}
