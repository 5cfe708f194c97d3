import type { dayCloseChannels } from '../../../shared/ipc/channels/day-close';
import type { DomainHandlers } from '../../../shared/ipc/handlers';
import type { DayCloseService } from './day-close-service';

export function dayCloseHandlers(days: DayCloseService): DomainHandlers<typeof dayCloseChannels> {
  return {
    'day:view': (input) => days.view(input.day),
    'day:reconcile': (input) => days.reconcile(input.day),
    'day:x-report': (input, { manager }) => days.xReport(input.day, manager.name),
    'day:close': (input, { manager }) => days.close(input.day, manager.name),
    'day:closes': () => days.closes(),
    'day:export': (input) => days.export(input.day),
  };
}
