import type { dayChannels } from '../../../../shared/ipc/channels/day';
import type { DomainHandlers } from '../../../../shared/ipc/handlers';
import type { DayCloseService } from './day-close-service';

export function dayHandlers(days: DayCloseService): DomainHandlers<typeof dayChannels> {
  return {
    'day:today': async () => ({ day: await days.today() }),
    'day:view': (input) => days.view(input.day),
    'day:match': (input) => days.match(input.day),
    'day:x-report': (input, { manager }) => days.xReport(input.day, manager.name),
    'day:close': (input, { manager }) => days.close(input.day, manager.name),
    'day:practice-close': (input, { manager }) => days.practiceClose(input.day, manager.name),
    'day:closes': () => days.closes(),
    'day:export': (input) => days.export(input.day, input.headers),
  };
}
