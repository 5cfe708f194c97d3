import { useState } from 'react';
import type { CouponDefinition, CouponFilter } from '../../../../shared/domain/coupons';
import { FormError } from '../../ui/FormError';
import { CodeFilters } from './CodeFilters';
import { useCouponsStrings } from './coupons-strings';
import { CouponRow } from './CouponRow';
import { ExportButton } from './ExportButton';
import { Pager } from './Pager';
import { PAGE_SIZE, useCouponPage } from './use-coupon-page';
import { VoidDialog } from './VoidDialog';

interface CodesPanelProps {
  definitions: readonly CouponDefinition[];
  /** Bumped when codes were issued elsewhere on the screen: the list reads again. */
  version: number;
}

/** The issued codes, filtered and a page at a time, with voiding and the CSV export. */
export function CodesPanel({ definitions, version }: CodesPanelProps) {
  const text = useCouponsStrings();
  const [filter, setFilter] = useState<CouponFilter>({});
  const [offset, setOffset] = useState(0);
  const [voided, setVoided] = useState(0);
  const [voiding, setVoiding] = useState<string | null>(null);
  const { page, loading, error } = useCouponPage(filter, offset, version + voided);
  const filtered = filter.definitionId !== undefined || filter.state !== undefined || filter.search !== undefined;

  function refilter(next: CouponFilter): void {
    setFilter(next);
    setOffset(0);
  }

  function afterVoid(): void {
    setVoiding(null);
    setVoided((n) => n + 1);
    // Filtered by state, the voided code leaves the list: a last page it was alone on is gone.
    if (filter.state !== undefined && page?.rows.length === 1 && offset > 0) setOffset(offset - PAGE_SIZE);
  }

  return (
    <section className="panel" aria-labelledby="coupon-codes-title" aria-busy={loading}>
      <div className="panel-head">
        <h2 id="coupon-codes-title">{text.codesTitle}</h2>
        <ExportButton filter={filter} />
      </div>
      <CodeFilters definitions={definitions} filter={filter} onChange={refilter} />
      <FormError error={error} testId="coupon-list-error" />
      {page === null ? (
        error === null && <p className="empty-note">{text.loading}</p>
      ) : page.rows.length === 0 ? (
        <p className="empty-note" data-testid="coupon-list-empty">
          {filtered ? text.noMatches : text.noCodes}
        </p>
      ) : (
        <table className="data-table coupon-table">
          <thead>
            <tr>
              <th scope="col">{text.codeColumn}</th>
              <th scope="col">{text.nameColumn}</th>
              <th scope="col">{text.stateColumn}</th>
              <th scope="col">{text.validityColumn}</th>
              <th scope="col">
                <span className="visually-hidden">{text.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((coupon) => (
              <CouponRow key={coupon.code} coupon={coupon} onVoid={setVoiding} />
            ))}
          </tbody>
        </table>
      )}
      {/* The page main answered with: while the next one loads, the range still names what is shown. */}
      {page !== null && page.total > 0 && (
        <Pager
          offset={page.offset}
          shown={page.rows.length}
          total={page.total}
          pageSize={PAGE_SIZE}
          onOffset={setOffset}
        />
      )}
      {voiding !== null && <VoidDialog code={voiding} onCancel={() => setVoiding(null)} onVoided={afterVoid} />}
    </section>
  );
}
