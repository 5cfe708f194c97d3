import type { DayMatch } from '../../../../shared/domain/day-close';
import type { PosErrorData } from '../../../../shared/domain/errors';
import { formatWon } from '../../../../shared/domain/money';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-strings';
import { FormError } from '../../ui/FormError';
import { useDayCloseStrings } from './day-close-strings';
import { mismatchText } from './mismatch-text';

interface MatchPanelProps {
  reconciliation: DayMatch | null;
  busy: boolean;
  error: PosErrorData | null;
  /** Absent in a report, which shows the check as it was made. */
  onCheck?: () => void;
  onOpenOrder: (orderId: string) => void;
}

/** The day against Toss's transactions: every difference in words, each with its order a key press away. Nothing is changed here. */
export function MatchPanel({ reconciliation, busy, error, onCheck, onOpenOrder }: MatchPanelProps) {
  const text = useDayCloseStrings();
  const locale = useLocale();
  return (
    <section
      className="panel day-panel"
      aria-labelledby="day-reconcile-title"
      aria-busy={busy}
      data-testid="day-reconcile"
    >
      <div className="day-panel-head">
        <h2 id="day-reconcile-title">{text.matchTitle}</h2>
        {onCheck !== undefined && (
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={onCheck}
            disabled={busy}
            data-testid="day-reconcile-run"
          >
            {text.match}
          </button>
        )}
      </div>
      <p className="field-hint">{text.matchHint}</p>
      {busy && (
        <p role="status" className="day-busy">
          <span className="spinner" aria-hidden="true" /> {text.reconciling}
        </p>
      )}
      <FormError error={error} testId="day-reconcile-error" />
      {!busy && reconciliation?.status === 'unavailable' && (
        <p className="day-unavailable" role="status" data-testid="day-reconcile-unavailable">
          {text.unavailable[reconciliation.reason]}
        </p>
      )}
      {!busy && reconciliation?.status === 'checked' && (
        <>
          <p className="day-checked" data-testid="day-reconcile-summary">
            {text.checkedAt(formatDateTime(reconciliation.checkedAt, locale), reconciliation.transactions)} ·{' '}
            {text.tossTotals(
              formatWon(reconciliation.tossApproved, locale),
              formatWon(reconciliation.tossCanceled, locale),
            )}
          </p>
          {reconciliation.mismatches.length === 0 ? (
            <p className="form-ok" role="status" data-testid="day-reconcile-ok">
              {text.allMatch}
            </p>
          ) : (
            <>
              <p className="day-mismatch-count" role="alert" data-testid="day-mismatch-count">
                {text.mismatchCount(reconciliation.mismatches.length)}
              </p>
              <ul className="day-mismatches">
                {reconciliation.mismatches.map((mismatch, index) => (
                  <li
                    key={`${mismatch.kind}-${mismatch.paymentKey}-${index}`}
                    className="day-mismatch"
                    data-testid={`day-mismatch-${mismatch.kind}`}
                  >
                    <span>{mismatchText(mismatch, text, locale)}</span>
                    {mismatch.orderKnown && (
                      <button
                        type="button"
                        className="button button-plain button-small"
                        onClick={() => onOpenOrder(mismatch.orderId)}
                        data-testid="day-mismatch-open"
                      >
                        {text.openOrder}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
