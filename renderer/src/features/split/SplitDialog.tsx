import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { formatWon, type Won } from '../../../../shared/domain/money';
import type { Order, PaymentPartMethod } from '../../../../shared/domain/order';
import { useLocale, useStrings } from '../../i18n/use-strings';
import { isPlainKey } from '../../lib/keyboard';
import { Dialog } from '../../ui/Dialog';
import { CashDialog, describeProblem, usePhaseText, useCheckout } from '../checkout';
import { PartList } from './PartList';
import { EVEN_SPLITS, evenShare, readPartAmount, splitFigures, type PartAmountProblem } from './split-model';
import { useSplitTexts } from './split-strings';
import { closeSplit, takeCardPart, takeCashPart } from './take-part';
import './split.css';

/** The split dialog while the register's order is being paid in parts and the dialog is open. */
export function SplitDialogHost() {
  const split = useCheckout((state) => state.split);
  if (split === null || !split.open) return null;
  return <SplitDialog order={split.order} />;
}

/**
 * One order paid by several tenders: its total, the parts taken so far, what is left, and the
 * next part's amount (typed, split evenly, or the rest) taken by card (Enter) or in cash (F7).
 * A declined or closed card window leaves the paid parts paid; another card or another way takes the rest.
 */
function SplitDialog({ order }: { order: Order }) {
  const text = useSplitTexts();
  const common = useStrings();
  const phaseText = usePhaseText();
  const locale = useLocale();
  const won = (amount: number) => formatWon(amount, locale);
  const phase = useCheckout((state) => state.phase);
  const problem = useCheckout((state) => state.problem);
  const outcomeUnknown = useCheckout((state) => state.approval !== null);
  const checkAgain = useCheckout((state) => state.checkAgain);
  const { total, paid, left } = splitFigures(order);
  const busy = phase !== 'idle';
  const [typed, setTyped] = useState(String(left));
  const [shownLeft, setShownLeft] = useState(left);
  const [amountProblem, setAmountProblem] = useState<PartAmountProblem | null>(null);
  const [cashAmount, setCashAmount] = useState<Won | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const nextStep = useRef<HTMLButtonElement>(null);
  const fieldId = useId();

  // Each part taken (or given back) brings the rest back into the field: Enter then takes it by card.
  if (!busy && left !== shownLeft) {
    setShownLeft(left);
    setTyped(String(left));
    setAmountProblem(null);
  }

  // A declined part: the cashier's next step takes the focus, so Enter or Space does it.
  useEffect(() => {
    if (problem !== null) nextStep.current?.focus();
  }, [problem]);

  function take(method: PaymentPartMethod, amountText: string = typed): void {
    if (busy || outcomeUnknown) return;
    const reading = readPartAmount(amountText, left, method);
    if ('problem' in reading) {
      setAmountProblem(reading.problem);
      field.current?.focus();
      return;
    }
    setAmountProblem(null);
    if (method === 'card') takeCardPart(reading.amount);
    else setCashAmount(reading.amount);
  }

  function choose(amount: Won): void {
    setTyped(String(amount));
    setAmountProblem(null);
    field.current?.focus();
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    take('card');
  }

  function onKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'F7' || cashAmount !== null || !isPlainKey(event.nativeEvent)) return;
    event.preventDefault();
    take('cash');
  }

  const amountError =
    amountProblem === null
      ? null
      : amountProblem === 'invalid'
        ? text.amountInvalid
        : amountProblem === 'over-left'
          ? text.overLeft(won(left))
          : text.belowCardMinimum;
  const code =
    problem === null ? null : problem.source === 'main' ? (problem.error.tossCode ?? problem.error.code) : problem.code;

  return (
    <Dialog title={text.title} onCancel={closeSplit} testId="split-dialog">
      {/* F7 anywhere in the dialog takes cash, as on the register. */}
      <div className="split" onKeyDown={onKeyDown}>
        <dl className="split-figures">
          <div>
            <dt>{text.total}</dt>
            <dd data-testid="split-total">{won(total)}</dd>
          </div>
          <div>
            <dt>{text.paid}</dt>
            <dd data-testid="split-paid">{won(paid)}</dd>
          </div>
          <div className="split-left">
            <dt>{text.left}</dt>
            <dd data-testid="split-left">{won(left)}</dd>
          </div>
        </dl>
        <PartList parts={order.parts} />
        {problem !== null && (
          <div className="split-problem" data-code={code ?? undefined} data-testid="split-problem">
            <p className="problem-message" role="alert" data-testid="split-error">
              {describeProblem(problem, locale, common)}
            </p>
            {paid > 0 && <p className="problem-note">{text.paidStay}</p>}
            <div className="problem-actions">
              {outcomeUnknown ? (
                <button
                  ref={nextStep}
                  type="button"
                  className="button button-primary"
                  data-testid="split-check-again"
                  title={common.checkAgainHint}
                  disabled={busy}
                  onClick={() => void checkAgain()}
                >
                  {common.checkAgain}
                </button>
              ) : (
                <>
                  <button
                    ref={nextStep}
                    type="button"
                    className="button button-secondary"
                    data-testid="split-another-card"
                    disabled={busy}
                    onClick={() => take('card')}
                  >
                    {text.anotherCard}
                  </button>
                  <button
                    type="button"
                    className="button button-secondary"
                    data-testid="split-another-way"
                    disabled={busy}
                    onClick={() => {
                      setTyped(String(left));
                      take('cash', String(left));
                    }}
                  >
                    {text.payAnotherWay}
                  </button>
                </>
              )}
            </div>
          </div>
        )}
        <form className="dialog-form split-form" onSubmit={submit} noValidate>
          <div className="split-amount-row">
            <div className="field">
              <label htmlFor={fieldId}>{text.amount}</label>
              <input
                ref={field}
                id={fieldId}
                className="split-amount"
                value={typed}
                onChange={(event) => {
                  setTyped(event.target.value);
                  setAmountProblem(null);
                }}
                readOnly={busy}
                inputMode="numeric"
                maxLength={13}
                autoComplete="off"
                aria-invalid={amountError === null ? undefined : true}
                aria-describedby={`${fieldId}-note`}
                data-testid="split-amount"
              />
              <p
                id={`${fieldId}-note`}
                className={amountError === null ? 'field-hint' : 'field-error'}
                role={amountError === null ? undefined : 'alert'}
                data-testid="split-amount-note"
              >
                {amountError ?? text.amountHint(won(left))}
              </p>
            </div>
            <div className="split-quick">
              {EVEN_SPLITS.map((count) => (
                <button
                  key={count}
                  type="button"
                  className="chip"
                  title={text.evenlyHint(count, won(evenShare(order, count)))}
                  disabled={busy}
                  onClick={() => choose(evenShare(order, count))}
                  data-testid={`split-evenly-${count}`}
                >
                  {text.evenly(count)}
                </button>
              ))}
              <button
                type="button"
                className="chip"
                disabled={busy}
                onClick={() => choose(left)}
                data-testid="split-rest"
              >
                {text.rest}
              </button>
            </div>
          </div>
          <p className="split-status" role="status" data-testid="split-status">
            {busy && (
              <>
                <span className="spinner" aria-hidden="true" /> {phaseText[phase]}
              </>
            )}
          </p>
          {paid > 0 && !busy && problem === null && <p className="field-hint split-close-note">{text.closeNote}</p>}
          <div className="dialog-actions">
            <button
              type="button"
              className="button button-plain"
              disabled={busy || outcomeUnknown}
              title={busy ? text.busyNote : undefined}
              onClick={closeSplit}
              data-testid="split-close"
            >
              {text.close}
            </button>
            <button
              type="button"
              className="button button-secondary"
              disabled={busy || outcomeUnknown}
              onClick={() => take('cash')}
              data-testid="split-cash"
            >
              {text.cash}
            </button>
            <button
              type="submit"
              className="button button-primary"
              disabled={busy || outcomeUnknown}
              aria-busy={busy}
              data-testid="split-card"
            >
              {text.card}
            </button>
          </div>
        </form>
        {cashAmount !== null && (
          <CashDialog
            amount={cashAmount}
            onClose={() => setCashAmount(null)}
            onTake={(tender) => {
              setCashAmount(null);
              takeCashPart(cashAmount, tender);
            }}
          />
        )}
      </div>
    </Dialog>
  );
}
