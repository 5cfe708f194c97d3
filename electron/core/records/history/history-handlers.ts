import type { historyChannels } from '../../../../shared/ipc/channels/history';
import type { DomainHandlers } from '../../../../shared/ipc/handlers';
import type { HistoryChanges } from './history-changes';
import type { HistoryService } from './history-service';

export function historyHandlers(
  history: HistoryService,
  changes: HistoryChanges,
): DomainHandlers<typeof historyChannels> {
  return {
    'history:list': (input) => history.list(input.filter, input.cursor, input.limit),
    'history:totals': (input) => history.totals(input.from, input.to),
    'history:changes': async (input) => changes.since(input.since),
    'history:order': (input) => history.order(input.orderId),
    'history:export': (input) => history.export(input.filter, input.headers),
  };
}
