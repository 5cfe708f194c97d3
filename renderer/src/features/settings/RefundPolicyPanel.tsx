import { useState } from 'react';
import type { SettingsView } from '../../../../shared/domain/settings';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-strings';
import { FormError } from '../../ui/FormError';
import { useSettingsStrings } from './settings-strings';
import { useSettingsSave } from './use-settings-save';

/** Whether a full refund gives the order's coupon back: saved the moment it is switched, with who switched it. */
export function RefundPolicyPanel({ view, onSaved }: { view: SettingsView; onSaved: (view: SettingsView) => void }) {
  const text = useSettingsStrings();
  const locale = useLocale();
  // Shown switched at once; put back if main refuses.
  const [checked, setChecked] = useState(view.restoreCouponOnRefund);
  const { busy, error, save: send } = useSettingsSave('settings:save-refund-policy', onSaved);
  const [saved, setSaved] = useState(false);

  function save(restoreCouponOnRefund: boolean): void {
    setChecked(restoreCouponOnRefund);
    setSaved(false);
    send(
      { restoreCouponOnRefund },
      () => setSaved(true),
      () => setChecked(!restoreCouponOnRefund),
    );
  }

  return (
    <section className="panel" aria-labelledby="refund-policy-title" data-testid="refund-policy-panel">
      <h2 id="refund-policy-title">{text.refundPolicyTitle}</h2>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={checked}
          disabled={busy}
          onChange={(event) => save(event.target.checked)}
          data-testid="refund-restore-coupon"
        />
        <span className="checkbox-text">
          <span>{text.restoreCoupon}</span>
          <span className="field-hint">{text.restoreCouponHint}</span>
        </span>
      </label>
      {view.refundPolicyChanged && (
        <p className="field-hint" data-testid="refund-policy-changed">
          {text.changedBy(view.refundPolicyChanged.by, formatDateTime(view.refundPolicyChanged.at, locale))}
        </p>
      )}
      <FormError error={error} testId="refund-policy-error" />
      {saved && (
        <span className="form-ok" role="status" data-testid="refund-policy-saved">
          {text.saved}
        </span>
      )}
    </section>
  );
}
