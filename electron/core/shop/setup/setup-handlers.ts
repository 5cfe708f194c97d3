import type { setupChannels } from '../../../../shared/ipc/channels/setup';
import type { DomainHandlers } from '../../../../shared/ipc/handlers';
import type { FirstStartCatalog } from './first-start-catalog';

export function setupHandlers(firstStart: FirstStartCatalog): DomainHandlers<typeof setupChannels> {
  return {
    'setup:catalog-open': () => firstStart.open(),
    'setup:catalog': (input) => firstStart.start(input.start),
  };
}
