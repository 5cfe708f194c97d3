import type { StaffMember } from '../../../../shared/domain/staff';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { useAction } from '../../lib/use-action';
import { callAsManager, useStaff } from './staff-store';

/** The staff panel's changes, one at a time: each reads the list again once main took it. */
export function useStaffEdits(reload: () => void) {
  const { error, run } = useAction();
  return {
    error,
    add: (member: ChannelInput<'staff:add'>, done: (added: StaffMember) => void) =>
      void run(
        () => callAsManager('staff:add', member),
        (added) => {
          done(added);
          reload();
        },
      ),
    setActive: (staffId: string, active: boolean) =>
      void run(() => callAsManager('staff:set-active', { staffId, active }), reload),
    /** Whether staff may sign in by picking their name: main's answer is the new status. */
    setNameSignIn: (on: boolean) =>
      void run(
        () => callAsManager('staff:set-name-sign-in', { on }),
        () => void useStaff.getState().refresh(),
      ),
  };
}
