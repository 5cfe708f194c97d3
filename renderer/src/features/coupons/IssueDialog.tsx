import { useState } from 'react';
import type { CouponBatch, CouponDefinition } from '../../../../shared/domain/coupons';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { useCouponsStrings } from './coupons-strings';
import { initialIssueForm, readIssueForm, type IssueForm } from './issue-form';
import { useIssueCoupons } from './use-coupon-edits';

interface IssueDialogProps {
  definition: CouponDefinition;
  /** Main's business day: the codes are valid from it by default. */
  today: string;
  onIssued: (batch: CouponBatch) => void;
  onCancel: () => void;
}

/** Issues 1 to 10,000 codes of one coupon, valid between two Seoul dates (times optional). */
export function IssueDialog({ definition, today, onIssued, onCancel }: IssueDialogProps) {
  const text = useCouponsStrings();
  const [form, setForm] = useState<IssueForm>(() => initialIssueForm(today));
  const { problems, error, busy, submit } = useIssueCoupons(() => readIssueForm(form, definition.id, text), onIssued);

  const field = (name: keyof IssueForm) => ({
    value: form[name],
    onChange: (value: string) => setForm((previous) => ({ ...previous, [name]: value })),
  });

  return (
    <Dialog title={text.issueTitle(definition.name)} onCancel={onCancel} testId="coupon-issue-dialog">
      <form onSubmit={submit} className="dialog-form" noValidate aria-busy={busy}>
        <TextField
          label={text.count}
          hint={text.countHint}
          error={problems.count ?? null}
          inputMode="numeric"
          maxLength={6}
          data-testid="coupon-issue-count"
          autoFocus
          {...field('count')}
        />
        <div className="field-pair">
          <TextField
            label={text.validFrom}
            type="date"
            error={problems.validFrom ?? null}
            data-testid="coupon-issue-from"
            {...field('fromDate')}
          />
          <TextField
            label={text.validFromTime}
            type="time"
            data-testid="coupon-issue-from-time"
            {...field('fromTime')}
          />
        </div>
        <div className="field-pair">
          <TextField
            label={text.validUntil}
            type="date"
            error={problems.validUntil ?? null}
            data-testid="coupon-issue-until"
            {...field('untilDate')}
          />
          <TextField
            label={text.validUntilTime}
            type="time"
            data-testid="coupon-issue-until-time"
            {...field('untilTime')}
          />
        </div>
        <p className="field-hint">{text.windowHint}</p>
        <FormError error={error} testId="coupon-issue-error" />
        <div className="dialog-actions">
          <button type="button" className="button button-plain" onClick={onCancel}>
            {text.cancel}
          </button>
          <button type="submit" className="button button-primary" data-testid="coupon-issue-submit" disabled={busy}>
            {busy ? text.issuing : text.issueSubmit}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
