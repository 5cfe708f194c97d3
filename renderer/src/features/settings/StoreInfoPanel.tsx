import { useState, type FormEvent } from 'react';
import { formatBusinessNumber } from '../../../../shared/domain/business-number';
import type { SettingsView } from '../../../../shared/domain/settings';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-strings';
import { FormError } from '../../ui/FormError';
import { useSettingsStrings } from './settings-strings';
import { EMPTY_STORE, StoreInfoFields } from './StoreInfoFields';
import { storeInfoProblems, type StoreDraft, type StoreField } from './store-info-form';
import { useSettingsSave } from './use-settings-save';

export function StoreInfoPanel({ view, onSaved }: { view: SettingsView; onSaved: (view: SettingsView) => void }) {
  const text = useSettingsStrings();
  const locale = useLocale();
  const [draft, setDraft] = useState<StoreDraft>(() =>
    view.store === null
      ? EMPTY_STORE
      : { ...view.store, businessNumber: formatBusinessNumber(view.store.businessNumber) },
  );
  const [shown, setShown] = useState<Partial<Record<StoreField, string>>>({});
  const { error, clearError, save: send } = useSettingsSave('settings:save-store', onSaved);
  const [saved, setSaved] = useState(false);

  function save(event: FormEvent): void {
    event.preventDefault();
    const problems = storeInfoProblems(draft, locale);
    setShown(problems);
    clearError();
    if (Object.keys(problems).length > 0) return;
    send(draft, () => setSaved(true));
  }

  return (
    <form className="panel" aria-labelledby="store-title" onSubmit={save} noValidate>
      <h2 id="store-title">{text.storeTitle}</h2>
      <StoreInfoFields
        draft={draft}
        onChange={(next) => {
          setDraft(next);
          setSaved(false);
        }}
        problems={shown}
      />
      {view.storeChanged && (
        <p className="field-hint">
          {text.changedBy(view.storeChanged.by, formatDateTime(view.storeChanged.at, locale))}
        </p>
      )}
      <FormError error={error} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="store-save">
          {text.save}
        </button>
        {saved && (
          <span className="form-ok" role="status" data-testid="store-saved">
            {text.saved}
          </span>
        )}
      </div>
    </form>
  );
}
