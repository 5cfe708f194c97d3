import { TextField } from '../../ui/TextField';
import { useSettingsStrings } from './settings-strings';
import type { StoreDraft, StoreField } from './store-info-form';

export const EMPTY_STORE: StoreDraft = { name: '', owner: '', businessNumber: '', address: '', phone: '' };

interface StoreInfoFieldsProps {
  draft: StoreDraft;
  onChange: (draft: StoreDraft) => void;
  /** Each field's problem (storeInfoProblems), shown under that field. */
  problems: Partial<Record<StoreField, string>>;
  autoFocus?: boolean;
}

/** The shop's details as the receipt prints them: in Settings, and on the first start. */
export function StoreInfoFields({ draft, onChange, problems, autoFocus = false }: StoreInfoFieldsProps) {
  const text = useSettingsStrings();
  const field = (name: StoreField) => ({
    value: draft[name],
    onChange: (value: string) => onChange({ ...draft, [name]: value }),
    error: problems[name] ?? null,
    'data-testid': `store-${name}`,
  });
  return (
    <div className="form-grid">
      <TextField label={text.storeName} maxLength={60} autoFocus={autoFocus} {...field('name')} />
      <TextField label={text.owner} maxLength={30} {...field('owner')} />
      <TextField
        label={text.businessNumber}
        hint={text.businessNumberHint}
        inputMode="numeric"
        maxLength={12}
        {...field('businessNumber')}
      />
      <TextField label={text.phone} inputMode="tel" maxLength={14} {...field('phone')} />
      <TextField label={text.address} maxLength={120} {...field('address')} />
    </div>
  );
}
