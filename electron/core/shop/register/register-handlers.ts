import type { registerChannels } from '../../../../shared/ipc/channels/register';
import type { DomainHandlers } from '../../../../shared/ipc/handlers';
import type { CustomerDisplay } from '../display/customer-display';
import type { RegisterDraftFile } from './register-draft-file';

export function registerHandlers(
  drafts: RegisterDraftFile,
  display: CustomerDisplay,
): DomainHandlers<typeof registerChannels> {
  return {
    'register:draft': async () => drafts.current(),
    'register:save-draft': async (input) => {
      const saved = await drafts.save(input);
      await display.show(saved);
      return saved;
    },
  };
}
