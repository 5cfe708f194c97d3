import { useState, type FormEvent } from 'react';
import { discountLimitsSchema } from '../../../../shared/domain/coupons';
import type { SettingsView } from '../../../../shared/domain/settings';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-strings';
import { parseWholeNumber } from '../../lib/whole-number';
import { FormError } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { useSettingsStrings } from './settings-strings';
import { useSettingsSave } from './use-settings-save';

type LimitField = 'percent' | 'won';

/** Up to where a cashier's manual discount goes through alone; above either limit it needs a manager's PIN. */
export function DiscountLimitsPanel({ view, onSaved }: { view: SettingsView; onSaved: (view: SettingsView) => void }) {
  const text = useSettingsStrings();
  const locale = useLocale();
  const [draft, setDraft] = useState<Record<LimitField, string>>(() => ({
    percent: String(view.discountLimits.percent),
    won: view.discountLimits.won.toLocaleString('ko-KR'),
  }));
  const [problems, setProblems] = useState<Partial<Record<LimitField, string>>>({});
  const { error, clearError, save: send } = useSettingsSave('settings:save-discount-limits', onSaved);
  const [saved, setSaved] = useState(false);

  const field = (name: LimitField) => ({
    value: draft[name],
    onChange: (value: string) => {
      setDraft({ ...draft, [name]: value });
      setSaved(false);
    },
    error: problems[name] ?? null,
    inputMode: 'numeric' as const,
    'data-testid': `discount-limit-${name}`,
  });

  function save(event: FormEvent): void {
    event.preventDefault();
    clearError();
    const parsed = discountLimitsSchema.safeParse({
      percent: parseWholeNumber(draft.percent),
      won: parseWholeNumber(draft.won),
    });
    if (!parsed.success) {
      const wrong = new Set(parsed.error.issues.map((issue) => issue.path[0]));
      setProblems({
        ...(wrong.has('percent') ? { percent: text.limitPercentInvalid } : {}),
        ...(wrong.has('won') ? { won: text.limitWonInvalid } : {}),
      });
      return;
    }
    setProblems({});
    send(parsed.data, () => setSaved(true));
  }

  return (
    <form className="panel" aria-labelledby="discount-limits-title" onSubmit={save} noValidate>
      <h2 id="discount-limits-title">{text.limitsTitle}</h2>
      <p>{text.limitsIntro}</p>
      <div className="form-grid">
        <TextField label={text.limitPercent} maxLength={3} {...field('percent')} />
        <TextField label={text.limitWon} maxLength={11} {...field('won')} />
      </div>
      {view.discountLimitsChanged && (
        <p className="field-hint" data-testid="discount-limits-changed">
          {text.changedBy(view.discountLimitsChanged.by, formatDateTime(view.discountLimitsChanged.at, locale))}
        </p>
      )}
      <FormError error={error} testId="discount-limits-error" />
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="discount-limits-save">
          {text.save}
        </button>
        {saved && (
          <span className="form-ok" role="status" data-testid="discount-limits-saved">
            {text.saved}
          </span>
        )}
      </div>
    </form>
  );
}
