import { useId, useState } from 'react';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-strings';
import { FormError } from '../../ui/FormError';
import { useSettingsStrings } from './settings-strings';
import { useUpdatesStrings } from './updates-strings';
import { useUpdatesSetting, type UpdatesView } from './use-updates-setting';

/** Settings → automatic updates, once main has said how they are. */
export function UpdatesPanel() {
  const text = useUpdatesStrings();
  const ids = useId();
  const setting = useUpdatesSetting();
  return (
    <section className="panel" aria-labelledby={`${ids}-title`} data-testid="updates-panel">
      <h2 id={`${ids}-title`}>{text.title}</h2>
      <FormError error={setting.loadError} />
      {setting.view !== null && <UpdatesSwitch {...setting} view={setting.view} />}
    </section>
  );
}

/** Saved the moment it is switched, with who switched it. */
function UpdatesSwitch({
  view,
  busy,
  error,
  save,
}: Omit<ReturnType<typeof useUpdatesSetting>, 'view'> & { view: UpdatesView }) {
  const text = useUpdatesStrings();
  const shared = useSettingsStrings();
  const locale = useLocale();
  // Shown switched at once; put back if main refuses.
  const [checked, setChecked] = useState(view.enabled);
  const [saved, setSaved] = useState(false);

  function change(enabled: boolean): void {
    setChecked(enabled);
    setSaved(false);
    save(
      enabled,
      () => setSaved(true),
      () => setChecked(!enabled),
    );
  }

  return (
    <>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={checked}
          disabled={busy}
          onChange={(event) => change(event.target.checked)}
          data-testid="updates-enabled"
        />
        <span className="checkbox-text">
          <span>{text.enabled}</span>
          <span className="field-hint">{checked ? text.hint : text.off}</span>
        </span>
      </label>
      {view.changed && (
        <p className="field-hint">{shared.changedBy(view.changed.by, formatDateTime(view.changed.at, locale))}</p>
      )}
      <FormError error={error} testId="updates-error" />
      {saved && (
        <span className="form-ok" role="status" data-testid="updates-saved">
          {shared.saved}
        </span>
      )}
    </>
  );
}
