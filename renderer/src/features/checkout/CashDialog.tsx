import { useState, type FormEvent } from 'react';
import {
  QUICK_NOTES,
  cashReceiptIdentityKind,
  cashReceiptTypes,
  changeFor,
  MAX_CASH_RECEIVED,
  type CashReceiptType,
} from '../../../../shared/domain/cash';
import { formatWon, type Won } from '../../../../shared/domain/money';
import { useLocale } from '../../i18n/use-strings';
import { parseWholeNumber } from '../../lib/whole-number';
import { Dialog } from '../../ui/Dialog';
import { AmountField } from '../../ui/AmountField';
import { TextField } from '../../ui/TextField';
import type { CashTender } from './checkout-store';
import { useCashTexts } from './cash-strings';

interface CashDialogProps {
  amount: Won;
  onTake: (tender: CashTender) => void;
  onClose: () => void;
}

/**
 * Cash at the counter: what the customer handed over (typed, or note by note), the change to
 * give back, and a 현금영수증 if asked for. Enter takes it once the cash covers the sale.
 */
export function CashDialog({ amount, onTake, onClose }: CashDialogProps) {
  const text = useCashTexts();
  const locale = useLocale();
  const [received, setReceived] = useState('');
  const [wantsReceipt, setWantsReceipt] = useState(false);
  const [type, setType] = useState<CashReceiptType>('소득공제');
  const [identity, setIdentity] = useState('');
  const [identityTouched, setIdentityTouched] = useState(false);

  const receivedWon = parseWholeNumber(received);
  const change =
    Number.isSafeInteger(receivedWon) && receivedWon <= MAX_CASH_RECEIVED ? changeFor(amount, receivedWon) : null;
  const identityOk = !wantsReceipt || cashReceiptIdentityKind(identity) !== null;
  const ready = change !== null && identityOk;

  function addNote(note: Won): void {
    setReceived(String((Number.isSafeInteger(receivedWon) ? receivedWon : 0) + note));
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    setIdentityTouched(true);
    if (!ready) return;
    onTake({ received: receivedWon, cashReceipt: wantsReceipt ? { type, identity } : null });
  }

  const shortBy = Number.isSafeInteger(receivedWon) && receivedWon < amount ? amount - receivedWon : null;
  return (
    <Dialog title={text.title} onCancel={onClose} testId="cash-dialog">
      <form className="dialog-form cash-form" onSubmit={submit}>
        <p className="cash-due">
          <span>{text.due}</span>
          <strong data-testid="cash-due">{formatWon(amount, locale)}</strong>
        </p>
        <AmountField
          label={text.received}
          value={received}
          onChange={setReceived}
          inputMode="numeric"
          maxLength={17}
          hint={text.receivedHint}
          data-testid="cash-received"
          autoFocus
        />
        <p className={`cash-change${shortBy === null ? '' : ' cash-short'}`} role="status" data-testid="cash-change">
          {shortBy !== null
            ? text.short(formatWon(shortBy, locale))
            : change !== null
              ? `${text.change} ${formatWon(change, locale)}`
              : ' '}
        </p>
        <label className="cash-receipt-toggle">
          <input
            type="checkbox"
            checked={wantsReceipt}
            data-testid="cash-receipt-wanted"
            onChange={(event) => setWantsReceipt(event.target.checked)}
          />
          {text.wantsReceipt}
        </label>
        {wantsReceipt && (
          <>
            <fieldset className="cash-receipt-type">
              {cashReceiptTypes.map((option) => (
                <label key={option}>
                  <input
                    type="radio"
                    name="cash-receipt-type"
                    value={option}
                    checked={type === option}
                    data-testid={`cash-receipt-type-${option}`}
                    onChange={() => setType(option)}
                  />
                  {text.receiptType[option]}
                </label>
              ))}
            </fieldset>
            <TextField
              label={text.identity}
              value={identity}
              onChange={setIdentity}
              onBlur={() => setIdentityTouched(true)}
              inputMode="numeric"
              maxLength={30}
              hint={text.identityHint}
              error={identityTouched && !identityOk ? text.identityInvalid : null}
              data-testid="cash-receipt-identity"
            />
          </>
        )}
        {/* After the 현금영수증: one Tab from the amount reaches it; the notes are clicked more than tabbed to. */}
        <div className="cash-notes">
          <button type="button" className="chip" data-testid="cash-exact" onClick={() => setReceived(String(amount))}>
            {text.exact}
          </button>
          {QUICK_NOTES.map((note) => (
            <button
              key={note}
              type="button"
              className="chip"
              data-testid={`cash-note-${note}`}
              onClick={() => addNote(note)}
            >
              {text.addNote(formatWon(note, locale))}
            </button>
          ))}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button button-plain" onClick={onClose}>
            {text.cancel}
          </button>
          <button type="submit" className="button button-primary" data-testid="cash-take" disabled={change === null}>
            {text.take}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
