import { useState, type FormEvent } from 'react';
import { DRAWER_REASONS, MAX_DRAWER_MOVE } from '../../../../shared/domain/drawer';
import { parseWholeNumber } from '../../lib/whole-number';
import { useAction } from '../../lib/use-action';
import { FormError } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { composeReason } from './drawer-reason';
import { moveCash } from './drawer-store';
import { useDrawerTexts } from './drawer-strings';

/** Cash paid in or out of the open shift: the kind, the amount and a reason (a preset, own words, or both). */
export function MoveForm() {
  const text = useDrawerTexts();
  const { busy, error, run } = useAction();
  const [kind, setKind] = useState<'in' | 'out'>('out');
  const [amount, setAmount] = useState('');
  const [preset, setPreset] = useState<number | null>(null);
  const [detail, setDetail] = useState('');
  const [tried, setTried] = useState(false);
  const won = parseWholeNumber(amount);
  const amountOk = Number.isSafeInteger(won) && won >= 1 && won <= MAX_DRAWER_MOVE;
  const reason = composeReason(preset, detail);
  const reasonOk = reason !== '' && reason.length <= 100;

  function submit(event: FormEvent): void {
    event.preventDefault();
    setTried(true);
    if (!amountOk || !reasonOk) return;
    run(
      () => moveCash(kind, won, reason),
      () => {
        setAmount('');
        setPreset(null);
        setDetail('');
        setTried(false);
      },
    );
  }

  return (
    <form className="panel drawer-move" onSubmit={submit} aria-labelledby="drawer-move-heading" noValidate>
      <h2 id="drawer-move-heading">{text.moveHeading}</h2>
      <fieldset className="drawer-choices">
        <legend>{text.kindLabel}</legend>
        <div className="drawer-choice-row">
          {(['out', 'in'] as const).map((choice) => (
            <label key={choice} className="drawer-chip">
              <input
                type="radio"
                name="drawer-move-kind"
                checked={kind === choice}
                onChange={() => setKind(choice)}
                data-testid={`drawer-move-${choice}`}
              />
              {choice === 'in' ? text.kindIn : text.kindOut}
            </label>
          ))}
        </div>
      </fieldset>
      <TextField
        label={text.amount}
        value={amount}
        onChange={setAmount}
        inputMode="numeric"
        error={tried && !amountOk ? text.amountInvalid : null}
        data-testid="drawer-move-amount"
      />
      <fieldset className="drawer-choices">
        <legend>{text.presets}</legend>
        <div className="drawer-choice-row">
          {DRAWER_REASONS.map((name, index) => (
            <button
              key={name}
              type="button"
              className="drawer-chip"
              aria-pressed={preset === index}
              onClick={() => setPreset(preset === index ? null : index)}
              data-testid={`drawer-reason-${index}`}
            >
              {text.reasons[index]}
            </button>
          ))}
        </div>
      </fieldset>
      <TextField
        label={text.reason}
        value={detail}
        onChange={setDetail}
        maxLength={80}
        hint={text.reasonHint}
        error={tried && !reasonOk ? text.reasonMissing : null}
        data-testid="drawer-move-reason"
      />
      <FormError error={error} testId="drawer-move-error" />
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={busy}
          aria-busy={busy}
          data-testid="drawer-move-submit"
        >
          {busy ? text.recording : text.record}
        </button>
      </div>
    </form>
  );
}
