import type { HistoryStatus } from '../../../../shared/domain/history';
import { useHistoryStrings } from './history-strings';

/** Training wears the training banner's amber (tag-warn), so no status does. */
const TAG: Record<HistoryStatus, string> = {
  paid: 'tag tag-paid',
  'partially-refunded': 'tag tag-partial',
  refunded: 'tag tag-danger',
  unpaid: 'tag',
};

/** Where an order stands: paid, partly or fully refunded, or never paid. */
export function StatusBadge({ status }: { status: HistoryStatus }) {
  const text = useHistoryStrings();
  return (
    <span className={TAG[status]} data-testid="history-status">
      {text.statuses[status]}
    </span>
  );
}

/** The mark of an order rung up in training: never a real sale. */
export function TrainingBadge() {
  const text = useHistoryStrings();
  return (
    <span className="tag tag-warn" data-testid="history-training">
      {text.trainingBadge}
    </span>
  );
}
