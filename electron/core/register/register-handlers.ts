import type { displayChannels } from '../../../shared/ipc/channels/display';
import type { registerChannels } from '../../../shared/ipc/channels/register';
import type { DomainHandlers } from '../../../shared/ipc/handlers';
import type { CustomerDisplay } from './customer-display';
import type { RegisterDraftStore } from './register-draft-store';

export function registerHandlers(drafts: RegisterDraftStore, display: CustomerDisplay): DomainHandlers<typeof registerChannels> {
  return {
    'register:draft': async () => drafts.current(),
    'register:save-draft': async (input) => {
      const saved = await drafts.save(input);
      await display.show(saved);
      return saved;
    },
  };
}

export function displayHandlers(display: CustomerDisplay): DomainHandlers<typeof displayChannels> {
  return {
    'display:watch': (input) => display.watch(input.since),
  };
}
