import { useState } from 'react';
import type { Catalog } from '../../../../shared/domain/catalog';
import type { CouponDefinition } from '../../../../shared/domain/coupons';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { ChoiceGroup } from './ChoiceGroup';
import { useCouponsStrings } from './coupons-strings';
import { emptyDefinitionForm, readDefinitionForm, type DefinitionForm } from './definition-form';
import { ScopePicker } from './ScopePicker';
import { useDefineCoupon } from './use-coupon-edits';

interface DefinitionDialogProps {
  /** What a scope can pick from. */
  catalog: Catalog;
  onSaved: (definition: CouponDefinition) => void;
  onCancel: () => void;
}

/** Defines a coupon: its name, what it takes off, the order it needs, and which lines it applies to. */
export function DefinitionDialog({ catalog, onSaved, onCancel }: DefinitionDialogProps) {
  const text = useCouponsStrings();
  const [form, setForm] = useState<DefinitionForm>(emptyDefinitionForm);
  const { problems, error, busy, submit } = useDefineCoupon(() => readDefinitionForm(form, text), onSaved);

  const change = (patch: Partial<DefinitionForm>) => setForm((previous) => ({ ...previous, ...patch }));
  const numberField = (field: 'amount' | 'percent' | 'maxDiscount' | 'minOrderAmount') => ({
    value: form[field],
    onChange: (value: string) => change({ [field]: value }),
    error: problems[field] ?? null,
    inputMode: 'numeric' as const,
    maxLength: 12,
    'data-testid': `coupon-def-${field}`,
  });

  return (
    <Dialog title={text.defineTitle} onCancel={onCancel} testId="coupon-def-dialog">
      <form onSubmit={submit} className="dialog-form" noValidate aria-busy={busy}>
        <TextField
          label={text.name}
          value={form.name}
          onChange={(name) => change({ name })}
          maxLength={40}
          error={problems.name ?? null}
          data-testid="coupon-def-name"
          autoFocus
        />
        <ChoiceGroup
          legend={text.benefitType}
          value={form.benefitType}
          options={[
            { value: 'fixed', label: text.fixed },
            { value: 'percent', label: text.percent },
          ]}
          onChange={(benefitType) => change({ benefitType })}
          testId="coupon-def-type"
        />
        {form.benefitType === 'fixed' ? (
          <TextField label={text.amount} {...numberField('amount')} />
        ) : (
          <div className="field-pair">
            <TextField label={text.percentValue} {...numberField('percent')} maxLength={3} />
            <TextField label={text.maxDiscount} {...numberField('maxDiscount')} />
          </div>
        )}
        <TextField label={text.minOrderAmount} hint={text.minOrderHint} {...numberField('minOrderAmount')} />
        <ChoiceGroup
          legend={text.scope}
          value={form.scopeMode}
          options={[
            { value: 'whole', label: text.scopeWhole },
            { value: 'pick', label: text.scopePick },
          ]}
          onChange={(scopeMode) => change({ scopeMode })}
          testId="coupon-def-scope"
        />
        {form.scopeMode === 'pick' && (
          <ScopePicker
            catalog={catalog}
            categoryIds={form.categoryIds}
            productIds={form.productIds}
            onChange={change}
          />
        )}
        {problems.scope && (
          <p className="field-error" role="alert">
            {problems.scope}
          </p>
        )}
        <FormError error={error} testId="coupon-def-error" withDetail />
        <div className="dialog-actions">
          <button type="button" className="button button-plain" onClick={onCancel}>
            {text.cancel}
          </button>
          <button type="submit" className="button button-primary" data-testid="coupon-def-save" disabled={busy}>
            {text.create}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
