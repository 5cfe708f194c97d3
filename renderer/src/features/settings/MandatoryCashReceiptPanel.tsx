import { useState } from 'react';
import type { SettingsView } from '../../../../shared/domain/settings';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-strings';
import { FormError } from '../../ui/FormError';
import { useMandatoryCashReceiptStrings } from './mandatory-cash-receipt-strings';
import { useSettingsStrings } from './settings-strings';
import { useSettingsSave } from './use-settings-save';

/** 의무발행업종: saved the moment it is switched, with who switched it. */
export function MandatoryCashReceiptPanel({
  view,
  onSaved,
}: {
  view: SettingsView;
  onSaved: (view: SettingsView) => void;
}) {
  const text = useMandatoryCashReceiptStrings();
  const shared = useSettingsStrings();
  const locale = useLocale();
  // Shown switched at once; put back if main refuses.
  const [checked, setChecked] = useState(view.mandatoryCashReceipt);
  const { busy, error, save: send } = useSettingsSave('settings:save-mandatory-cash-receipt', onSaved);
  const [saved, setSaved] = useState(false);

  function save(mandatoryCashReceipt: boolean): void {
    setChecked(mandatoryCashReceipt);
    setSaved(false);
    send(
      { mandatoryCashReceipt },
      () => setSaved(true),
      () => setChecked(!mandatoryCashReceipt),
    );
  }

  return (
    <section
      className="panel"
      aria-labelledby="mandatory-cash-receipt-title"
      data-testid="mandatory-cash-receipt-panel"
    >
      <h2 id="mandatory-cash-receipt-title">{text.title}</h2>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={checked}
          disabled={busy}
          onChange={(event) => save(event.target.checked)}
          data-testid="mandatory-cash-receipt"
        />
        <span className="checkbox-text">
          <span>{text.mandatory}</span>
          <span className="field-hint">{text.hint}</span>
        </span>
      </label>
      {view.mandatoryCashReceiptChanged && (
        <p className="field-hint">
          {shared.changedBy(
            view.mandatoryCashReceiptChanged.by,
            formatDateTime(view.mandatoryCashReceiptChanged.at, locale),
          )}
        </p>
      )}
      <FormError error={error} testId="mandatory-cash-receipt-error" />
      {saved && (
        <span className="form-ok" role="status" data-testid="mandatory-cash-receipt-saved">
          {shared.saved}
        </span>
      )}
    </section>
  );
}
