import { OwnerForm } from './OwnerForm';
import { useStaffStrings } from './staff-strings';
import { useStaff } from './staff-store';

/**
 * At the top of a manager screen opened with the training manager's PIN: it may look, and change
 * nothing that outlives training; where the shop has no owner yet, the owner is registered here.
 */
export function TrainingManagerNotice() {
  const text = useStaffStrings();
  const trainingOnly = useStaff((state) => state.status?.session?.trainingOnly ?? false);
  const ownerNeeded = useStaff((state) => state.status?.ownerNeeded ?? false);
  if (!trainingOnly) return null;
  return (
    <section
      className="panel notice-panel"
      aria-labelledby="training-manager-title"
      data-testid="training-manager-notice"
    >
      <h2 id="training-manager-title">{text.trainingManagerTitle}</h2>
      <p>{text.trainingManagerLimits}</p>
      {ownerNeeded && <OwnerForm intro={text.ownerNeededIntro} autoFocus={false} />}
    </section>
  );
}
