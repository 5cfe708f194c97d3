import type { firstStartChannels } from '../../../../shared/ipc/channels/first-start';
import type { DomainHandlers } from '../../../../shared/ipc/handlers';
import type { FirstStartCatalog } from './first-start-catalog';

export function firstStartHandlers(firstStart: FirstStartCatalog): DomainHandlers<typeof firstStartChannels> {
  return {
    'first-start:catalog-open': () => firstStart.open(),
    'first-start:catalog': (input) => firstStart.start(input.start),
  };
}
