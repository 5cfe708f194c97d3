import type { staffChannels } from '../../../../shared/ipc/channels/staff';
import type { DomainHandlers } from '../../../../shared/ipc/handlers';
import type { StaffService } from './staff-service';

export function staffHandlers(staff: StaffService): DomainHandlers<typeof staffChannels> {
  return {
    'staff:status': async () => staff.status(),
    'staff:setup-owner': (input) => staff.setupOwner(input.name, input.pin),
    'staff:use-training-manager': () => staff.useTrainingManager(),
    'staff:unlock': (input) => staff.unlock(input.pin),
    'staff:lock': async () => staff.lock(),
    'staff:sign-in': (input) => ('pin' in input ? staff.signIn(input.pin) : staff.signInByName(input.staffId)),
    'staff:sign-out': () => staff.signOut(),
    'staff:sign-in-names': async () => staff.signInNames(),
    'staff:set-name-sign-in': (input, { manager }) => staff.setNameSignIn(input.on, manager),
    'staff:list': async () => staff.list(),
    'staff:add': (input, { manager }) => staff.addStaff(input, manager),
    'staff:set-active': (input, { manager }) => staff.setActive(input.staffId, input.active, manager),
  };
}
