import { formatWon } from '../../../../shared/domain/money';
import { formatTossTerm } from '../../i18n/format';
import { useLocale } from '../../i18n/use-strings';
import { FormError } from '../../ui/FormError';
import { useHistoryStrings } from './history-strings';
import { useRangeTotals } from './use-range-totals';

/** The date range's real sales in figures, training left out (and said so): what the day's money was. */
export function RangeTotals({ from, to, version }: { from: string; to: string; version: number }) {
  const text = useHistoryStrings();
  const locale = useLocale();
  const { totals, error } = useRangeTotals(from, to, version);
  const won = (amount: number) => formatWon(amount, locale);
  if (error !== null) return <FormError error={error} testId="history-totals-error" />;
  return (
    <section
      className="history-totals"
      aria-labelledby="history-totals-title"
      aria-busy={totals === null}
      data-testid="history-totals"
    >
      <h2 id="history-totals-title" className="visually-hidden">
        {text.totalsTitle}
      </h2>
      {totals !== null && (
        <>
          <dl className="history-figures">
            <div>
              <dt>{text.totalsTitle}</dt>
              <dd data-testid="history-totals-orders">{text.totalsOrders(totals.orders)}</dd>
            </div>
            <div>
              <dt>{text.totalsPaid}</dt>
              <dd data-testid="history-totals-paid">{won(totals.paid)}</dd>
            </div>
            <div>
              <dt>{text.totalsRefunded}</dt>
              <dd data-testid="history-totals-refunded">
                {totals.refunded === 0 ? won(0) : `−${won(totals.refunded)}`}
              </dd>
            </div>
            <div>
              <dt>{text.totalsNet}</dt>
              <dd data-testid="history-totals-net">{won(totals.paid - totals.refunded)}</dd>
            </div>
          </dl>
          <p className="history-totals-note">
            {totals.byMethod.length > 0 && (
              <span className="history-by-method">
                {totals.byMethod
                  .map((entry) => text.byMethod(formatTossTerm(entry.method, locale), entry.orders))
                  .join(' · ')}
              </span>
            )}
            <span data-testid="history-totals-note">{text.totalsNote}</span>
          </p>
        </>
      )}
    </section>
  );
}
