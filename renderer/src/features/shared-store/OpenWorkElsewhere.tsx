import { useId } from 'react';
import { formatWon } from '../../../../shared/domain/money';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-strings';
import { FormError } from '../../ui/FormError';
import { useSharedStoreStrings } from './shared-store-strings';
import { useOpenWorkElsewhere } from './use-open-work-elsewhere';

/**
 * Confirms, refunds and 현금영수증 other registers left under way, read from the shared store: a
 * register gone for good never settles its own, so a manager settles them here (Toss asked by the
 * same keys).
 */
export function OpenWorkElsewhere() {
  const text = useSharedStoreStrings();
  const locale = useLocale();
  const ids = useId();
  const { rows, loadError, busy, error, settle } = useOpenWorkElsewhere();
  return (
    <section aria-labelledby={`${ids}-title`} data-testid="open-work-elsewhere">
      <h3 id={`${ids}-title`}>{text.elsewhereTitle}</h3>
      <p className="field-hint">{text.elsewhereHint}</p>
      <FormError error={loadError} />
      {rows !== null && rows.length === 0 && <p data-testid="open-work-elsewhere-none">{text.elsewhereNone}</p>}
      {rows !== null && rows.length > 0 && (
        <ul className="open-work-elsewhere">
          {rows.map((row) => (
            <li key={`${row.orderId}/${row.refundId ?? row.kind}`} data-testid="open-work-elsewhere-row">
              <span>
                {text.elsewhereWork(
                  row.kind,
                  row.registerName,
                  row.orderId,
                  formatWon(row.amount, locale),
                  formatDateTime(row.startedAt, locale),
                )}
              </span>
              <button
                type="button"
                className="button button-secondary"
                disabled={busy}
                onClick={() => settle(row.orderId)}
                aria-label={text.elsewhereSettleLabel(row.registerName, row.orderId)}
                data-testid="open-work-elsewhere-settle"
              >
                {text.elsewhereSettle}
              </button>
            </li>
          ))}
        </ul>
      )}
      <FormError error={error} testId="open-work-elsewhere-error" />
    </section>
  );
}
