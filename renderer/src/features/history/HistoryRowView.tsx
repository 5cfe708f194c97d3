import type { CSSProperties } from 'react';
import type { HistoryRow } from '../../../../shared/domain/history';
import { formatWon } from '../../../../shared/domain/money';
import { formatSeoulTime } from '../../../../shared/domain/time';
import { formatMethods } from '../../i18n/format';
import { useLocale } from '../../i18n/use-strings';
import { useHistoryStrings } from './history-strings';
import { CashReceiptFailedBadge } from './CashPayment';
import { StatusBadge, TrainingBadge } from './StatusBadges';

interface HistoryRowViewProps {
  row: HistoryRow;
  /** Its place in the list, from 0. */
  index: number;
  /** Where the virtual list puts it. */
  style: CSSProperties;
  /** The one row the Tab key stops at (a roving tab stop: arrows move it). */
  tabStop: boolean;
  /** The row's grid class: a shop-wide list has a register column more. */
  grid: string;
  shopWide: boolean;
  onOpen: (row: HistoryRow) => void;
}

/** One order in the list: when, what, how much (and how much went back), where it stands, how it was paid. */
export function HistoryRowView({ row, index, style, tabStop, grid, shopWide, onOpen }: HistoryRowViewProps) {
  const text = useHistoryStrings();
  const locale = useLocale();
  const won = (amount: number) => formatWon(amount, locale);
  const [day = '', time = ''] = formatSeoulTime(row.createdAt).split(' ');
  const fullyRefunded = row.refunded > 0 && row.refunded >= row.amount;

  return (
    // A click anywhere on the row opens it; the button's own click (Enter, Space) bubbles up to here.
    <div
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      className={`${grid} history-row`}
      style={style}
      data-testid={`history-row-${row.orderId}`}
      onClick={() => onOpen(row)}
    >
      <div role="cell" className="history-time">
        <span>{time}</span>
        <span className="history-sub">{day.slice(5)}</span>
      </div>
      <div role="cell" className="history-order">
        <span className="history-name">
          <button
            type="button"
            className="history-open"
            tabIndex={tabStop ? 0 : -1}
            data-testid={`history-open-${row.orderId}`}
          >
            {row.orderName}
          </button>
          {row.training && <TrainingBadge />}
        </span>
        <span className="history-sub history-id">
          {row.callNumber !== null && `${text.callNumber(row.callNumber)} · `}
          {row.orderId}
        </span>
        {row.cashier != null && (
          <span className="history-sub" data-testid="history-cashier">
            {text.cashierOf(row.cashier.name)}
          </span>
        )}
      </div>
      <div role="cell" className="history-amount" data-testid="history-amount">
        {fullyRefunded ? <s>{won(row.amount)}</s> : <span>{won(row.amount)}</span>}
        {row.refunded > 0 && (
          <span className="history-sub history-refunded">{text.refundedPart(won(row.refunded))}</span>
        )}
      </div>
      <div role="cell">
        <StatusBadge status={row.status} />
        {row.cashReceiptFailed && <CashReceiptFailedBadge />}
      </div>
      <div role="cell" className="history-plain" data-testid="history-method">
        {row.method === null ? '—' : formatMethods(row.method, locale)}
      </div>
      <div role="cell" className="history-plain history-mono" data-testid="history-approve-no">
        {row.approveNo ?? '—'}
      </div>
      <div role="cell" className="history-plain history-mono">
        {row.cardNumber ?? '—'}
      </div>
      {shopWide && (
        <div role="cell" className="history-plain" data-testid="history-register">
          {row.registerName ?? '—'}
        </div>
      )}
    </div>
  );
}
