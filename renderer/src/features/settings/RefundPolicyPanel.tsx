import { useState } from 'react';
import type { PosErrorData } from '../../../../shared/domain/errors';
import type { SettingsView } from '../../../../shared/domain/settings';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-strings';
import { toPosError } from '../../lib/ipc';
import { FormError } from '../../ui/FormError';
import { callAsManager } from '../staff';
import { useSettingsStrings } from './settings-strings';

/** Whether a full refund gives the order's coupon back: saved the moment it is switched, with who switched it. */
export function RefundPolicyPanel({ view, onSaved }: { view: SettingsView; onSaved: (view: SettingsView) => void }) {
  const text = useSettingsStrings();
  const locale = useLocale();
  // Shown switched at once; put back if main refuses.
  const [checked, setChecked] = useState(view.restoreCouponOnRefund);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PosErrorData | null>(null);
  const [saved, setSaved] = useState(false);

  async function save(restoreCouponOnRefund: boolean): Promise<void> {
    setChecked(restoreCouponOnRefund);
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      onSaved(await callAsManager('settings:save-refund-policy', { restoreCouponOnRefund }));
      setSaved(true);
    } catch (failure) {
      setChecked(!restoreCouponOnRefund);
      setError(toPosError(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="refund-policy-title" data-testid="refund-policy-panel">
      <h2 id="refund-policy-title">{text.refundPolicyTitle}</h2>
      <label className="checkbox">
        <input type="checkbox" checked={checked} disabled={busy} onChange={(event) => void save(event.target.checked)} data-testid="refund-restore-coupon" />
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
