import { useState, type FormEvent } from 'react';
import type { PosErrorData } from '../../../../shared/domain/errors';
import { FormError } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { useStaffStrings } from './staff-strings';
import { useStaff } from './staff-store';

/** First start: nothing else opens until the owner is the first manager. */
export function SetupScreen() {
  const text = useStaffStrings();
  const offered = useStaff((state) => state.status?.trainingManagerOffered ?? false);
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
    setError(await useStaff.getState().setupOwner(name.trim(), pin));
    setBusy(false);
  }

  async function startTraining(): Promise<void> {
    setBusy(true);
    setError(await useStaff.getState().useTrainingManager());
    setBusy(false);
  }

  return (
    <div className="manager-screen setup-screen" data-testid="setup-screen">
      <h1>{text.setupTitle}</h1>
      <form className="panel" onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <p>{text.setupIntro}</p>
        <div className="form-grid">
          <TextField label={text.name} value={name} onChange={setName} data-testid="setup-name" maxLength={40} required autoFocus />
          <TextField label={text.pin} value={pin} onChange={setPin} data-testid="setup-pin" type="password" inputMode="numeric" pattern="\d{4,8}" maxLength={8} required />
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
      {offered && (
        <div className="panel">
          <p>{text.trainingOffer}</p>
          <div className="form-actions">
            <button type="button" className="button button-secondary" data-testid="setup-training" disabled={busy} onClick={() => void startTraining()}>
              {text.useTraining}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
