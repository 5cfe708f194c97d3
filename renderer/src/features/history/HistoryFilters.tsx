import { useId } from 'react';
import { CASH_METHOD } from '../../../../shared/domain/cash';
import { historyStatuses } from '../../../../shared/domain/history';
import { formatTossTerm } from '../../i18n/format';
import { useLocale } from '../../i18n/use-strings';
import { TextField } from '../../ui/TextField';
import { useManagerData } from '../staff';
import type { FilterDraft, FilterField, TrainingChoice } from './history-filter';
import { useHistoryStrings } from './history-strings';

/** Toss's method words a shop's register meets, as Toss writes them, and cash taken at the counter (main lists it under the same word). */
const METHODS = ['카드', '간편결제', '계좌이체', '가상계좌', '휴대폰', CASH_METHOD] as const;

interface HistoryFiltersProps {
  draft: FilterDraft;
  problems: Partial<Record<FilterField, string>>;
  onChange: (draft: FilterDraft) => void;
}

/** Which orders the list shows: the dates and the time of day, where they stand, real or training, how paid, how much, and a search. */
export function HistoryFilters({ draft, problems, onChange }: HistoryFiltersProps) {
  const text = useHistoryStrings();
  const locale = useLocale();
  const id = useId();
  const set = (change: Partial<FilterDraft>) => onChange({ ...draft, ...change });
  const staff = useManagerData('staff:list').data ?? [];

  return (
    <div className="history-filters" role="search" aria-label={text.filtersLabel}>
      <TextField
        label={text.from}
        type="date"
        value={draft.from}
        onChange={(from) => set({ from })}
        error={problems.from ?? null}
        required
        data-testid="history-from"
      />
      <TextField
        label={text.to}
        type="date"
        value={draft.to}
        onChange={(to) => set({ to })}
        error={problems.to ?? null}
        required
        data-testid="history-to"
      />
      <TextField
        label={text.fromTime}
        type="time"
        value={draft.fromTime}
        onChange={(fromTime) => set({ fromTime })}
        data-testid="history-from-time"
      />
      <TextField
        label={text.toTime}
        type="time"
        value={draft.toTime}
        onChange={(toTime) => set({ toTime })}
        data-testid="history-to-time"
      />
      <div className="field">
        <label htmlFor={`${id}-status`}>{text.status}</label>
        <select
          id={`${id}-status`}
          value={draft.status}
          onChange={(event) => set({ status: event.target.value as FilterDraft['status'] })}
          data-testid="history-filter-status"
        >
          <option value="">{text.all}</option>
          {historyStatuses.map((status) => (
            <option key={status} value={status}>
              {text.statuses[status]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-training`}>{text.training}</label>
        <select
          id={`${id}-training`}
          value={draft.training}
          onChange={(event) => set({ training: event.target.value as TrainingChoice })}
          data-testid="history-filter-training"
        >
          <option value="all">{text.trainingAll}</option>
          <option value="real">{text.trainingReal}</option>
          <option value="training">{text.trainingOnly}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-method`}>{text.method}</label>
        <select
          id={`${id}-method`}
          value={draft.method}
          onChange={(event) => set({ method: event.target.value })}
          data-testid="history-filter-method"
        >
          <option value="">{text.all}</option>
          {METHODS.map((method) => (
            <option key={method} value={method}>
              {formatTossTerm(method, locale)}
            </option>
          ))}
          <option value="none">{text.noMethod}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-cashier`}>{text.cashier}</label>
        <select
          id={`${id}-cashier`}
          value={draft.cashierId ?? ''}
          onChange={(event) => set({ cashierId: event.target.value })}
          data-testid="history-filter-cashier"
        >
          <option value="">{text.all}</option>
          {staff.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
            </option>
          ))}
        </select>
      </div>
      <TextField
        label={text.minAmount}
        inputMode="numeric"
        maxLength={12}
        value={draft.minAmount}
        onChange={(minAmount) => set({ minAmount })}
        error={problems.minAmount ?? null}
        data-testid="history-min-amount"
      />
      <TextField
        label={text.maxAmount}
        inputMode="numeric"
        maxLength={12}
        value={draft.maxAmount}
        onChange={(maxAmount) => set({ maxAmount })}
        error={problems.maxAmount ?? null}
        data-testid="history-max-amount"
      />
      <TextField
        label={text.search}
        type="search"
        placeholder={text.searchPlaceholder}
        maxLength={40}
        value={draft.search}
        onChange={(search) => set({ search })}
        data-testid="history-search"
      />
    </div>
  );
}
