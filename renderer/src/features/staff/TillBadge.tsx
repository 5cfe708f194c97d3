import { useStaffStrings } from './staff-strings';
import { selectTillName, useStaff } from './staff-store';

/** Who is at the till, in the header, with sign out (the next cashier signs in). */
export function TillBadge({ canSignOut }: { canSignOut: boolean }) {
  const text = useStaffStrings();
  const name = useStaff(selectTillName);
  // A manager unlocked at their own till is named once, by the manager badge: the header stays on one line at 1024 px.
  const namedByManagerBadge = useStaff(
    (state) => state.status?.session != null && state.status.session.managerId === state.status.signedIn?.id,
  );
  if (name === null) return null;
  return (
    <div className="till-badge" data-testid="till-badge">
      <span className={namedByManagerBadge ? 'visually-hidden' : undefined} title={text.tillBadge(name)}>
        {text.tillBadge(name)}
      </span>
      <button
        type="button"
        className="button button-plain button-small"
        data-testid="till-sign-out"
        title={text.signOutLabel}
        disabled={!canSignOut}
        onClick={() => void useStaff.getState().signOut()}
      >
        {text.signOut}
      </button>
    </div>
  );
}
