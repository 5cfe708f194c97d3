import { useEffect, useState, type FormEvent } from 'react';
import type { PosErrorData } from '../../../../shared/domain/errors';
import { describeError } from '../../../../shared/i18n/error-messages';
import { useLocale } from '../../i18n/use-strings';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/TextField';
import { useStaffStrings } from './staff-strings';
import { useStaff } from './staff-store';
import { useSecondsUntil } from './use-seconds-until';

/** Asks for a manager PIN; main decides, and counts every wrong one. */
export function UnlockDialog({ onUnlocked, onCancel }: { onUnlocked: () => void; onCancel: () => void }) {
  const text = useStaffStrings();
  const locale = useLocale();
  const lockedUntil = useStaff((state) => state.status?.lockedUntil ?? null);
  const secondsLeft = useSecondsUntil(lockedUntil);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PosErrorData | null>(null);
  const locked = secondsLeft > 0;

  useEffect(() => {
    // The pause ran out: ask main again, so the countdown ends when main says so.
    if (lockedUntil !== null && secondsLeft === 0) void useStaff.getState().refresh();
  }, [lockedUntil, secondsLeft]);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (busy || locked || pin === '') return;
    setBusy(true);
    const refused = await useStaff.getState().unlock(pin);
    setBusy(false);
    setPin('');
    if (refused === null) onUnlocked();
    else setError(refused);
  }

  return (
    <Dialog title={text.unlockTitle} onCancel={onCancel} testId="unlock-dialog">
      <form onSubmit={(event) => void submit(event)} className="dialog-form">
        <TextField
          label={text.unlockIntro}
          value={pin}
          onChange={setPin}
          type="password"
          inputMode="numeric"
          maxLength={8}
          data-testid="unlock-pin"
          disabled={locked}
          autoFocus
        />
        <p className="form-error" role="alert" data-testid="unlock-error">
          {locked ? text.lockedFor(secondsLeft) : error ? describeError(error, locale) : ''}
        </p>
        <div className="dialog-actions">
          <button type="button" className="button button-plain" onClick={onCancel}>
            {text.cancel}
          </button>
          <button type="submit" className="button button-primary" data-testid="unlock-submit" disabled={busy || locked}>
            {text.unlock}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
