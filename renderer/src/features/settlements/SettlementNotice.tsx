import type { Settlement } from '../../../../shared/domain/settlements';
import { formatWon } from '../../../../shared/domain/money';
import { describeError } from '../../../../shared/i18n/error-messages';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-strings';
import { useSettlementTexts } from './settlement-strings';
import { useSettlements } from './use-settlements';
import './settlements.css';

/**
 * Payments main is settling in the background (a crash or a silent Toss left their outcome
 * unknown), and how each ended: shown on every screen until the cashier has seen the outcome.
 */
export function SettlementNotice() {
  const { settlements, dismiss } = useSettlements();
  const text = useSettlementTexts();
  if (settlements.length === 0) return null;
  return (
    <section className="settlement-notice" aria-label={text.heading} data-testid="settlement-notice">
      <ul>
        {settlements.map((settlement) => (
          <SettlementRow
            key={settlement.orderId}
            settlement={settlement}
            onDismiss={() => dismiss(settlement.orderId)}
          />
        ))}
      </ul>
    </section>
  );
}

function SettlementRow({ settlement, onDismiss }: { settlement: Settlement; onDismiss: () => void }) {
  const text = useSettlementTexts();
  const locale = useLocale();
  const title =
    settlement.state === 'SETTLING' ? text.settling : settlement.state === 'PAID' ? text.paid : text.notPaid;
  const reason =
    settlement.state === 'NOT_PAID'
      ? settlement.problem === null
        ? text.nothingCharged
        : describeError({ code: settlement.problem }, locale)
      : settlement.state === 'SETTLING'
        ? text.doNotRetake
        : null;
  const why =
    settlement.state === 'SETTLING' && settlement.problem !== null
      ? settlement.problem === 'TOSS_UNREACHABLE'
        ? text.tossUnreachable
        : describeError({ code: settlement.problem }, locale)
      : null;
  const progress =
    settlement.state === 'SETTLING'
      ? [
          text.tries(settlement.tries),
          settlement.nextTryAt === null ? null : text.nextTry(formatDateTime(settlement.nextTryAt, locale)),
          why,
        ]
          .filter(Boolean)
          .join(' · ')
      : null;
  return (
    <li
      className={`settlement settlement-${settlement.state.toLowerCase()}`}
      role={settlement.state === 'SETTLING' ? 'status' : 'alert'}
      data-testid={`settlement-${settlement.orderId}`}
      data-state={settlement.state}
    >
      <p className="settlement-title">
        <strong>{title}</strong> · {settlement.orderName} · {formatWon(settlement.amount, locale)} ·{' '}
        {formatDateTime(settlement.startedAt, locale)}
      </p>
      {reason !== null && <p className="settlement-reason">{reason}</p>}
      {progress !== null && <p className="settlement-progress">{progress}</p>}
      {settlement.state !== 'SETTLING' && (
        <button
          type="button"
          className="button button-plain button-small settlement-dismiss"
          onClick={onDismiss}
          data-testid={`settlement-dismiss-${settlement.orderId}`}
        >
          {text.dismiss}
        </button>
      )}
    </li>
  );
}
