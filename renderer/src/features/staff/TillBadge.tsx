import { useStaffStrings } from './staff-strings';
import { selectTillName, useStaff } from './staff-store';

/** Who is at the till, in the header, with sign out (the next cashier signs in). */
export function TillBadge({ canSignOut }: { canSignOut: boolean }) {
  const text = useStaffStrings();
  const name = useStaff(selectTillName);
  if (name === null) return null;
  return (
    <div className="till-badge" data-testid="till-badge">
      <span>{text.tillBadge(name)}</span>
      <button
        type="button"
        className="button button-plain button-small"
        data-testid="till-sign-out"
        disabled={!canSignOut}
        onClick={() => void useStaff.getState().signOut()}
      >
        {text.signOut}
      </button>
    </div>
  );
}
