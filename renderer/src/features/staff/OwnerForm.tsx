import { useState, type FormEvent } from 'react';
import type { PosErrorData } from '../../../../shared/domain/errors';
import { FormError } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { useStaffStrings } from './staff-strings';
import { useStaff } from './staff-store';

interface OwnerFormProps {
  intro: string;
  autoFocus: boolean;
  /** The owner exists and their session is open (the first start goes on to its next step). */
  onCreated?: () => void;
}

/** The owner's name and PIN (twice), made the shop's first manager: on a first start, or after starting with the training manager. */
export function OwnerForm({ intro, autoFocus, onCreated }: OwnerFormProps) {
  const text = useStaffStrings();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PosErrorData | null>(null);
  const mismatch = again !== '' && pin !== again;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (busy || mismatch || pin !== again) return;
    setBusy(true);
    const failed = await useStaff.getState().setupOwner(name.trim(), pin);
    setError(failed);
    setBusy(false);
    if (failed === null) onCreated?.();
  }

  return (
    <form className="panel" onSubmit={(event) => void submit(event)} aria-busy={busy} data-testid="owner-form">
      <p>{intro}</p>
      <div className="form-grid">
        <TextField
          label={text.name}
          value={name}
          onChange={setName}
          data-testid="setup-name"
          maxLength={40}
          required
          autoFocus={autoFocus}
        />
        <TextField
          label={text.pin}
          value={pin}
          onChange={setPin}
          data-testid="setup-pin"
          type="password"
          inputMode="numeric"
          pattern="\d{4,8}"
          maxLength={8}
          required
        />
        <TextField
          label={text.pinAgain}
          value={again}
          onChange={setAgain}
          data-testid="setup-pin-again"
          type="password"
          inputMode="numeric"
          maxLength={8}
          required
          error={mismatch ? text.pinMismatch : null}
        />
      </div>
      <FormError error={error} testId="setup-error" />
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="setup-create" disabled={busy}>
          {text.create}
        </button>
      </div>
    </form>
  );
}
