import { useState } from 'react';
import type { CouponDefinition } from '../../../../shared/domain/coupons';
import { useBusinessDay } from '../../lib/use-business-day';
import { FormError } from '../../ui/FormError';
import '../../ui/ui.css';
import { useManagerData } from '../staff';
import { CodesPanel } from './CodesPanel';
import { useCouponsStrings } from './coupons-strings';
import './coupons.css';
import { DefinitionDialog } from './DefinitionDialog';
import { DefinitionsPanel } from './DefinitionsPanel';
import { IssueDialog } from './IssueDialog';

type OpenDialog = { kind: 'define' } | { kind: 'issue'; definition: CouponDefinition };

/** The manager's coupons: the kinds defined, issuing codes of one, and every code issued. */
export function CouponsScreen() {
  const text = useCouponsStrings();
  const definitions = useManagerData('coupons:definitions');
  // Names for the scopes, and what a new coupon's scope can pick from.
  const catalog = useManagerData('catalog:manage');
  // New codes are valid from main's business day on, not this browser's date.
  const today = useBusinessDay();
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [issued, setIssued] = useState<{ count: number; name: string } | null>(null);
  const [listVersion, setListVersion] = useState(0);

  function open(next: OpenDialog): void {
    setIssued(null);
    setDialog(next);
  }

  return (
    <div className="manager-screen" data-testid="coupons-screen">
      <h1>{text.title}</h1>
      <FormError error={definitions.error ?? catalog.error ?? today.error} testId="coupons-error" />
      {issued !== null && (
        <p className="form-ok" role="status" data-testid="coupon-issued">
          {text.issued(issued.count, issued.name)}
        </p>
      )}
      {definitions.data === null ? (
        definitions.error === null && <span className="spinner spinner-large" role="status" aria-label={text.loading} />
      ) : (
        <>
          <DefinitionsPanel
            definitions={definitions.data}
            catalog={catalog.data}
            onNew={() => open({ kind: 'define' })}
            onIssue={(definition) => open({ kind: 'issue', definition })}
          />
          <CodesPanel definitions={definitions.data} version={listVersion} />
        </>
      )}
      {dialog?.kind === 'define' && catalog.data !== null && (
        <DefinitionDialog
          catalog={catalog.data}
          onCancel={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            definitions.reload();
          }}
        />
      )}
      {dialog?.kind === 'issue' && today.day !== null && (
        <IssueDialog
          definition={dialog.definition}
          today={today.day}
          onCancel={() => setDialog(null)}
          onIssued={(batch) => {
            setDialog(null);
            setIssued({ count: batch.count, name: dialog.definition.name });
            setListVersion((v) => v + 1);
          }}
        />
      )}
    </div>
  );
}
