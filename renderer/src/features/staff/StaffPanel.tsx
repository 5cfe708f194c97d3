import { useState, type FormEvent } from 'react';
import type { Role } from '../../../../shared/domain/staff';
import { FormError } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { useStaffStrings } from './staff-strings';
import { useStaff } from './staff-store';
import { useManagerData } from './use-manager-data';
import { useStaffEdits } from './use-staff-edits';

/** The staff list and the form to add one (a manager's work: every call needs the session). */
export function StaffPanel() {
  const text = useStaffStrings();
  const { data, error: loadError, reload } = useManagerData('staff:list');
  const staff = data ?? [];
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('cashier');
  const [pin, setPin] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const edits = useStaffEdits(reload);
  const tillId = useStaff((state) => state.status?.signedIn?.id ?? null);
  const tillName = useStaff((state) => state.status?.signedIn?.name ?? null);
  const nameSignIn = useStaff((state) => state.status?.nameSignIn ?? false);

  function add(event: FormEvent): void {
    event.preventDefault();
    setDone(null);
    edits.add({ name: name.trim(), role, pin: pin === '' ? null : pin }, (added) => {
      setDone(text.added(added.name));
      setName('');
      setPin('');
    });
  }

  return (
    <section className="panel" aria-labelledby="staff-title" data-testid="staff-panel">
      <h2 id="staff-title">{text.staffTitle}</h2>
      <p data-testid="staff-signed-in">{tillName === null ? text.nobodySignedIn : text.signedInNow(tillName)}</p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{text.name}</th>
            <th scope="col">{text.role}</th>
            <th scope="col">{text.active}</th>
            <th scope="col">
              <span className="visually-hidden">{text.deactivate}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {staff.map((member) => (
            <tr key={member.id} data-testid={`staff-${member.id}`}>
              <td>
                {member.name} {member.trainingOnly && <span className="tag tag-warn">{text.trainingOnly}</span>}
                {member.id === tillId && <span className="tag">{text.atTheTill}</span>}
              </td>
              <td>{text.roles[member.role]}</td>
              <td>{member.active ? text.activeYes : text.activeNo}</td>
              <td>
                <button
                  type="button"
                  className="button button-plain button-small"
                  onClick={() => edits.setActive(member.id, !member.active)}
                >
                  {member.active ? text.deactivate : text.activate}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="field">
        <label className="choice">
          <input
            type="checkbox"
            checked={nameSignIn}
            onChange={(event) => edits.setNameSignIn(event.target.checked)}
            data-testid="staff-name-sign-in"
          />
          <span>{text.nameSignIn}</span>
        </label>
        <p className="field-hint">{text.nameSignInHint}</p>
      </div>
      <form onSubmit={add} className="form-grid" aria-label={text.addStaff}>
        <TextField label={text.name} value={name} onChange={setName} maxLength={40} required data-testid="staff-name" />
        <div className="field">
          <label htmlFor="staff-role">{text.role}</label>
          <select
            id="staff-role"
            value={role}
            onChange={(event) => setRole(event.target.value as Role)}
            data-testid="staff-role"
          >
            <option value="cashier">{text.roles.cashier}</option>
            <option value="manager">{text.roles.manager}</option>
          </select>
        </div>
        <TextField
          label={text.pin}
          value={pin}
          onChange={setPin}
          type="password"
          inputMode="numeric"
          maxLength={8}
          hint={role === 'cashier' ? (nameSignIn ? text.pinOptional : text.pinNeeded) : undefined}
          data-testid="staff-pin"
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" data-testid="staff-add">
            {text.addStaff}
          </button>
        </div>
      </form>
      <FormError error={edits.error ?? loadError} />
      {done && (
        <p className="form-ok" role="status">
          {done}
        </p>
      )}
    </section>
  );
}
