import type { displayChannels } from '../../../../shared/ipc/channels/display';
import type { DomainHandlers } from '../../../../shared/ipc/handlers';
import type { CustomerDisplay } from './customer-display';

export function displayHandlers(display: CustomerDisplay): DomainHandlers<typeof displayChannels> {
  return {
    'display:watch': (input) => display.watch(input.since),
  };
}
