import { useState, type FormEvent } from 'react';
import { useLocale } from '../../i18n/use-strings';
import { FormError } from '../../ui/FormError';
import { EMPTY_STORE, StoreInfoFields, storeInfoProblems, type StoreDraft, type StoreField } from '../settings';
import { useFirstStartStrings } from './first-start-strings';
import { useFirstStart } from './first-start-store';

/** The shop's details (상호, 사업자등록번호 with its check, 대표자, 주소, 전화), checked as Settings checks them. */
export function ShopStep() {
  const text = useFirstStartStrings();
  const locale = useLocale();
  const { shop, busy, error } = useFirstStart();
  const [draft, setDraft] = useState<StoreDraft>(shop ?? EMPTY_STORE);
  const [shown, setShown] = useState<Partial<Record<StoreField, string>>>({});

  function next(event: FormEvent): void {
    event.preventDefault();
    const problems = storeInfoProblems(draft, locale);
    setShown(problems);
    if (Object.keys(problems).length === 0) void useFirstStart.getState().shopEntered(draft);
  }

  return (
    <form className="panel" onSubmit={next} noValidate aria-busy={busy} data-testid="first-start-shop">
      <p>{text.shopIntro}</p>
      <StoreInfoFields draft={draft} onChange={setDraft} problems={shown} autoFocus />
      <FormError error={error} testId="first-start-error" />
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="first-start-next" disabled={busy}>
          {text.next}
        </button>
      </div>
    </form>
  );
}
