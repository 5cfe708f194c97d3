import { historyFilterSchema, type HistoryFilter, type HistoryStatus } from '../../../../shared/domain/history';
import { parseWholeNumber } from '../../lib/whole-number';
import type { HistoryStrings } from './history-strings';

export type TrainingChoice = 'all' | 'real' | 'training';

/** The filter form as typed: the dates and amounts are text until they read as a filter. */
export interface FilterDraft {
  from: string;
  to: string;
  status: HistoryStatus | '';
  training: TrainingChoice;
  /** Toss's method word, 현금 (cash), 'none', or '' for every method. */
  method: string;
  minAmount: string;
  maxAmount: string;
  search: string;
  /** A time of day (HH:mm from a time input), or '' for the whole day. */
  fromTime: string;
  toTime: string;
  /** Orders rung up by this member of staff; '' or absent for everyone's. */
  cashierId?: string;
}

export type FilterField = 'from' | 'to' | 'minAmount' | 'maxAmount';

export type FilterReading = { filter: HistoryFilter } | { problems: Partial<Record<FilterField, string>> };

/** The business day's orders (main's `today`), every kind, all day: what the screen opens on. */
export function todayDraft(today: string): FilterDraft {
  return {
    from: today,
    to: today,
    status: '',
    training: 'all',
    method: '',
    minAmount: '',
    maxAmount: '',
    search: '',
    fromTime: '',
    toTime: '',
  };
}

/** A time input's value to the minute (some browsers add seconds), or undefined when empty. */
function timeOfDay(text: string): string | undefined {
  return text === '' ? undefined : text.slice(0, 5);
}

function amount(text: string): number | undefined {
  return text.trim() === '' ? undefined : parseWholeNumber(text);
}

/** The filter main is asked with, or what is wrong with each field (main checks again). */
export function readFilter(draft: FilterDraft, text: HistoryStrings): FilterReading {
  const problems: Partial<Record<FilterField, string>> = {};
  const minAmount = amount(draft.minAmount);
  const maxAmount = amount(draft.maxAmount);
  if (Number.isNaN(minAmount)) problems.minAmount = text.amountInvalid;
  if (Number.isNaN(maxAmount)) problems.maxAmount = text.amountInvalid;
  if (
    problems.minAmount === undefined &&
    problems.maxAmount === undefined &&
    minAmount !== undefined &&
    maxAmount !== undefined &&
    maxAmount < minAmount
  ) {
    problems.maxAmount = text.amountBackwards;
  }
  // The date inputs give a real date or nothing.
  if (draft.from === '') problems.from = text.dateRequired;
  if (draft.to === '') problems.to = text.dateRequired;
  else if (draft.from !== '' && draft.to < draft.from) problems.to = text.rangeBackwards;
  if (Object.keys(problems).length > 0) return { problems };
  const parsed = historyFilterSchema.safeParse({
    from: draft.from,
    to: draft.to,
    status: draft.status === '' ? undefined : draft.status,
    training: draft.training === 'all' ? undefined : draft.training === 'training',
    method: draft.method === '' ? undefined : draft.method,
    minAmount,
    maxAmount,
    search: draft.search.trim() === '' ? undefined : draft.search.trim(),
    fromTime: timeOfDay(draft.fromTime),
    toTime: timeOfDay(draft.toTime),
    cashierId: draft.cashierId === undefined || draft.cashierId === '' ? undefined : draft.cashierId,
  });
  // Every field the schema checks was checked above; the inputs' lengths keep the rest in bounds.
  return parsed.success ? { filter: parsed.data } : { problems: { from: text.dateRequired } };
}
