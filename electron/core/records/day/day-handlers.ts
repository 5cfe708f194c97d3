import type { dayChannels } from '../../../../shared/ipc/channels/day';
import type { DomainHandlers } from '../../../../shared/ipc/handlers';
import type { DayCloseService } from './day-close-service';

export function dayHandlers(days: DayCloseService): DomainHandlers<typeof dayChannels> {
  return {
    'day:today': async () => ({ day: await days.today() }),
    'day:view': (input) => days.view(input.day),
    'day:match': (input) => days.match(input.day),
    'day:x-report': (input, { manager }) => days.xReport(input.day, manager.name),
    // Closed by whoever is signed in at the till (the manager's unlock approved it).
    'day:close': (input, { manager, cashier }) => days.close(input.day, cashier?.name ?? manager.name),
    'day:practice-close': (input, { manager, cashier }) => days.practiceClose(input.day, cashier?.name ?? manager.name),
    'day:closes': () => days.closes(),
    'day:export': (input) => days.export(input.day, input.headers),
  };
}
