import { useState } from 'react';
import type { HistoryFilter } from '../../../../shared/domain/history';
import type { FilterReading } from './history-filter';

/**
 * The filter the list answers: the form's reading while it reads, the last good one while a
 * field is wrong (the list stays as it was). The same object until the filter really changes,
 * so the list asks main again only then.
 */
export function useSteadyFilter(reading: FilterReading): HistoryFilter {
  const [filter, setFilter] = useState<HistoryFilter>(() => {
    if ('filter' in reading) return reading.filter;
    throw new Error('the history screen opens on a filter that reads');
  });
  // Adjusting state while rendering (React's way to follow a prop): no extra pass through an effect.
  if ('filter' in reading && JSON.stringify(reading.filter) !== JSON.stringify(filter)) setFilter(reading.filter);
  return filter;
}
