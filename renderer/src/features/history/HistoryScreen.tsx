import { useState } from 'react';
import type { HistoryRow } from '../../../../shared/domain/history';
import type { Order } from '../../../../shared/domain/order';
import { useBusinessDay } from '../../lib/use-business-day';
import { FormError } from '../../ui/FormError';
import { OnlyThisRegister } from '../shared-store';
import '../../ui/ui.css';
import { ExportButton } from './ExportButton';
import { readFilter, todayDraft, type FilterDraft } from './history-filter';
import { useHistoryStrings } from './history-strings';
import './history.css';
import { HistoryFilters } from './HistoryFilters';
import { HistoryList } from './HistoryList';
import { OrderDetail } from './OrderDetail';
import { RangeTotals } from './RangeTotals';
import { useDebounced } from './use-debounced';
import { useHistoryChanges } from './use-history-changes';
import { useHistoryPages } from './use-history-pages';
import { useSteadyFilter } from './use-steady-filter';

/** A search asks main when the typing pauses this long. */
const SEARCH_SETTLE_MS = 250;

/** The manager's sales history, opened on main's business day (after an evening close, the next one, where the newest sales are). */
export function HistoryScreen() {
  const text = useHistoryStrings();
  const { day, error } = useBusinessDay();
  if (day !== null) return <History today={day} />;
  return (
    <div className="history-screen" data-testid="history-screen">
      <h1>{text.title}</h1>
      <FormError error={error} testId="history-error" />
      {error === null && <span className="spinner spinner-large" role="status" aria-label={text.loading} />}
    </div>
  );
}

/** The business day's orders by default, filtered and searched, each opening to its detail and refunds. */
function History({ today }: { today: string }) {
  const text = useHistoryStrings();
  const [draft, setDraft] = useState<FilterDraft>(() => todayDraft(today));
  const search = useDebounced(draft.search, SEARCH_SETTLE_MS);
  const reading = readFilter({ ...draft, search }, text);
  const filter = useSteadyFilter(reading);
  const pages = useHistoryPages(filter);
  const [opened, setOpened] = useState<HistoryRow | null>(null);
  const [totalsVersion, setTotalsVersion] = useState(0);
  const filtered = Object.entries(filter).some(([key, value]) => key !== 'from' && key !== 'to' && value !== undefined);

  const [detailVersion, setDetailVersion] = useState(0);
  // What this register's books wrote while the list is open (another register's refund, taken in): those rows, the detail and the figures read again.
  useHistoryChanges((orderIds) => {
    if (orderIds === null) pages.reload();
    else for (const row of pages.rows) if (orderIds.includes(row.orderId)) pages.refreshRow(row);
    if (opened !== null && (orderIds === null || orderIds.includes(opened.orderId))) setDetailVersion((v) => v + 1);
    setTotalsVersion((v) => v + 1);
  });

  /** After a refund: the range's figures, and the order's row as main now lists it. */
  function afterRefund(order: Order): void {
    setTotalsVersion((v) => v + 1);
    pages.refreshRow(order);
  }

  return (
    <div className="history-screen" data-testid="history-screen">
      <div className="history-top">
        <h1>{text.title}</h1>
        <RangeTotals from={filter.from} to={filter.to} version={totalsVersion} />
        <ExportButton filter={filter} />
      </div>
      <HistoryFilters draft={draft} problems={'problems' in reading ? reading.problems : {}} onChange={setDraft} />
      {pages.catchingUp !== null && (
        <p className="history-catching-up" role="status" data-testid="history-catching-up">
          {text.catchingUp(pages.catchingUp.built, pages.catchingUp.total)}
        </p>
      )}
      {pages.source === 'this-register' && <OnlyThisRegister testId="history-only-this-register" />}
      <HistoryList key={pages.generation} pages={pages} filtered={filtered} onOpen={setOpened} />
      {opened !== null && (
        <OrderDetail
          orderId={opened.orderId}
          orderName={opened.orderName}
          version={detailVersion}
          onRefunded={afterRefund}
          onClose={() => setOpened(null)}
        />
      )}
    </div>
  );
}
