import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { PosErrorData } from '../../../../shared/domain/errors';
import { describeError } from '../../../../shared/i18n/error-messages';
import { useLocale } from '../../i18n/use-strings';
import { TextField } from '../../ui/TextField';
import { useStaffStrings } from './staff-strings';
import { useStaff } from './staff-store';
import { useSecondsUntil } from './use-seconds-until';
import { useSignInNames } from './use-sign-in-names';
import './staff.css';

/**
 * Nobody is at the till: the register waits for someone to sign in. Keyboard first: digits go
 * into the PIN wherever focus is, Backspace takes one back, Enter signs in. Main checks the PIN
 * and counts every wrong one, as for a manager's unlock.
 */
export function SignInScreen() {
  const text = useStaffStrings();
  const locale = useLocale();
  const lockedUntil = useStaff((state) => state.status?.lockedUntil ?? null);
  const secondsLeft = useSecondsUntil(lockedUntil);
  const names = useSignInNames();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PosErrorData | null>(null);
  const field = useRef<HTMLDivElement>(null);
  const locked = secondsLeft > 0;

  useEffect(() => {
    if (lockedUntil !== null && secondsLeft === 0) void useStaff.getState().refresh();
  }, [lockedUntil, secondsLeft]);

  // A digit typed anywhere on the screen goes to the PIN.
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      const input = field.current?.querySelector('input');
      if (input && document.activeElement !== input && /^\d$/.test(event.key)) input.focus();
    }
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);

  async function signIn(who: { pin: string } | { staffId: string }): Promise<void> {
    if (busy || locked) return;
    setBusy(true);
    const refused = await useStaff.getState().signIn(who);
    setBusy(false);
    setPin('');
    setError(refused);
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    if (pin !== '') void signIn({ pin });
  }

  return (
    <div className="manager-screen sign-in-screen" data-testid="sign-in-screen">
      <h1>{text.signInTitle}</h1>
      <form onSubmit={submit} className="panel dialog-form" aria-label={text.signInTitle}>
        <div ref={field}>
          <TextField
            label={text.signInIntro}
            value={pin}
            onChange={(value) => setPin(value.replace(/\D/g, ''))}
            type="password"
            inputMode="numeric"
            maxLength={8}
            disabled={locked}
            autoFocus
            data-testid="sign-in-pin"
          />
        </div>
        <p className="form-error" role="alert" data-testid="sign-in-error">
          {locked ? text.lockedFor(secondsLeft) : error ? describeError(error, locale) : ''}
        </p>
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            data-testid="sign-in-submit"
            disabled={busy || locked}
          >
            {text.signIn}
          </button>
        </div>
      </form>
      {names.length > 0 && (
        <section className="panel" aria-labelledby="sign-in-pick">
          <h2 id="sign-in-pick">{text.signInPick}</h2>
          <ul className="sign-in-names">
            {names.map((member) => (
              <li key={member.id}>
                <button
                  type="button"
                  className="button button-secondary"
                  data-testid={`sign-in-name-${member.id}`}
                  disabled={busy}
                  onClick={() => void signIn({ staffId: member.id })}
                >
                  {member.name}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
