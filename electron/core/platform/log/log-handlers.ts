import type { logChannels } from '../../../../shared/ipc/channels/log';
import type { DomainHandlers } from '../../../../shared/ipc/handlers';
import type { CspViolationLog } from './csp-violation-log';

export function logHandlers(csp: CspViolationLog): DomainHandlers<typeof logChannels> {
  return {
    'log:csp-violation': async (input) => ({ logged: csp.record(input) }),
  };
}
